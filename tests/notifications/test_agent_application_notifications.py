"""Applying to join the support team tells the support admins; the decision tells the applicant:
by email (no ticket in the subject, no ticket reply address) and in-app, once committed."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from accounts import applications
from accounts.models import AgentApplication
from notifications.models import EmailDelivery, Notification
from tests.factories import AgentFactory, CustomerFactory, SupportAdminFactory, UserFactory
from tests.notifications.mail_helpers import email_to, html_of, inbox
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

APPLY = {
    "name": "Casey Morgan",
    "phone": "+1 630 555 0110",
    "motivation": "Three years on a grocery help line.",
}
REASON = "We are not hiring right now; try again in the spring."


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_NAME = "Help Center"
    settings.SITE_URL = "https://help.example.com"
    settings.INBOUND_EMAIL_ADDRESS = "support@reply.example.com"
    settings.SUPPORT_TEAM_EMAIL = "team@example.com"


@pytest.fixture
def admins(db):
    """Everyone who decides applications and hears about them, and some who don't."""
    AgentFactory()
    SupportAdminFactory(is_active=False)
    CustomerFactory()
    return [SupportAdminFactory(), SupportAdminFactory(), UserFactory(is_superuser=True)]


@pytest.fixture
def application(customer):
    """A pending application, made without telling anyone."""
    return applications.apply(user=customer, **APPLY)


def link_in(message, label):
    """The path of the email's button link, as its text version prints it ("<label>: <url>")."""
    for line in message.body.splitlines():
        if line.startswith(f"{label}: "):
            url = line.removeprefix(f"{label}: ")
            assert url.startswith("https://help.example.com/"), url
            assert f'href="{url}"' in html_of(message)
            return urlsplit(url).path
    raise AssertionError(f"no {label!r} link in:\n{message.body}")


def assert_no_ticket_headers(message):
    assert "Ticket #" not in message.subject
    assert message.reply_to == []
    assert "References" not in message.extra_headers
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_applying_on_the_site_emails_exactly_the_support_admins_a_working_admin_link(
    client, customer, admins, committed
):
    client.force_login(customer)
    with committed():
        response = client.post(reverse("account_agent_application"), APPLY)
    assert response.status_code == 302

    subject = "[Help Center] New agent application from Casey Morgan"
    assert inbox() == {admin.email: [subject] for admin in admins}
    email = email_to(admins[0].email)
    assert_no_ticket_headers(email)
    assert customer.email in email.body and APPLY["motivation"] in email.body
    path = link_in(email, "Review the application")
    application = AgentApplication.objects.get(user=customer)
    assert path == reverse("agent_applications:decide", args=[application.pk])
    for admin in (admins[0], admins[2]):  # a support admin, a superuser
        client.force_login(admin)
        page = client.get(path)
        assert page.status_code == 200
        assert APPLY["motivation"] in page.content.decode()
    deliveries = EmailDelivery.objects.filter(kind="agent_applied")
    assert deliveries.count() == len(admins)
    assert {delivery.ticket for delivery in deliveries} == {None}
    assert {delivery.status for delivery in deliveries} == {EmailDelivery.Status.SENT}


def test_approving_emails_the_applicant_a_welcome_with_a_working_admin_link(
    client, customer, admins, application, committed
):
    client.force_login(admins[0])
    with committed():
        response = client.post(
            reverse("agent_applications:decide", args=[application.pk]), {"decision": "approve"}
        )
    assert response.status_code == 302

    assert inbox() == {customer.email: ["[Help Center] Welcome to the support team"]}
    email = email_to(customer.email)
    assert_no_ticket_headers(email)
    assert "Hello Casey Morgan," in email.body
    assert "Welcome to the support team! Your application was approved." in email.body
    assert "Welcome to the support team!" in html_of(email)
    path = link_in(email, "Open the admin")
    assert path == "/admin/"
    client.force_login(customer)
    assert client.get(path).status_code == 200


def test_rejecting_emails_the_applicant_the_reason_and_a_link_to_the_site(
    client, customer, admins, application, committed
):
    client.force_login(admins[0])
    with committed():
        client.post(
            reverse("agent_applications:decide", args=[application.pk]),
            {"decision": "reject", "reason": REASON},
        )

    assert inbox() == {customer.email: ["[Help Center] Your application to join the support team"]}
    email = email_to(customer.email)
    assert_no_ticket_headers(email)
    assert REASON in email.body
    assert REASON in html_of(email)
    path = link_in(email, "Go to Help Center")
    assert path == "/"
    client.force_login(customer)
    assert client.get(path).status_code == 200


def test_the_same_people_are_notified_in_app(customer, admins, committed):
    with committed():
        application = applications.apply(user=customer, **APPLY)
    review = reverse("agent_applications:decide", args=[application.pk])
    for admin in admins:
        notice = Notification.objects.get(recipient=admin)
        assert (notice.kind, notice.ticket, notice.url) == ("agent_applied", None, review)
        assert notice.text == "Casey Morgan applied to join the support team."
    assert Notification.objects.count() == len(admins)

    with committed():
        applications.decide(application, by=admins[0], approve=False, reason=REASON)

    notice = Notification.objects.get(recipient=customer)
    assert (notice.kind, notice.ticket, notice.url) == ("agent_rejected", None, "/")
    assert REASON in notice.text
    assert Notification.objects.count() == len(admins) + 1  # the admin who decided: nothing


