"""Give the report permissions to the groups that read the reports: the support reports to
agents and support admins, the help-center reports to editors, moderators and support admins."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Support agents": ["view_support_reports"],
    "Support admins": ["view_support_reports", "view_helpcenter_reports"],
    "Editors": ["view_helpcenter_reports"],
    "Moderators": ["view_helpcenter_reports"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    supportsite = apps.get_app_config("supportsite")
    supportsite.models_module = True
    create_permissions(supportsite, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="supportsite", codename__in=ROLE_PERMISSIONS[group.name]
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="supportsite", content_type__model="report"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("supportsite", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
