"""Support admins watch outgoing email and send failures again; nobody edits an email."""

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
