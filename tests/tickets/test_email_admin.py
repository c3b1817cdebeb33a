"""Agents review held incoming email (outgoing email: tests/notifications/)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import AgentFactory, CustomerFactory, SupportAdminFactory, open_ticket
from tests.utils import count_queries
from tickets.models import InboundEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_email(settings, django_capture_on_commit_callbacks, tmp_path):
    settings.INBOUND_EMAIL_ADDRESS = "support@reply.example.com"
    customer = CustomerFactory(email="maria.lopez@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(customer)
    raw = (Path(__file__).parent / "emails" / "stranger_with_ticket_number.eml").read_text()
    message = tmp_path / "stranger.eml"
    message.write_text(raw.replace("%%TICKET%%", ticket.number))
    call_command("ingest_email", str(message), stdout=io.StringIO())
    return InboundEmail.objects.get()


def test_agents_review_held_incoming_email(client, held_email):
    client.force_login(AgentFactory())

    assert "Incoming emails (1)" in client.get("/admin/").content.decode()
    listing = client.get("/admin/incoming_emails/?outcome=held").content.decode()
    assert "eve.marsh@example.org" in listing
    page = client.get(f"/admin/incoming_emails/{held_email.pk}/").content.decode()
    assert "may not answer ticket" in page
    assert "99 Harbor Road" in page

    response = client.post(f"/admin/incoming_emails/{held_email.pk}/review/")

    assert response.status_code == 302
    held_email.refresh_from_db()
    assert held_email.reviewed_at is not None
    assert "Incoming emails (1)" not in client.get("/admin/").content.decode()


def test_an_agent_sees_why_an_unproven_answer_from_the_customer_was_held(
    client, settings, django_capture_on_commit_callbacks, tmp_path
):
    settings.INBOUND_EMAIL_ADDRESS = "support@reply.example.com"
    customer = CustomerFactory(email="maria.lopez@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(customer)
    raw = (Path(__file__).parent / "emails" / "new_message_quoting_ticket_number.eml").read_text()
    message = tmp_path / "unproven.eml"
    message.write_text(raw.replace("%%TICKET%%", ticket.number))
    call_command("ingest_email", str(message), stdout=io.StringIO())
    client.force_login(AgentFactory())

    held = InboundEmail.objects.get()
    page = client.get(f"/admin/incoming_emails/{held.pk}/").content.decode()
    assert f"Names ticket {ticket.number}" in page
    assert "nothing proves maria.lopez@example.com sent it" in page
    assert "add it to the ticket yourself" in page


def test_customers_never_reach_the_email_admin(client, held_email):
    client.force_login(CustomerFactory())

    assert client.get("/admin/incoming_emails/").status_code == 302
    assert client.post(f"/admin/incoming_emails/{held_email.pk}/review/").status_code == 302
    held_email.refresh_from_db()
    assert held_email.reviewed_at is None


def test_the_incoming_email_list_takes_the_same_queries_for_3_or_40_emails(client, settings):
    settings.SUPPORT_TEAM_EMAIL = ""
    client.force_login(SupportAdminFactory())

    def add(count):
        for n in range(count):
            ticket = open_ticket(CustomerFactory())
            InboundEmail.objects.create(
                message_id=f"<in.{ticket.number}.{n}@example.com>",
                channel="command",
                from_email=ticket.customer.email,
                subject=f"Subject {n}",
                outcome=InboundEmail.Outcome.NEW_TICKET,
                ticket=ticket,
            )

    add(3)
    count_queries(client, "/admin/incoming_emails/")
    small = count_queries(client, "/admin/incoming_emails/")

    add(37)

    assert count_queries(client, "/admin/incoming_emails/") == small
