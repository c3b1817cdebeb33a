"""Support admins watch outgoing email and send failures again; nobody edits an email."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from accounts import roles
from notifications.models import EmailDelivery, Notification
from tests.factories import AgentFactory, CustomerFactory, SupportAdminFactory, open_ticket
from tests.utils import count_queries

from .flaky_mail import FlakyEmailBackend

pytestmark = pytest.mark.django_db
Status = EmailDelivery.Status


@pytest.fixture
def failed_email(settings, django_capture_on_commit_callbacks):
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.flaky_mail.FlakyEmailBackend"}}
    settings.SUPPORT_TEAM_EMAIL = ""
    FlakyEmailBackend.reset(100)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(CustomerFactory())
    return EmailDelivery.objects.get(ticket=ticket)


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


def test_outgoing_emails_stay_first_in_the_email_menu_beside_the_incoming_ones(client):
    client.force_login(SupportAdminFactory())

    page = client.get("/admin/").content.decode()

    assert page.index("Outgoing emails") < page.index("Incoming emails")


def test_the_moved_models_keep_their_content_types_and_the_groups_their_permissions():
    """The permissions tickets 0004 gave the support admins are the notifications app's now."""
    for model in (Notification, EmailDelivery):
        content_type = ContentType.objects.get_for_model(model)
        assert content_type.app_label == "notifications"
    assert not ContentType.objects.filter(
        app_label="tickets", model__in=["notification", "emaildelivery"]
    ).exists()
    admins = Group.objects.get(name=roles.SUPPORT_ADMINS)
    granted = set(
        admins.permissions.filter(content_type__app_label="notifications").values_list(
            "codename", flat=True
        )
    )
    assert granted == {"view_emaildelivery", "resend_emaildelivery"}
    assert Permission.objects.filter(codename="resend_emaildelivery").count() == 1
    assert SupportAdminFactory().has_perm("notifications.resend_emaildelivery")
    assert not AgentFactory().has_perm("notifications.resend_emaildelivery")


def test_the_outgoing_email_list_takes_the_same_queries_for_3_or_40_emails(client, settings):
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

    add(3)
    count_queries(client, "/admin/outgoing_emails/")
    small = count_queries(client, "/admin/outgoing_emails/")

    add(37)

    assert count_queries(client, "/admin/outgoing_emails/") == small


def _email(**fields):
    defaults = {
        "kind": "customer_replied",
        "to": "maria@example.com",
        "subject": "[Help Center] Ticket #TKT1 - New reply",
        "body_text": "text",
        "body_html": "<p>text</p>",
        "message_id": f"<{EmailDelivery.objects.count()}@example.com>",
    }
    return EmailDelivery.objects.create(**{**defaults, **fields})


def test_each_emails_state_reads_in_words_in_the_teams_time_zone(client, settings):
    from datetime import UTC, datetime

    settings.TIME_ZONE = "America/Chicago"
    at = datetime(2026, 11, 3, 14, 5, tzinfo=UTC)  # 8:05 a.m. in Chicago
    _email(subject="Queued one")
    _email(subject="Retrying one", attempts=2, next_attempt_at=at, last_error="503")
    _email(subject="Failed one", status=Status.FAILED, attempts=6, last_error="503")
    _email(subject="Sent one", status=Status.SENT, attempts=1, sent_at=at)
    client.force_login(SupportAdminFactory())

    listing = client.get("/admin/outgoing_emails/").content.decode()

    total = len(settings.EMAIL_RETRY_DELAYS) + 1
    assert "Queued" in listing
    assert f"Retrying 11/03/2026 8:05 a.m. CST (attempt 3 of {total})" in listing
    assert "Failed after 6 attempts" in listing
    assert "Sent 11/03/2026 8:05 a.m. CST" in listing
    assert "Customer replied" in listing and "customer_replied" not in listing


def test_an_emails_page_shows_no_raw_values(client):
    email = _email()
    client.force_login(SupportAdminFactory())

    page = client.get(f"/admin/outgoing_emails/{email.pk}/").content.decode()
    values = [
        re.sub(r"<[^>]+>", "", value).strip()
        for value in re.findall(r"<dd[^>]*>(.*?)</dd>", page, re.S)
    ]

    assert "None" not in values and "" not in values
    assert "customer_replied" not in page
    assert "Customer replied" in values and "Queued" in values


def test_the_dashboard_warns_who_can_resend_of_failing_emails(client, failed_email):
    client.force_login(SupportAdminFactory())

    page = client.get("/admin/").content.decode()

    assert "1 email could not be sent." in page
    assert "/admin/outgoing_emails/?status=failed" in page


def test_agents_and_a_calm_outbox_get_no_email_warning(client, failed_email):
    client.force_login(AgentFactory())
    assert "could not be sent" not in client.get("/admin/").content.decode()

    EmailDelivery.objects.update(status=Status.SENT)
    client.force_login(SupportAdminFactory())
    assert "could not be sent" not in client.get("/admin/").content.decode()
