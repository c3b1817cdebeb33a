"""Let agents review held incoming email, and support admins watch and resend outgoing email."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Support agents": ["view_inboundemail", "change_inboundemail"],
    "Support admins": [
        "view_inboundemail",
        "change_inboundemail",
        "view_emaildelivery",
        "resend_emaildelivery",
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    tickets = apps.get_app_config("tickets")
    tickets.models_module = True
    create_permissions(tickets, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="tickets", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="tickets", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0003_notifications_and_email"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
