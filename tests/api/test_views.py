"""`GET /api/v1/views/`: the caller's saved views, the shared ones and the built-in ones, each
counted as the admin's queue lists it; for staff only."""

import pytest

from tests.factories import AgentFactory, EditorFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.choices import Status
from tickets.models import SavedView

from .conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/views/"


@pytest.fixture
def desk(agent, support_admin):
    waiting = open_ticket(subject="Waiting for a photo")
    workflow.assign(waiting, by=agent, assignee=agent)
    workflow.change_status(waiting, by=agent, status=Status.WAITING_ON_CUSTOMER)
    open_ticket(subject="Nobody has this one")
    SavedView.objects.create(
        owner=agent, name="My waiting tickets", query="view=mine&status=waiting_on_customer"
    )
    SavedView.objects.create(
        owner=support_admin, name="Everything open", query="status=open", shared=True
    )
    SavedView.objects.create(owner=AgentFactory(), name="A colleague's", query="")


def test_an_agent_gets_built_in_own_and_shared_views_with_counts(api, agent, desk):
    response = api(agent).get(URL)

    assert response.status_code == 200
    views = {view["name"]: view for view in response.json()}
    assert views["My waiting tickets"]["kind"] == "own"
    assert views["My waiting tickets"]["count"] == 1
    assert views["Everything open"]["kind"] == "shared"
    assert views["Everything open"]["count"] == 1
    assert "A colleague's" not in views
    assert views["Mine"] == {
        "id": None,
        "key": "mine",
        "name": "Mine",
        "kind": "built_in",
        "query": "view=mine",
        "url": "/admin/snippets/tickets/ticket/?view=mine",
        "count": 1,
    }
    assert views["Unassigned"]["count"] == 1
    # Named: the queue's plain address opens on each agent's default view ("My teams" for one
    # in a team).
    assert views["Active tickets"]["query"] == "view=active"
    assert response.json()[0]["kind"] == "built_in" and response.json()[-1]["kind"] != "built_in"


def test_a_support_admin_sees_their_shared_view_as_their_own(api, support_admin, desk):
    views = {view["name"]: view for view in api(support_admin).get(URL).json()}

    assert views["Everything open"]["kind"] == "own"
    assert "My waiting tickets" not in views


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 401), ("owner", 403), ("editor", 403), ("agent", 200), ("support_admin", 200)],
)
def test_only_staff_may_list_views(users, role, expected, db):
    user = EditorFactory() if role == "editor" else users[role]

    assert client_for(user).get(URL).status_code == expected


def test_listing_views_keeps_a_flat_query_count_as_tickets_grow(client, agent, desk):
    client.force_login(agent)
    count_queries(client, URL)  # the built-in counts are cached from here on
    small = count_queries(client, URL)

    for _ in range(20):
        open_ticket()

    assert count_queries(client, URL) == small
