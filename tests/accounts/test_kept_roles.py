"""Each user's roles are read once and kept between requests (accounts.roles), yet a change of
membership, or a deleted account whose id comes round again, counts on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import AGENTS, is_agent, make_customer
from tests.factories import CustomerFactory
from tests.utils import fresh

pytestmark = pytest.mark.django_db


def agent_queries(user):
    with CaptureQueriesContext(connection) as queries:
        answer = is_agent(user)
    return answer, len(queries)


def test_the_second_request_reads_no_groups(agent):
    assert agent_queries(fresh(agent)) == (True, 1)
    assert agent_queries(fresh(agent)) == (True, 0)


def test_joining_a_group_counts_at_once_for_that_person_only(customer, agent):
    agent_queries(fresh(customer))
    agent_queries(fresh(agent))

    customer.groups.add(Group.objects.get(name=AGENTS))

    assert agent_queries(fresh(customer)) == (True, 1)
    assert agent_queries(fresh(agent)) == (True, 0)


def test_leaving_a_group_counts_at_once(agent):
    agent_queries(fresh(agent))

    Group.objects.get(name=AGENTS).user_set.remove(agent)

    assert agent_queries(fresh(agent))[0] is False


def test_a_deleted_agents_roles_do_not_pass_to_an_account_with_their_id(agent):
    agent_queries(fresh(agent))
    pk = agent.pk
    agent.delete()

    stranger = CustomerFactory(pk=pk)

    assert agent_queries(fresh(stranger))[0] is False


def test_make_customer_counts_on_the_same_object(agent):
    user = fresh(agent)
    is_agent(user)
    user.groups.clear()

    make_customer(user)

    assert is_agent(user) is False
