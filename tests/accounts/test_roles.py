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


def _every_kind_of_user(django_user_model):
    """One user of each kind the site has, by name."""
    from accounts.models import AgentApplication
    from tests.factories import AgentFactory, CustomerFactory, EditorFactory, SupportAdminFactory

    applicant = CustomerFactory()
    AgentApplication.objects.create(user=applicant, name="Ann", phone="+1 555 0100", motivation="x")
    return {
        "superuser": django_user_model.objects.create_superuser("root@example.com", "x"),
        "inactive superuser": django_user_model.objects.create_superuser(
            "gone-root@example.com", "x", is_active=False
        ),
        "agent": AgentFactory(),
        "inactive agent": AgentFactory(is_active=False),
        "away agent": AgentFactory(is_available=False),
        "support admin": SupportAdminFactory(),
        "inactive support admin": SupportAdminFactory(is_active=False),
        "agent and support admin": _in_groups(AgentFactory(), roles.SUPPORT_ADMINS),
        "editor": EditorFactory(),
        "moderator": EditorFactory(role=roles.MODERATORS),
        "customer": CustomerFactory(),
        "applicant": applicant,
    }


def _in_groups(user, *names):
    user.groups.add(*Group.objects.filter(name__in=names))
    return user


def test_the_agents_queryset_lists_exactly_the_users_the_predicate_calls_agents(
    django_user_model,
):
    users = _every_kind_of_user(django_user_model)
    listed = set(django_user_model.objects.agents().values_list("pk", flat=True))

    assert {kind for kind, user in users.items() if user.pk in listed} == {
        kind for kind, user in users.items() if roles.is_agent(user)
    }
    assert {kind for kind, user in users.items() if user.pk in listed} == {
        "superuser",
        "agent",
        "away agent",
        "support admin",
        "agent and support admin",
    }


def test_the_support_admins_queryset_lists_exactly_the_users_the_predicate_calls_admins(
    django_user_model,
):
    users = _every_kind_of_user(django_user_model)
    listed = set(django_user_model.objects.support_admins().values_list("pk", flat=True))

    assert {kind for kind, user in users.items() if user.pk in listed} == {
        kind for kind, user in users.items() if roles.is_support_admin(user)
    }
    assert {kind for kind, user in users.items() if user.pk in listed} == {
        "superuser",
        "support admin",
        "agent and support admin",
    }


def test_a_user_in_both_staff_groups_is_listed_once(django_user_model):
    from tests.factories import SupportAdminFactory

    both = _in_groups(SupportAdminFactory(), roles.AGENTS)

    assert list(django_user_model.objects.agents()) == [both]
