from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.choices import Priority
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def test_dashboard_shows_my_work_unassigned_risk_and_today(client, agent):
    mine = open_ticket(subject="Mine to answer")
    workflow.assign(mine, by=agent, assignee=agent)
    open_ticket(subject="Nobody has this one", priority=Priority.HIGH, priority_justification="x")
    risky = open_ticket(subject="Due very soon")
    Ticket.objects.filter(pk=risky.pk).update(
        first_response_due_at=timezone.now() + timedelta(minutes=30)
    )
    client.force_login(agent)

    body = client.get("/admin/").content.decode()

    assert "My open tickets" in body and "Mine to answer" in body
    assert "Unassigned" in body and "Nobody has this one" in body
    assert "At risk of breaching the SLA" in body and "Due very soon" in body
    assert "New tickets" in body


def test_queue_menu_item_counts_open_tickets_that_are_mine_or_nobodys(client, agent):
    open_ticket()
    open_ticket()
    client.force_login(agent)

    assert "Ticket queue (2)" in client.get("/admin/").content.decode()


def test_editors_get_no_support_panels(client, editor):
    open_ticket(subject="Hidden from editors")
    client.force_login(editor)

    body = client.get("/admin/").content.decode()

    assert "My open tickets" not in body
    assert "Hidden from editors" not in body


def test_dashboard_query_count_is_flat(client, agent):
    open_ticket()
    client.force_login(agent)
    count_queries(client, "/admin/")
    small = count_queries(client, "/admin/")

    for _ in range(15):
        ticket = open_ticket()
        workflow.assign(ticket, by=agent, assignee=agent)

    assert count_queries(client, "/admin/") == small


def test_support_admins_are_warned_of_agent_applications_waiting(client, support_admin, agent):
    from accounts import applications
    from tests.factories import CustomerFactory

    for name in ("Casey", "Robin"):
        applications.apply(
            user=CustomerFactory(), name=name, phone="+1 630 555 0110", motivation="Keen"
        )
    client.force_login(support_admin)

    page = client.get("/admin/").content.decode()

    assert "2 agent applications are waiting for a decision." in page
    assert "/admin/agent_applications/?status=pending" in page
    client.force_login(agent)
    assert "waiting for a decision" not in client.get("/admin/").content.decode()


def test_no_application_warning_once_they_are_decided(client, support_admin):
    client.force_login(support_admin)

    assert "waiting for a decision" not in client.get("/admin/").content.decode()
