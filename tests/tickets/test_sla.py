"""SLA due times, the paused clock, escalation once per breach and auto-close, on a frozen clock."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from freezegun import freeze_time

from tests.factories import SupportAdminFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import BusinessHours, Holiday, SLAPolicy, Ticket
from tickets.sla.jobs import check_sla

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
FRIDAY_5PM = datetime(2026, 11, 20, 17, 0, tzinfo=CHICAGO)
MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=CHICAGO)


def urgent_ticket(customer):
    return open_ticket(customer, priority=Priority.URGENT, priority_justification="Kitchen closed")


def test_urgent_ticket_on_friday_evening_is_due_monday_morning(customer):
    with freeze_time(FRIDAY_5PM):
        ticket = urgent_ticket(customer)

    assert ticket.first_response_due_at == MONDAY_9AM
    # 8 business hours: 1 on Friday, 7 on Monday.
    assert ticket.resolution_due_at == datetime(2026, 11, 23, 15, 0, tzinfo=CHICAGO)


def test_the_policies_are_editable_and_the_default_matches_the_spec(customer):
    assert {
        p.priority: (p.first_response_hours, p.resolution_hours) for p in SLAPolicy.objects.all()
    } == {
        "urgent": (2, 8),
        "high": (4, 24),
        "medium": (24, 72),
        "low": (48, 168),
    }
    SLAPolicy.objects.filter(priority="medium").update(first_response_hours=1)

    with freeze_time(datetime(2026, 11, 18, 10, 0, tzinfo=CHICAGO)):
        ticket = open_ticket(customer)

    assert ticket.first_response_due_at == datetime(2026, 11, 18, 11, 0, tzinfo=CHICAGO)


def test_holidays_and_hours_come_from_the_business_hours_setting(customer):
    hours = BusinessHours.load()
    hours.opens = hours.opens.replace(hour=9)
    hours.save()
    Holiday.objects.create(business_hours=hours, date=datetime(2026, 11, 23).date(), name="Closed")

    with freeze_time(FRIDAY_5PM):
        ticket = urgent_ticket(customer)

    # Friday 17:00–18:00, Monday closed, Tuesday from 09:00: one more hour.
    assert ticket.first_response_due_at == datetime(2026, 11, 24, 10, 0, tzinfo=CHICAGO)


def test_priority_change_recomputes_the_due_times(customer, agent):
    with freeze_time(datetime(2026, 11, 18, 10, 0, tzinfo=CHICAGO)):
        ticket = open_ticket(customer)
        ticket = workflow.change_priority(ticket, by=agent, priority=Priority.URGENT)

    assert ticket.first_response_due_at == datetime(2026, 11, 18, 12, 0, tzinfo=CHICAGO)


def test_escalates_when_the_first_response_is_missed_and_only_once(
    customer, support_admin, django_capture_on_commit_callbacks, mailoutbox
):
    with freeze_time(FRIDAY_5PM):
        ticket = urgent_ticket(customer)

    with freeze_time(MONDAY_9AM - timedelta(minutes=1)):
        assert check_sla() == (0, 0)
    mailoutbox.clear()
    with freeze_time(MONDAY_9AM + timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            assert check_sla() == (1, 0)
            assert check_sla() == (0, 0)

    alerts = [m for m in mailoutbox if "SLA breached" in m.subject]
    assert [m.to for m in alerts] == [[support_admin.email]]
    assert ticket.number in alerts[0].subject
    assert "not been answered in time" in alerts[0].body
    ticket.refresh_from_db()
    assert ticket.escalated and ticket.escalated_at and ticket.first_response_breached_at
    assert ticket.history.filter(history_change_reason="First response target missed").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_escalate_each_breach_once(on_postgres, customer, mailoutbox):
    admin = SupportAdminFactory()
    with freeze_time(FRIDAY_5PM):
        tickets = [urgent_ticket(customer) for _ in range(5)]
    mailoutbox.clear()
    start = threading.Barrier(2)

    def worker(_):
        try:
            start.wait(timeout=30)
            return check_sla(now=MONDAY_9AM + timedelta(minutes=1))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(worker, range(2)))

    assert sum(escalated for escalated, _ in results) == 5
    alerts = [m for m in mailoutbox if "SLA breached" in m.subject]
    assert [m.to for m in alerts] == [[admin.email]] * 5
    assert sorted(t.number for t in tickets) == sorted(
        t.number for t in tickets for m in alerts if t.number in m.subject
    )
    for ticket in tickets:
        reasons = ticket.history.values_list("history_change_reason", flat=True)
        assert list(reasons).count("First response target missed") == 1


def test_waiting_on_the_customer_pauses_the_clock(customer, agent):
    with freeze_time(FRIDAY_5PM):
        ticket = urgent_ticket(customer)
        workflow.post_message(ticket, author=agent, body="Photos, please?")
        workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)

    with freeze_time(datetime(2026, 11, 24, 12, 0, tzinfo=CHICAGO)):
        assert check_sla() == (0, 0)
        workflow.post_message(ticket, author=customer, body="Here they are.")

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    # Waiting from Friday 17:00 to Tuesday 12:00 = 1 + 10 + 4 = 15 business hours added.
    assert ticket.sla_paused_for == timedelta(hours=15)
    # Resolution: 8 h target + 15 h waited = 23 business hours from Friday 17:00.
    assert ticket.resolution_due_at == datetime(2026, 11, 25, 10, 0, tzinfo=CHICAGO)


def test_resolved_tickets_close_after_the_configured_days(customer, agent, settings):
    settings.TICKETS_AUTO_CLOSE_DAYS = 7
    with freeze_time(datetime(2026, 11, 2, 10, 0, tzinfo=CHICAGO)):
        ticket = open_ticket(customer)
        workflow.change_status(ticket, by=agent, status=Status.RESOLVED)

    with freeze_time(datetime(2026, 11, 8, 10, 0, tzinfo=CHICAGO)):
        check_sla()
        assert Ticket.objects.get(pk=ticket.pk).status == Status.RESOLVED
    with freeze_time(datetime(2026, 11, 10, 10, 0, tzinfo=CHICAGO)):
        check_sla()
        check_sla()

    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert (
        ticket.history.filter(history_change_reason__startswith="Closed automatically").count() == 1
    )


def test_sla_state_in_the_queue_filter_column_and_ticket_view(client, customer, agent):
    from django.urls import reverse

    from tickets.sla.state import AT_RISK, BREACHED, ON_TRACK, sla_state

    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=CHICAGO)
    with freeze_time(monday_noon - timedelta(hours=3)):
        late = urgent_ticket(customer)  # first response due 11:00: breached at noon
    with freeze_time(monday_noon - timedelta(hours=1)):
        soon = urgent_ticket(customer)  # due 13:00: at risk at noon
    with freeze_time(monday_noon):
        calm = open_ticket(customer)  # medium: due days later
        assert [sla_state(t) for t in (late, soon, calm)] == [BREACHED, AT_RISK, ON_TRACK]

        client.force_login(agent)
        queue = reverse("wagtailsnippets_tickets_ticket:list")

        def listed(state):
            return {t.number for t in client.get(queue, {"sla": state}).context["object_list"]}

        assert listed(BREACHED) == {late.number}
        assert listed(AT_RISK) == {soon.number}
        assert listed(ON_TRACK) == {calm.number}
        body = client.get(queue).content.decode()
        assert "support-badge--sla-breached" in body
        view = client.get(reverse("wagtailsnippets_tickets_ticket:edit", args=[soon.pk]))
        assert "support-badge--sla-at_risk" in view.content.decode()
        assert soon.subject in client.get("/admin/").content.decode()


def test_support_admins_edit_sla_policies_and_business_hours(client, support_admin, agent):
    from django.urls import reverse

    policy = SLAPolicy.objects.get(priority="urgent")
    policies = reverse("wagtailsnippets_tickets_slapolicy:edit", args=[policy.pk])
    hours = reverse("wagtailsettings:edit", args=["tickets", "businesshours"])

    client.force_login(agent)
    for url in (policies, hours):
        assert "do not have permission" in client.get(url, follow=True).content.decode()

    client.force_login(support_admin)
    assert client.get(hours, follow=True).status_code == 200
    response = client.post(
        policies, {"priority": "urgent", "first_response_hours": "1", "resolution_hours": "6"}
    )
    assert response.status_code == 302
    assert SLAPolicy.targets("urgent") == (timedelta(hours=1), timedelta(hours=6))
