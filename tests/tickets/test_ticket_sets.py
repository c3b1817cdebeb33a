"""One definition of each ticket set (tickets.models.querysets.TicketQuerySet): the dashboard's
panels count what their links list, the queue's views and the menu badge agree with it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgentFactory, open_ticket
from tickets import workflow
from tickets.admin.panels import TicketListPanel, dashboard_panels
from tickets.admin.saved_views import BUILT_IN_VIEWS
from tickets.choices import Priority, Status
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"
STATUS_PATHS = {
    Status.OPEN: [],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.WAITING_ON_CUSTOMER: [Status.WAITING_ON_CUSTOMER],
    Status.RESOLVED: [Status.RESOLVED],
    Status.CLOSED: [Status.CLOSED],
}


@pytest.fixture
def desk(agent):
    """A ticket in every status for each of: this agent, another agent, nobody; plus tickets
    whose SLA is at risk or breached, and urgent ones."""
    colleague = AgentFactory()
    now = timezone.now()
    tickets = {}
    for status, path in STATUS_PATHS.items():
        for owner in ("me", "colleague", "nobody"):
            ticket = open_ticket(subject=f"{status} for {owner}")
            assignee = {"me": agent, "colleague": colleague, "nobody": None}[owner]
            if assignee:
                workflow.assign(ticket, by=assignee, assignee=assignee)
            for step in path:
                workflow.change_status(ticket, by=colleague, status=step, reason="Test")
            tickets[status, owner] = ticket
    soon, late = now + timedelta(minutes=30), now - timedelta(hours=1)
    for status in (Status.OPEN, Status.WAITING_ON_CUSTOMER, Status.RESOLVED):
        Ticket.objects.filter(pk=tickets[status, "nobody"].pk).update(first_response_due_at=soon)
        Ticket.objects.filter(pk=tickets[status, "me"].pk).update(first_response_due_at=late)
    for status in (Status.IN_PROGRESS, Status.CLOSED):
        Ticket.objects.filter(pk=tickets[status, "colleague"].pk).update(priority=Priority.URGENT)
    return tickets


def _subjects(queryset):
    return set(queryset.values_list("subject", flat=True))


def _listed(client, params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count, {
        ticket.subject for ticket in response.context["object_list"]
    }


def test_each_set_holds_the_tickets_its_name_says(agent, desk):
    tickets = Ticket.objects.all()

    assert _subjects(tickets.active()) == {
        f"{status} for {owner}"
        for status in (Status.OPEN, Status.IN_PROGRESS, Status.WAITING_ON_CUSTOMER)
        for owner in ("me", "colleague", "nobody")
    }
    assert _subjects(tickets.running()) == {
        f"{status} for {owner}"
        for status in (Status.OPEN, Status.IN_PROGRESS)
        for owner in ("me", "colleague", "nobody")
    }
    assert _subjects(tickets.waiting()) == {
        f"waiting_on_customer for {owner}" for owner in ("me", "colleague", "nobody")
    }
    assert _subjects(tickets.mine(agent)) == {
        "open for me",
        "in_progress for me",
        "waiting_on_customer for me",
    }
    # Waiting and finished tickets are nobody's work yet: they are not "unassigned".
    assert _subjects(tickets.unassigned()) == {"open for nobody", "in_progress for nobody"}
    assert _subjects(tickets.needing(agent)) == {
        "open for me",
        "in_progress for me",
        "open for nobody",
        "in_progress for nobody",
    }
    assert _subjects(tickets.pressing()) == {"in_progress for colleague"}
    # The SLA clock is paused while waiting, and stops on resolution.
    assert _subjects(tickets.at_risk()) == {"open for nobody"}
    assert _subjects(tickets.breached()) == {"open for me"}


def test_each_dashboard_panel_counts_the_tickets_its_link_lists(client, agent, desk, rf):
    request = rf.get("/admin/")
    request.user = agent
    client.force_login(agent)
    panels = [panel for panel in dashboard_panels(request) if isinstance(panel, TicketListPanel)]

    assert [panel.name for panel in panels] == [
        "support_mine",
        "support_unassigned",
        "support_at_risk",
    ]
    for panel in panels:
        count = panel.get_context_data({})["count"]
        path, _, query = panel.more_url.partition("?")
        listed_count, listed = _listed(client, dict([query.split("=")]))
        assert path == reverse(QUEUE)
        assert count == listed_count == len(listed), panel.name
        assert listed == _subjects(panel.tickets), panel.name


def test_the_dashboard_shows_each_panels_count(client, agent, desk):
    client.force_login(agent)

    body = client.get("/admin/").content.decode()

    assert 'My open tickets <span class="support-panel-count">(3)</span>' in body
    assert 'Unassigned <span class="support-panel-count">(2)</span>' in body
    assert "See all 3 in the queue" in body


def test_every_built_in_view_lists_its_ticket_set(client, agent, desk):
    client.force_login(agent)

    for key, view in BUILT_IN_VIEWS.items():
        expected = _subjects(view.tickets(Ticket.objects.all(), agent))
        assert _listed(client, {"view": key}) == (len(expected), expected), key


def test_the_queue_shortcuts_open_the_saved_views(client, agent, desk):
    client.force_login(agent)

    shortcuts = client.get(reverse(QUEUE)).context["shortcuts"]

    assert [label for label, url, count in shortcuts] == [
        "Mine",
        "Unassigned",
        "Urgent & high",
        "At risk",
        "Breached",
        "Waiting on customer",
        "Recently solved",
    ]
    assert shortcuts[0][1] == f"{reverse(QUEUE)}?view=mine"


def test_the_menu_badge_counts_what_the_agent_could_pick_up(client, agent, desk):
    client.force_login(agent)

    body = client.get("/admin/").content.decode()

    assert f"Ticket queue ({Ticket.objects.needing(agent).count()})" in body
    assert Ticket.objects.needing(agent).count() == 4
