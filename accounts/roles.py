"""Roles are groups; this module names them and answers "may this user …?" for the whole site.

The groups are created by migrations (accounts/migrations/0002_roles.py and later ones that add
permissions as new models arrive). Editors and Moderators are Wagtail's own groups.
"""

from django.contrib.auth.models import Group

from supportsite import access

CUSTOMERS = "Customers"
AGENTS = "Support agents"
SUPPORT_ADMINS = "Support admins"
EDITORS = "Editors"
MODERATORS = "Moderators"

STAFF_GROUPS = (AGENTS, SUPPORT_ADMINS)


def _group_names(user):
    """The names of the user's groups: every page asks, so they are kept between requests under
    supportsite.access's token, which a change of membership replaces."""
    if not hasattr(user, "_role_group_names"):
        user._role_group_names = access.kept(
            user, "roles", lambda: frozenset(user.groups.values_list("name", flat=True))
        )
    return user._role_group_names


def _in_role(user, groups):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or not _group_names(user).isdisjoint(groups)


def is_support_admin(user):
    """Support admins configure the help desk and approve agents; superusers are ones too.
    `User.objects.support_admins()` lists the same people."""
    return _in_role(user, (SUPPORT_ADMINS,))


def is_agent(user):
    """Agents work tickets; support admins and superusers are agents too. Inactive accounts are
    no agents. `User.objects.agents()` lists the same people."""
    return _in_role(user, STAFF_GROUPS)


def can_access_admin(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def make_customer(user):
    user.groups.add(Group.objects.get_or_create(name=CUSTOMERS)[0])
    user.__dict__.pop("_role_group_names", None)
