"""Grant the support roles their ticket permissions (the groups come from accounts.0002_roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AGENT = [
    "view_ticket",
    "change_ticket",
    "add_ticket",
    "view_message",
    "add_message",
    "view_attachment",
    "view_order",
    "view_category",
    "view_cannedresponse",
    "view_feedback",
]
SUPPORT_ADMIN = AGENT + [
    "assign_ticket",
    "add_category",
    "change_category",
    "delete_category",
    "add_cannedresponse",
    "change_cannedresponse",
    "delete_cannedresponse",
]
ROLE_PERMISSIONS = {"Support agents": AGENT, "Support admins": SUPPORT_ADMIN}


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
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="tickets"))


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
