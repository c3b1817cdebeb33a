import pytest
from django.urls import reverse

from tests.factories import AgentFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority, Status

pytestmark = pytest.mark.django_db


def bulk_url(action, tickets):
    ids = "&".join(f"id={ticket.pk}" for ticket in tickets)
    queue = reverse("wagtailsnippets_tickets_ticket:list")
    return (
        reverse("wagtail_bulk_action", args=["tickets", "ticket", action]) + f"?{ids}&next={queue}"
    )


def test_bulk_status_change_goes_through_the_workflow_with_history(client, agent):
    tickets = [open_ticket(), open_ticket()]
    client.force_login(agent)

    assert client.get(bulk_url("change_status", tickets)).status_code == 200
    response = client.post(
        bulk_url("change_status", tickets), {"status": "resolved", "reason": "Fixed upstream"}
    )

    assert response.status_code == 302
    for ticket in tickets:
        ticket.refresh_from_db()
        assert ticket.status == Status.RESOLVED and ticket.resolved_at
        record = ticket.history.latest()
        assert (record.history_user, record.history_change_reason) == (agent, "Fixed upstream")


def test_bulk_change_reports_tickets_the_table_refuses(client, agent):
    closed, open_one = open_ticket(), open_ticket()
    workflow.change_status(closed, by=agent, status=Status.CLOSED)
    client.force_login(agent)

    response = client.post(
        bulk_url("change_status", [closed, open_one]), {"status": "in_progress"}, follow=True
    )

    closed.refresh_from_db()
    open_one.refresh_from_db()
    assert closed.status == Status.CLOSED
    assert open_one.status == Status.IN_PROGRESS
    assert f"Not changed: {closed.number}" in response.content.decode()


def test_bulk_priority_change(client, agent):
    tickets = [open_ticket(), open_ticket()]
    client.force_login(agent)

    client.post(bulk_url("change_priority", tickets), {"priority": "high", "reason": "Storm"})

    assert {t.priority for t in (type(tickets[0]).objects.all())} == {Priority.HIGH}


def test_bulk_assign_follows_the_reassignment_rule(client, settings, agent, support_admin):
    settings.TICKETS_AGENTS_HAND_OVER = False
    tickets = [open_ticket(), open_ticket()]
    other = AgentFactory()

    client.force_login(agent)
    client.post(bulk_url("assign", tickets), {"assignee": agent.pk})
    assert {t.assignee_id for t in type(tickets[0]).objects.all()} == {agent.pk}
    client.post(bulk_url("assign", tickets), {"assignee": other.pk})
    assert {t.assignee_id for t in type(tickets[0]).objects.all()} == {agent.pk}

    client.force_login(support_admin)
    client.post(bulk_url("assign", tickets), {"assignee": other.pk, "reason": "Rebalance"})
    assert {t.assignee_id for t in type(tickets[0]).objects.all()} == {other.pk}


def test_agents_hand_their_own_tickets_on_in_bulk_when_the_setting_allows(client, agent):
    tickets = [open_ticket(), open_ticket()]
    other = AgentFactory()
    client.force_login(agent)
    client.post(bulk_url("assign", tickets), {"assignee": agent.pk})

    client.post(bulk_url("assign", tickets), {"assignee": other.pk, "reason": "Going on leave"})

    assert {t.assignee_id for t in type(tickets[0]).objects.all()} == {other.pk}
