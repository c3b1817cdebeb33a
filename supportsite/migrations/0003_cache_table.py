"""The database cache's table (settings: the cache when there is no Redis), made by `migrate` so
a first deploy needs nothing else. `createcachetable` makes only what is missing, and nothing
when the cache is elsewhere (Redis); it runs again should the cache later move to the database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("supportsite", "0002_grant_report_permissions")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
