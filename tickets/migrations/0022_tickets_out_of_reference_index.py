"""Tickets left Wagtail's reference index (Ticket.wagtail_reference_index_ignore): what it
recorded of them goes too, or usage pages would go on naming tickets it no longer follows."""

from django.db import migrations


def forget_tickets(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ticket = ContentType.objects.filter(app_label="tickets", model="ticket").first()
    if ticket is not None:
        ReferenceIndex.objects.filter(base_content_type=ticket).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("tickets", "0021_reports_covering_created_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Back, the index fills again with `manage.py rebuild_references_index`.
    operations = [migrations.RunPython(forget_tickets, migrations.RunPython.noop)]
