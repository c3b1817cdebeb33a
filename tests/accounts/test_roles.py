import pytest
from django.contrib.auth.models import Group

from accounts import roles

pytestmark = pytest.mark.django_db


def _permissions(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_role_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))

    assert {
        roles.CUSTOMERS,
        roles.AGENTS,
        roles.SUPPORT_ADMINS,
        roles.EDITORS,
        roles.MODERATORS,
    } <= names


def test_customers_have_no_admin_permission():
    assert "wagtailadmin.access_admin" not in _permissions(roles.CUSTOMERS)


@pytest.mark.parametrize(
    "group", [roles.AGENTS, roles.SUPPORT_ADMINS, roles.EDITORS, roles.MODERATORS]
)
def test_staff_roles_may_enter_the_admin(group):
    assert "wagtailadmin.access_admin" in _permissions(group)


def test_only_editors_and_moderators_may_edit_pages():
    from wagtail.models import GroupPagePermission

    page_groups = set(GroupPagePermission.objects.values_list("group__name", flat=True))

    assert page_groups == {roles.EDITORS, roles.MODERATORS}


def test_role_predicates(customer, agent, support_admin, editor, django_user_model):
    superuser = django_user_model.objects.create_superuser("root@example.com", "x")

    assert [roles.is_agent(u) for u in (customer, agent, support_admin, editor, superuser)] == [
        False,
        True,
        True,
        False,
        True,
    ]
    assert [
        roles.is_support_admin(u) for u in (customer, agent, support_admin, editor, superuser)
    ] == [False, False, True, False, True]
    assert [
        roles.can_access_admin(u) for u in (customer, agent, support_admin, editor, superuser)
    ] == [False, True, True, True, True]
