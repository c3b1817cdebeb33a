"""What migrations that add permissions share: granting them to the roles (accounts.roles)."""

from django.contrib.auth.management import create_permissions


def role_permissions(app_label, permissions_by_group):
    """The RunPython pair that grants (and takes back) `app_label`'s permissions, by codename,
    to the named groups. Permissions are normally made after migrate; these are made now."""

    def _permissions(apps, codenames):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    def grant(apps, schema_editor):
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        Group = apps.get_model("auth", "Group")
        for group_name, codenames in permissions_by_group.items():
            group, _ = Group.objects.get_or_create(name=group_name)
            group.permissions.add(*_permissions(apps, codenames))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for group in Group.objects.filter(name__in=permissions_by_group):
            group.permissions.remove(*_permissions(apps, permissions_by_group[group.name]))

    return grant, revoke
