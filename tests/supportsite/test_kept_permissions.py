"""Each user's permissions are read once and kept (supportsite.auth_backends), yet a change of
group or permission counts on the next request: for the one person, or for everyone."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import AGENTS, SUPPORT_ADMINS
from tests.factories import AgentFactory, CustomerFactory
from tests.utils import fresh

pytestmark = pytest.mark.django_db


def permission_queries(user, perm="wagtailadmin.access_admin"):
    with CaptureQueriesContext(connection) as queries:
        answer = user.has_perm(perm)
    return answer, len(queries)


def test_the_second_request_reads_no_permissions(agent):
    assert permission_queries(fresh(agent)) == (True, 2)
    assert permission_queries(fresh(agent)) == (True, 0)


def test_joining_a_group_counts_at_once_for_that_person_only(customer, agent):
    permission_queries(fresh(customer))
    permission_queries(fresh(agent))

    customer.groups.add(Group.objects.get(name=AGENTS))

    assert permission_queries(fresh(customer)) == (True, 2)
    assert permission_queries(fresh(agent)) == (True, 0)


def test_a_group_joined_from_the_groups_side_counts_at_once(customer):
    permission_queries(fresh(customer))

    Group.objects.get(name=SUPPORT_ADMINS).user_set.add(customer)

    assert permission_queries(fresh(customer))[0] is True


def test_leaving_a_group_counts_at_once(agent):
    permission_queries(fresh(agent))

    agent.groups.clear()

    assert permission_queries(fresh(agent))[0] is False


def test_a_permission_given_to_a_group_counts_for_everyone_at_once():
    agents = AgentFactory.create_batch(2)
    for agent in agents:
        assert fresh(agent).has_perm("auth.view_group") is False

    Group.objects.get(name=AGENTS).permissions.add(
        Permission.objects.get(content_type__app_label="auth", codename="view_group")
    )

    assert all(fresh(agent).has_perm("auth.view_group") for agent in agents)


def test_a_permission_given_to_one_person_counts_at_once():
    customer = CustomerFactory()
    assert fresh(customer).has_perm("auth.view_group") is False

    customer.user_permissions.add(
        Permission.objects.get(content_type__app_label="auth", codename="view_group")
    )

    assert fresh(customer).has_perm("auth.view_group") is True


def test_a_deactivated_or_demoted_user_loses_what_was_kept(agent):
    permission_queries(fresh(agent))
    agent.is_active = False
    agent.save()
    assert fresh(agent).has_perm("wagtailadmin.access_admin") is False

    superuser = AgentFactory(is_superuser=True)
    assert fresh(superuser).has_perm("auth.delete_group") is True
    superuser.is_superuser = False
    superuser.save()
    assert fresh(superuser).has_perm("auth.delete_group") is False
