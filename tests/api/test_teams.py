"""Teams in the API: `team` on tickets for staff, moving a ticket with PATCH (the workflow's
rules), `?team=`, and `GET /api/v1/teams/`; flat query counts with teams and scoped visibility."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from tests.api.conftest import client_for
from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, TeamFactory, open_ticket
from tickets import workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams():
    member = AgentFactory(name="Pat Payments")
    return {
        "payments": TeamFactory(name="Payments", email="payments@example.com", members=[member]),
        "orders": TeamFactory(name="Orders"),
        "member": member,
    }


def test_staff_list_the_teams_with_their_members(api, agent, teams):
    response = api(agent).get("/api/v1/teams/")

    assert response.status_code == 200
    assert response.json() == [
        {"id": teams["orders"].pk, "name": "Orders", "email": "", "members": []},
        {
            "id": teams["payments"].pk,
            "name": "Payments",
            "email": "payments@example.com",
            "members": [{"id": teams["member"].pk, "name": "Pat Payments"}],
        },
    ]


def test_customers_and_visitors_get_no_teams(api, customer, teams):
    assert api(customer).get("/api/v1/teams/").status_code == 403
    assert api(None).get("/api/v1/teams/").status_code == 401


def test_staff_read_a_tickets_team_and_customers_never(api, agent, customer, teams):
    ticket = open_ticket(customer, category=CategoryFactory(default_team=teams["payments"]))

    staff = api(agent).get(f"/api/v1/tickets/{ticket.number}/").json()
    own = api(customer).get(f"/api/v1/tickets/{ticket.number}/").json()
    listed = api(agent).get("/api/v1/tickets/").json()["results"][0]

    assert staff["team"] == {"id": teams["payments"].pk, "name": "Payments"}
    assert listed["team"] == staff["team"]
    assert "team" not in own


def test_staff_move_a_ticket_to_another_team_with_a_reason(api, agent, customer, teams):
    ticket = open_ticket(customer, category=CategoryFactory(default_team=teams["payments"]))

    response = api(agent).patch(
        f"/api/v1/tickets/{ticket.number}/",
        {"team": teams["orders"].pk, "reason": "About a delivery"},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert response.json()["team"]["name"] == "Orders"
    changes = [entry for entry in response.json()["history"] if entry["field_changed"] == "team"]
    assert changes[-1]["new_value"] == "Orders"
    assert changes[-1]["change_reason"] == "About a delivery"


def test_moving_a_ticket_unassigns_an_assignee_outside_the_new_team(api, support_admin, teams):
    ticket = open_ticket(
        CustomerFactory(), category=CategoryFactory(default_team=teams["payments"])
    )
    workflow.assign(ticket, by=support_admin, assignee=teams["member"])

    body = (
        api(support_admin)
        .patch(
            f"/api/v1/tickets/{ticket.number}/",
            {"team": teams["orders"].pk, "reason": "Delivery"},
            format="json",
        )
        .json()
    )

    assert (body["team"]["name"], body["assignee"]) == ("Orders", None)


@pytest.mark.parametrize(
    ("sent", "field"),
    [
        ({"team": 99999, "reason": "x"}, "team"),
        ({"team": "Payments", "reason": "x"}, "team"),
        ({"team": None}, "reason"),
    ],
)
def test_bad_team_changes_are_a_400_naming_the_field(api, agent, customer, teams, sent, field):
    ticket = open_ticket(customer, category=CategoryFactory(default_team=teams["payments"]))

    response = api(agent).patch(f"/api/v1/tickets/{ticket.number}/", sent, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    ticket.refresh_from_db()
    assert ticket.team == teams["payments"]


def test_customers_cannot_move_their_ticket(api, customer, teams):
    ticket = open_ticket(customer)

    response = api(customer).patch(
        f"/api/v1/tickets/{ticket.number}/",
        {"team": teams["orders"].pk, "reason": "Mine"},
        format="json",
    )

    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.team is None


def test_assigning_outside_the_team_is_a_400_on_the_assignee(api, support_admin, teams):
    ticket = open_ticket(
        CustomerFactory(), category=CategoryFactory(default_team=teams["payments"])
    )
    outsider = AgentFactory()

    response = api(support_admin).patch(
        f"/api/v1/tickets/{ticket.number}/assignee/",
        {"assignee": outsider.pk, "reason": "Cover"},
        format="json",
    )

    assert response.status_code == 400
    assert "not a member of the team Payments" in str(response.json()["errors"]["assignee"])


def test_staff_filter_tickets_by_team(api, agent, customer, teams):
    paid = open_ticket(customer, category=CategoryFactory(default_team=teams["payments"]))
    loose = open_ticket(customer)

    def numbers(team):
        response = api(agent).get("/api/v1/tickets/", {"team": team})
        return response.status_code, [
            t["ticket_number"] for t in response.json().get("results", [])
        ]

    assert numbers(teams["payments"].pk) == (200, [paid.number])
    assert numbers("none") == (200, [loose.number])
    assert numbers("sales")[0] == 400
    assert api(customer).get("/api/v1/tickets/", {"team": "none"}).status_code == 400


def _queries(user, url):
    client = client_for(User.objects.get(pk=user.pk))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("scoped", [False, True])
def test_the_ticket_list_and_teams_run_a_fixed_number_of_queries(settings, teams, scoped):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = scoped
    agent = teams["member"]
    customer = CustomerFactory()

    def grow(n):
        for i in range(n):
            team = TeamFactory(name=f"Team {i}-{n}", members=[agent, AgentFactory()])
            open_ticket(customer, category=CategoryFactory(default_team=team))

    grow(1)
    few = {url: _queries(agent, url) for url in ("/api/v1/tickets/", "/api/v1/teams/")}
    grow(5)

    assert {url: _queries(agent, url) for url in few} == few
