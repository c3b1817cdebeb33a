"""Teams in the admin: support admins keep them (agents only look, editors see nothing); the
queue's team filter, column and "My teams" default view; the ticket view's team control and
the assign form's error; the dashboard's and the reports' counts per team; flat query counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ROLES,
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    TeamFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.models import Team, Ticket
from tickets.reports import figures
from tickets.reports.figures import Scope

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"


def listed(client, **params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return {ticket.number for ticket in response.context["object_list"]}


@pytest.fixture
def desk(agent):
    """The agent in Payments; a Payments ticket, an Orders one and one of no team."""
    payments = TeamFactory(name="Payments", members=[agent])
    orders = TeamFactory(name="Orders & delivery", members=[AgentFactory()])
    customer = CustomerFactory()
    return {
        "payments": payments,
        "orders": orders,
        "paid": open_ticket(customer, category=CategoryFactory(name="Bill", default_team=payments)),
        "late": open_ticket(customer, category=CategoryFactory(name="Late", default_team=orders)),
        "loose": open_ticket(customer, subject="Anything else here"),
    }


# ── Managing teams ──────────────────────────────────────────────────────────────────────────

TEAM_PAGES = ("list", "add", "edit", "delete")
EXPECTED = {
    "anonymous": [302, 302, 302, 302],
    "customer": [302, 302, 302, 302],
    "applicant": [302, 302, 302, 302],
    "editor": [302, 302, 302, 302],
    "agent": [200, 302, 302, 302],  # the list shows who is in which team
    "support_admin": [200, 200, 200, 200],
}


@pytest.mark.parametrize("role", ROLES)
def test_team_pages_answer_each_role_as_expected(client, people, role):
    team = TeamFactory(name="Payments")
    if people[role]:
        client.force_login(people[role])
    urls = [
        reverse("wagtailsnippets_tickets_team:list"),
        reverse("wagtailsnippets_tickets_team:add"),
        reverse("wagtailsnippets_tickets_team:edit", args=[team.pk]),
        reverse("wagtailsnippets_tickets_team:delete", args=[team.pk]),
    ]

    answers = [client.get(url).status_code for url in urls]

    assert answers == EXPECTED[role], dict(zip(TEAM_PAGES, answers, strict=True))


def test_an_agent_cannot_change_a_team(client, agent):
    team = TeamFactory(name="Payments")
    client.force_login(agent)

    client.post(
        reverse("wagtailsnippets_tickets_team:edit", args=[team.pk]),
        {"name": "Mine", "members": [agent.pk]},
    )

    team.refresh_from_db()
    assert (team.name, list(team.members.all())) == ("Payments", [])


def test_a_support_admin_makes_a_team_of_agents_only(client, support_admin):
    agent, customer = AgentFactory(), CustomerFactory()
    client.force_login(support_admin)
    add = reverse("wagtailsnippets_tickets_team:add")
    week = {"time_zone": "America/Chicago", "opens": "08:00", "closes": "18:00", "monday": "on"}

    refused = client.post(add, {"name": "Payments", "members": [customer.pk], **week})
    made = client.post(
        add, {"name": "Payments", "email": "pay@example.com", "members": [agent.pk], **week}
    )

    assert refused.status_code == 200
    assert "members" in refused.context["form"].errors
    assert made.status_code == 302
    assert list(Team.objects.get(name="Payments").members.all()) == [agent]


# ── The queue ───────────────────────────────────────────────────────────────────────────────


def test_an_agents_queue_opens_on_their_teams_tickets(client, agent, desk):
    client.force_login(agent)

    assert listed(client) == {desk["paid"].number}
    assert listed(client, view="active") == {
        desk["paid"].number,
        desk["late"].number,
        desk["loose"].number,
    }


def test_an_agent_in_no_team_opens_on_every_active_ticket(client, desk):
    client.force_login(AgentFactory())

    body = client.get(reverse(QUEUE)).content.decode()

    assert listed(client) == {desk["paid"].number, desk["late"].number, desk["loose"].number}
    assert "?view=my_teams" not in body  # no shortcut (nor menu item) to it


def test_the_queue_filters_by_team_and_shows_it(client, agent, desk):
    client.force_login(agent)

    by_team = listed(client, view="all", team=desk["orders"].pk)
    no_team = listed(client, view="all", team="null")
    body = client.get(reverse(QUEUE), {"view": "all"}).content.decode()

    assert by_team == {desk["late"].number}
    assert no_team == {desk["loose"].number}
    assert "Orders &amp; delivery" in body
    assert "Team" in [str(column.label) for column in response_columns(client)]


def response_columns(client):
    return client.get(reverse(QUEUE), {"view": "all"}).context["view"].columns


def test_the_menu_counts_my_teams_view_as_it_lists(client, agent, desk):
    client.force_login(agent)

    menu = client.get("/admin/").content.decode()

    assert "My teams (1)" in menu
    assert "Active tickets (3)" in menu


def test_queue_query_count_is_flat_with_teams(client, agent, desk):
    client.force_login(agent)
    url = reverse(QUEUE)
    count_queries(client, url)
    few = {params: count_queries(client, url + params) for params in ("", "?view=all&team=1")}

    for n in range(30):
        team = TeamFactory(name=f"Team {n}", members=[agent, AgentFactory()])
        Ticket.objects.filter(pk=open_ticket(subject=f"Ticket number {n}").pk).update(team=team)

    assert {params: count_queries(client, url + params) for params in few} == few


def test_queue_query_count_is_flat_with_scoped_visibility(client, agent, desk, settings):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    client.force_login(agent)
    url = reverse(QUEUE) + "?view=all"
    count_queries(client, url)
    few = count_queries(client, url)

    for n in range(30):
        team = desk["payments"] if n % 2 else desk["orders"]
        Ticket.objects.filter(pk=open_ticket(subject=f"Ticket number {n}").pk).update(team=team)

    assert count_queries(client, url) == few


# ── The ticket view ─────────────────────────────────────────────────────────────────────────


def edit_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def test_an_agent_moves_a_ticket_to_another_team_from_its_page(client, agent, desk):
    client.force_login(agent)
    ticket = desk["paid"]

    page = client.get(edit_url(ticket)).content.decode()
    response = client.post(
        edit_url(ticket),
        {"action": "team", "team-team": desk["orders"].pk, "team-reason": "A late delivery"},
    )

    assert "Change team" in page
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.team == desk["orders"]
    assert ticket.history.first().history_change_reason == "A late delivery"


def test_a_team_change_without_a_reason_is_refused_next_to_the_field(client, agent, desk):
    client.force_login(agent)
    ticket = desk["paid"]

    response = client.post(
        edit_url(ticket), {"action": "team", "team-team": desk["orders"].pk, "team-reason": ""}
    )

    assert response.status_code == 200
    assert "reason" in response.context["team_form"].errors
    assert response.context["team_form"]["team"].value() == str(desk["orders"].pk)
    ticket.refresh_from_db()
    assert ticket.team == desk["payments"]


def test_assigning_outside_the_team_is_a_clear_error_on_the_assign_form(
    client, support_admin, desk
):
    outsider = AgentFactory(name="Olive Outsider")
    client.force_login(support_admin)

    response = client.post(
        edit_url(desk["paid"]), {"action": "assign", "assignee": outsider.pk, "reason": ""}
    )

    assert response.status_code == 200
    errors = response.context["assign_form"].errors["assignee"]
    assert "Olive Outsider is not a member of the team Payments" in errors[0]
    assert "Olive Outsider is not a member" in response.content.decode()


def test_assign_to_me_outside_the_team_says_why(client, desk):
    outsider = AgentFactory()
    client.force_login(outsider)

    response = client.post(edit_url(desk["paid"]), {"action": "assign_me"}, follow=True)

    assert "is not a member of the team Payments" in response.content.decode()
    desk["paid"].refresh_from_db()
    assert desk["paid"].assignee is None


def test_the_ticket_view_query_count_does_not_grow_with_teams(client, agent, desk):
    client.force_login(agent)
    url = edit_url(desk["paid"])
    count_queries(client, url)
    few = count_queries(client, url)

    for n in range(10):
        TeamFactory(name=f"Spare {n}", members=[AgentFactory()])

    assert count_queries(client, url) == few


# ── Dashboard and reports ───────────────────────────────────────────────────────────────────


def test_the_dashboard_counts_active_tickets_per_team(client, agent, desk):
    workflow.assign(desk["paid"], by=agent, assignee=agent)
    client.force_login(agent)

    panel = client.get("/admin/").content.decode()
    teams = panel[panel.index('id="support-teams-heading"') :]

    assert "Orders &amp; delivery" in teams and "Payments" in teams and "No team" in teams
    rows = {
        name: next(row for row in teams.split("<tr>") if name in row)
        for name in ("Orders &amp; delivery", "Payments", "No team")
    }
    assert "<td>1</td><td>0</td>" in rows["Payments"]  # active, unassigned
    assert "<td>1</td><td>1</td>" in rows["Orders &amp; delivery"]
    assert f"team={desk['orders'].pk}" in rows["Orders &amp; delivery"]


def test_dashboard_query_count_is_flat_with_teams(client, agent, desk):
    client.force_login(agent)
    count_queries(client, "/admin/")
    few = count_queries(client, "/admin/")

    for n in range(10):
        team = TeamFactory(name=f"Team {n}", members=[agent])
        open_ticket(category=CategoryFactory(name=f"Cat {n}", default_team=team))

    assert count_queries(client, "/admin/") == few


def test_reports_count_tickets_by_team(desk):
    today = timezone.localdate()
    period = Scope(start=today - timedelta(days=1), end=today)

    rows = {row["team__name"]: row["tickets"] for row in figures.by_team(period)}
    payments_only = Scope(start=period.start, end=period.end, team=desk["payments"])

    assert rows == {"Payments": 1, "Orders & delivery": 1, None: 1}
    assert list(payments_only.created()) == [desk["paid"]]


def test_the_teams_report_lists_each_team(client, agent, desk):
    client.force_login(agent)

    page = client.get(reverse("support_reports:teams")).content.decode()
    csv = b"".join(client.get(reverse("support_reports:teams"), {"export": "csv"})).decode()

    for name in ("Payments", "Orders &amp; delivery", "No team"):
        assert name in page
    assert "Orders & delivery" in csv


def test_the_reports_filter_by_team(client, agent, desk):
    client.force_login(agent)
    url = reverse("support_reports:categories")

    csv = b"".join(client.get(url, {"team": desk["orders"].pk, "export": "csv"})).decode()

    assert "Late" in csv and "Bill" not in csv


def test_a_year_old_scope_still_counts_by_team(desk):
    rows = figures.by_team(Scope(start=date(2020, 1, 1), end=date(2020, 1, 2)))

    assert rows == []
