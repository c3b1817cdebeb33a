"""Let editors, moderators and support admins read the help-center reports; editors and
moderators also manage FAQ categories."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTS = ["view_dailysearchcount", "view_articlefeedback"]
FAQ_CATEGORIES = [
    "add_faqcategory",
    "change_faqcategory",
    "delete_faqcategory",
    "view_faqcategory",
]
ROLE_PERMISSIONS = {
    "Editors": REPORTS + FAQ_CATEGORIES,
    "Moderators": REPORTS + FAQ_CATEGORIES,
    "Support admins": REPORTS,
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    helpcenter = apps.get_app_config("helpcenter")
    helpcenter.models_module = True
    create_permissions(helpcenter, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="helpcenter", codename__in=ROLE_PERMISSIONS[group.name]
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = set(REPORTS + FAQ_CATEGORIES)
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="helpcenter", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("helpcenter", "0004_help_center_pages"),
        ("accounts", "0002_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
