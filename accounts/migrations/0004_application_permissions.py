"""Support admins decide agent applications."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_agentapplication", "decide_agentapplication"]


def grant(apps, schema_editor):
    accounts = apps.get_app_config("accounts")
    accounts.models_module = True
    create_permissions(accounts, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Support admins").permissions.add(
        *Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Support admins").permissions.remove(
        *Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_agent_applications")]

    operations = [migrations.RunPython(grant, revoke)]
