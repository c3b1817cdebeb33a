"""The spec's SLA targets as editable policies; support admins manage them and business hours."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TARGETS = {"urgent": (2, 8), "high": (4, 24), "medium": (24, 72), "low": (48, 168)}
CODENAMES = [
    "view_slapolicy",
    "add_slapolicy",
    "change_slapolicy",
    "delete_slapolicy",
    "change_businesshours",
]


def forwards(apps, schema_editor):
    SLAPolicy = apps.get_model("tickets", "SLAPolicy")
    for priority, (first_response, resolution) in TARGETS.items():
        SLAPolicy.objects.get_or_create(
            priority=priority,
            defaults={"first_response_hours": first_response, "resolution_hours": resolution},
        )
    tickets = apps.get_app_config("tickets")
    tickets.models_module = True
    create_permissions(tickets, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Support admins").permissions.add(
        *Permission.objects.filter(content_type__app_label="tickets", codename__in=CODENAMES)
    )


def backwards(apps, schema_editor):
    apps.get_model("tickets", "SLAPolicy").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("tickets", "0005_sla")]

    operations = [migrations.RunPython(forwards, backwards)]