def test_approval_notifies_the_new_agent_in_app_with_the_admin_link(
    customer, admins, application, committed
):
    with committed():
        applications.decide(application, by=admins[0], approve=True)

    notice = Notification.objects.get(recipient=customer)
    assert (notice.kind, notice.ticket, notice.url) == ("agent_approved", None, "/admin/")
    assert notice.text == "Welcome to the support team: your application was approved."


def test_notification_pages_show_and_open_notifications_without_a_ticket(
    client, customer, admins, committed
):
    with committed():
        application = applications.apply(user=customer, **APPLY)
        applications.decide(application, by=admins[0], approve=False, reason=REASON)

    client.force_login(customer)
    page = client.get("/notifications/")
    assert page.status_code == 200
    assert "Your application to join the support team was not accepted" in page.content.decode()
    bell = client.get("/tickets/").content.decode()
    assert '1<span class="visually-hidden"> unread</span>' in bell
    notice = Notification.objects.get(recipient=customer)
    response = client.post(f"/notifications/{notice.pk}/open/")
    assert response["Location"] == "/"

    admin = admins[0]
    client.force_login(admin)
    assert "Notifications (1)" in client.get("/admin/").content.decode()
    page = client.get("/admin/notifications/")
    assert page.status_code == 200
    assert "Casey Morgan applied to join the support team." in page.content.decode()
    notice = Notification.objects.get(recipient=admin)
    response = client.post(f"/notifications/{notice.pk}/open/")
    assert response["Location"] == reverse("agent_applications:decide", args=[application.pk])
    assert client.get(response["Location"]).status_code == 200


def test_a_notification_without_a_ticket_or_a_safe_link_opens_the_list(client, customer):
    notice = Notification.objects.create(
        recipient=customer, kind="agent_rejected", text="Not accepted.", url="https://evil.example/"
    )
    client.force_login(customer)

    response = client.post(f"/notifications/{notice.pk}/open/")

    assert response["Location"] == reverse("notifications:list")


def test_notification_pages_take_the_same_queries_with_notifications_without_a_ticket(
    client, customer
):
    admin = SupportAdminFactory()

    def notify(count):
        Notification.objects.bulk_create(
            Notification(recipient=user, kind="agent_applied", text=f"Applied ({n}).", url="/")
            for user in (customer, admin)
            for n in range(count)
        )

    pages = {customer: ["/notifications/", "/tickets/"], admin: ["/admin/notifications/"]}
    notify(5)
    small = {}
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            count_queries(client, url)
            small[url] = count_queries(client, url)

    notify(55)

    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            assert count_queries(client, url) == small[url], url


def test_what_the_applicant_typed_shows_as_text_in_the_admins_email(customer, admins, committed):
    with committed():
        applications.apply(
            user=customer, **{**APPLY, "name": "<b>Casey</b>", "motivation": "<img src=x> & more"}
        )

    html = html_of(email_to(admins[0].email))
    assert "<b>Casey" not in html and "<img" not in html
    assert "&lt;b&gt;Casey&lt;/b&gt;" in html and "&lt;img src=x&gt; &amp; more" in html


def test_nothing_is_sent_when_applying_fails_or_is_rolled_back(customer, admins, committed):
    with committed(), pytest.raises(ValidationError):
        applications.apply(user=customer, **{**APPLY, "phone": "nope"})

    with committed(), pytest.raises(RuntimeError):
        with transaction.atomic():
            applications.apply(user=customer, **APPLY)
            raise RuntimeError("something later failed")

    applications.apply(user=customer, **APPLY)  # pending, told nobody (never committed here)
    with committed(), pytest.raises(ValidationError):
        applications.apply(user=customer, **APPLY)  # already pending

    assert mail.outbox == []
    assert not EmailDelivery.objects.exists()
    assert not Notification.objects.exists()


def test_nothing_is_sent_when_a_decision_fails_or_is_rolled_back(
    customer, admins, application, committed
):
    with committed(), pytest.raises(ValidationError):
        applications.decide(application, by=admins[0], approve=False, reason=" ")

    with committed(), pytest.raises(RuntimeError):
        with transaction.atomic():
            applications.decide(application, by=admins[0], approve=True)
            raise RuntimeError("something later failed")

    assert mail.outbox == []
    assert not Notification.objects.exists()
    application.refresh_from_db()
    assert application.status == AgentApplication.Status.PENDING


def test_recipients_of_application_events_are_configurable(settings, customer, admins, committed):
    settings.NOTIFICATION_RECIPIENTS = {
        "agent_applied": ["team", "customer"],  # "customer" means nothing without a ticket
        "agent_rejected": [],
    }

    with committed():
        application = applications.apply(user=customer, **APPLY)
        applications.decide(application, by=admins[0], approve=False, reason=REASON)

    assert inbox() == {
        "team@example.com": ["[Help Center] New agent application from Casey Morgan"]
    }
    assert not Notification.objects.filter(recipient=customer).exists()
