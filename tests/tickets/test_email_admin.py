"""Admins watch outgoing email and resend failures; agents review held incoming email."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from tests.factories import AgentFactory, CustomerFactory, SupportAdminFactory, open_ticket
from tests.utils import count_queries
from tickets.models import EmailDelivery, InboundEmail

from .flaky_mail import FlakyEmailBackend

pytestmark = pytest.mark.django_db
Status = EmailDelivery.Status


@pytest.fixture
def failed_email(settings, django_capture_on_commit_callbacks):
    settings.MAILERS = {"default": {"BACKEND": "tests.tickets.flaky_mail.FlakyEmailBackend"}}
    settings.SUPPORT_TEAM_EMAIL = ""
    FlakyEmailBackend.reset(100)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(CustomerFactory())
    return EmailDelivery.objects.get(ticket=ticket)


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


def test_support_admins_see_failed_emails_and_send_them_again(client, failed_email):
    client.force_login(SupportAdminFactory())

    assert "Outgoing emails (1)" in client.get("/admin/").content.decode()
    listing = client.get("/admin/outgoing_emails/?status=failed").content.decode()
    assert failed_email.subject in listing and "Failed" in listing
    page = client.get(f"/admin/outgoing_emails/{failed_email.pk}/").content.decode()
    assert "503 Service Unavailable" in page
    assert "Send again" in page

    FlakyEmailBackend.reset(0)
    response = client.post(f"/admin/outgoing_emails/{failed_email.pk}/resend/")

    assert response.status_code == 302
    failed_email.refresh_from_db()
    assert failed_email.status == Status.SENT
    assert [message.subject for message in mail.outbox] == [failed_email.subject]
    assert "Outgoing emails (1)" not in client.get("/admin/").content.decode()


def test_only_support_admins_may_resend(client, failed_email):
    client.force_login(AgentFactory())

    assert client.get("/admin/outgoing_emails/").status_code in (302, 403)
    response = client.post(f"/admin/outgoing_emails/{failed_email.pk}/resend/")
    assert response.status_code in (302, 403)
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED


def test_emails_are_records_nobody_edits_in_the_admin(client, failed_email):
    client.force_login(SupportAdminFactory(is_superuser=True))

    for url in ("new/", f"edit/{failed_email.pk}/", f"delete/{failed_email.pk}/"):
        assert client.get(f"/admin/outgoing_emails/{url}").status_code == 404
    assert client.get(f"/admin/outgoing_emails/{failed_email.pk}/resend/").status_code == 405


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


def test_customers_never_reach_the_email_admin(client, held_email):
    client.force_login(CustomerFactory())

    assert client.get("/admin/incoming_emails/").status_code == 302
    assert client.post(f"/admin/incoming_emails/{held_email.pk}/review/").status_code == 302
    held_email.refresh_from_db()
    assert held_email.reviewed_at is None


def test_email_lists_take_the_same_queries_for_3_or_40_emails(client, settings):
    settings.SUPPORT_TEAM_EMAIL = ""
    client.force_login(SupportAdminFactory())

    def add(count):
        for n in range(count):
            ticket = open_ticket(CustomerFactory())
            EmailDelivery.objects.create(
                kind="ticket_opened",
                ticket=ticket,
                to=ticket.customer.email,
                subject=f"Subject {n}",
                body_text="text",
                body_html="<p>text</p>",
                message_id=f"<{ticket.number}.{n}@example.com>",
            )
            InboundEmail.objects.create(
                message_id=f"<in.{ticket.number}.{n}@example.com>",
                channel="command",
                from_email=ticket.customer.email,
                subject=f"Subject {n}",
                outcome=InboundEmail.Outcome.NEW_TICKET,
                ticket=ticket,
            )

    urls = ["/admin/outgoing_emails/", "/admin/incoming_emails/"]
    add(3)
    for url in urls:
        count_queries(client, url)
    small = {url: count_queries(client, url) for url in urls}

    add(37)

    assert {url: count_queries(client, url) for url in urls} == small
