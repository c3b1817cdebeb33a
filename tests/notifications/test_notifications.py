"""Each workflow event emails exactly the people it concerns, with working links, after commit."""

import io
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from notifications.events import emails_muted
from notifications.models import EmailDelivery, Notification
from tests.factories import AgentFactory, SupportAdminFactory, open_ticket
from tests.notifications.mail_helpers import email_to, everything_sent, html_of, inbox, link_path
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.reply_tokens import ticket_number_in

pytestmark = pytest.mark.django_db

TEAM = "team@example.com"


@pytest.fixture(autouse=True)
def team_address(settings):
    settings.SUPPORT_TEAM_EMAIL = TEAM
    settings.SITE_NAME = "Help Center"
    settings.SITE_URL = "https://help.example.com"
    settings.INBOUND_EMAIL_ADDRESS = "support@reply.example.com"


@pytest.fixture
def ticket(customer, agent, committed):
    """An open ticket assigned to `agent`, with the emails of getting there cleared."""
    with committed():
        ticket = open_ticket(customer)
        ticket = workflow.assign(ticket, by=agent, assignee=agent)
    mail.outbox.clear()
    return ticket


def subject(ticket, action):
    return f"[Help Center] Ticket #{ticket.number} - {action}: {ticket.subject}"


def test_new_ticket_emails_the_customer_and_the_team_address(customer, agent, committed):
    with committed():
        ticket = open_ticket(customer)

    assert inbox() == {
        customer.email: [subject(ticket, "Received")],
        TEAM: [subject(ticket, "New ticket")],
    }
    assert ticket.number in email_to(customer.email).body
    assert "Two cases of limes" in email_to(TEAM).body


def test_without_a_team_address_every_agent_is_emailed(settings, customer, committed):
    settings.SUPPORT_TEAM_EMAIL = ""
    agents = [AgentFactory(), AgentFactory(), SupportAdminFactory()]
    AgentFactory(is_active=False)

    with committed():
        ticket = open_ticket(customer)

    assert inbox() == {
        customer.email: [subject(ticket, "Received")],
        **{agent.email: [subject(ticket, "New ticket")] for agent in agents},
    }


def test_staff_reply_emails_only_the_customer(ticket, customer, agent, committed):
    with committed():
        workflow.post_message(ticket, author=agent, body="We are sending the limes today.")

    assert inbox() == {customer.email: [subject(ticket, "New reply")]}
    assert "We are sending the limes today." in email_to(customer.email).body


def test_customer_reply_emails_the_assignee(ticket, customer, agent, committed):
    with committed():
        workflow.post_message(ticket, author=customer, body="Thanks, I will watch for them.")

    assert inbox() == {agent.email: [subject(ticket, "Customer replied")]}
    assert "Thanks, I will watch for them." in email_to(agent.email).body


def test_customer_reply_on_an_unassigned_ticket_emails_the_team(customer, committed):
    with committed():
        ticket = open_ticket(customer)
    mail.outbox.clear()

    with committed():
        workflow.post_message(ticket, author=customer, body="Any news?")

    assert inbox() == {TEAM: [subject(ticket, "Customer replied")]}


def test_the_teams_own_status_moves_tell_the_customer_nothing(ticket, customer, agent, committed):
    with committed():
        workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
        workflow.change_status(ticket, by=agent, status=Status.IN_PROGRESS)
        workflow.change_status(ticket, by=agent, status=Status.OPEN)

    assert inbox() == {}
    assert not Notification.objects.filter(recipient=customer).exists()


def test_closing_tells_the_customer_and_names_the_subject(ticket, customer, agent, committed):
    with committed():
        workflow.change_status(ticket, by=agent, status=Status.CLOSED)

    assert inbox() == {customer.email: [subject(ticket, "Closed")]}
    assert ticket.subject in email_to(customer.email).body
    notice = Notification.objects.get(recipient=customer)
    assert notice.text == f"“{ticket.subject}” (ticket {ticket.number}) is closed."


def test_resolution_email_rates_in_one_click_per_star(ticket, customer, agent, committed, client):
    with committed():
        workflow.change_status(ticket, by=agent, status=Status.RESOLVED)

    assert inbox() == {customer.email: [subject(ticket, "Solved")]}
    email = email_to(customer.email)
    star_links = [line.rpartition(": ")[2] for line in email.body.splitlines() if "/rate/" in line]
    assert len(star_links) == 5
    assert all(f'href="{url}"' in html_of(email) for url in star_links)

    response = client.get(urlsplit(star_links[3]).path)  # four stars, signed in or not

    ticket.feedback.refresh_from_db()
    assert ticket.feedback.rating == 4
    assert response.status_code == 302
    client.force_login(customer)
    page = client.get(f"/tickets/{ticket.number}/").content.decode()
    assert 'name="comment"' in page and "4 out of 5 stars" in page


def test_assignment_emails_the_agent_but_not_who_took_it_themselves(
    customer, support_admin, committed
):
    with committed():
        ticket = open_ticket(customer)
    other = AgentFactory()
    mail.outbox.clear()

    with committed():
        workflow.assign(ticket, by=support_admin, assignee=other)
    assert inbox() == {other.email: [subject(ticket, "Assigned to you")]}

    mail.outbox.clear()
    with committed():
        workflow.assign(ticket, by=support_admin, assignee=other)  # no change: no news
        workflow.assign(ticket, by=support_admin, assignee=support_admin)
    assert inbox() == {}


def test_urgent_ticket_alerts_the_team_at_once(customer, agent, committed):
    with committed():
        urgent = open_ticket(
            customer, priority=Priority.URGENT, priority_justification="Restaurant opens at 5."
        )

    assert inbox() == {
        customer.email: [subject(urgent, "Received")],
        TEAM: [subject(urgent, "Urgent")],
    }
    assert "Restaurant opens at 5." in email_to(TEAM).body

    with committed():
        ticket = open_ticket(customer)
    mail.outbox.clear()
    with committed():
        workflow.change_priority(ticket, by=agent, priority=Priority.URGENT)
        workflow.change_priority(ticket, by=agent, priority=Priority.URGENT)
        workflow.change_priority(ticket, by=agent, priority=Priority.HIGH)
    assert inbox() == {TEAM: [subject(ticket, "Urgent")]}


def test_confirmation_and_rating_reach_the_assignee(ticket, customer, agent, committed):
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)

    with committed():
        workflow.confirm_resolution(ticket, by=customer)
        workflow.rate(ticket, by=customer, rating=4, comment="Quick and kind.")

    assert inbox() == {
        agent.email: [subject(ticket, "Resolution confirmed"), subject(ticket, "Rated 4/5")]
    }
    assert "Quick and kind." in mail.outbox[1].body


def test_internal_note_never_reaches_the_customer(ticket, customer, agent, committed):
    with committed():
        workflow.post_message(
            ticket, author=agent, body="INTERNAL: refund approved by Sam.", internal=True
        )
    assert inbox() == {}
    assert not Notification.objects.filter(recipient=customer).exists()

    with committed():
        workflow.post_message(ticket, author=agent, body="Good news on the way.")
        workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
        workflow.post_message(ticket, author=customer, body="Great.")
        workflow.change_status(
            ticket, by=agent, status=Status.RESOLVED, resolution_notes="INTERNAL: refunded 20"
        )

    assert len(mail.outbox) == 3  # the reply, the customer's answer, the resolution
    assert "INTERNAL" not in everything_sent()


def test_nobody_hears_about_their_own_action(customer, committed):
    agent = AgentFactory()
    with committed():
        ticket = open_ticket(customer, opened_by=agent)  # on the customer's behalf

    assert inbox() == {
        customer.email: [subject(ticket, "Received")],
        TEAM: [subject(ticket, "New ticket")],
    }
    assert not Notification.objects.filter(recipient=agent).exists()


def test_emails_link_each_recipient_to_a_page_they_can_open(
    ticket, customer, agent, committed, client
):
    with committed():
        workflow.post_message(ticket, author=agent, body="Could you send a photo?")
        workflow.post_message(ticket, author=customer, body="Here it is.")

    customer_link = link_path(email_to(customer.email))
    agent_link = link_path(email_to(agent.email))
    assert customer_link == f"/tickets/{ticket.number}/"
    assert agent_link.startswith("/admin/")
    for user, path in ((customer, customer_link), (agent, agent_link)):
        client.force_login(user)
        assert client.get(path).status_code == 200


def test_each_email_has_a_signed_reply_address_and_a_recorded_message_id(ticket, agent, committed):
    with committed():
        workflow.post_message(ticket, author=agent, body="Hello!")

    email = mail.outbox[0]
    (reply_to,) = email.reply_to
    assert reply_to.startswith(f"support+{ticket.number.lower()}-")
    assert reply_to.endswith("@reply.example.com")
    assert ticket_number_in(reply_to) == ticket.number.lower()
    assert ticket_number_in(reply_to.replace("-", "-0", 1)) is None
    delivery = EmailDelivery.objects.get(ticket=ticket, kind="staff_replied")
    assert email.extra_headers["Message-ID"] == delivery.message_id
    assert delivery.message_id.endswith("@reply.example.com>")
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 1
    assert email.extra_headers["Auto-Submitted"] == "auto-generated"


def test_html_email_shows_what_people_typed_as_text(customer, agent, committed):
    with committed():
        ticket = open_ticket(customer, subject="<script>alert(1)</script> limes")
        workflow.post_message(ticket, author=agent, body="<b>bold</b> & <img src=x onerror=y>")

    for email in mail.outbox:
        html = html_of(email)
        assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; limes" in html_of(email_to(TEAM))
    reply = [email for email in mail.outbox if "New reply" in email.subject][0]
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img" in html_of(reply)
    assert "<b>bold</b> & <img src=x onerror=y>" in reply.body


def test_recipients_are_configurable(settings, ticket, agent, committed):
    settings.NOTIFICATION_RECIPIENTS = {"ticket_closed": [], "staff_replied": ["customer", "team"]}

    with committed():
        workflow.post_message(ticket, author=agent, body="Hello!")
        workflow.change_status(ticket, by=agent, status=Status.CLOSED)

    assert inbox() == {
        ticket.customer.email: [subject(ticket, "New reply")],
        TEAM: [subject(ticket, "New reply")],
    }


def test_a_change_that_is_rolled_back_tells_nobody(customer, committed):
    with committed(), pytest.raises(RuntimeError):
        with transaction.atomic():
            open_ticket(customer)
            raise RuntimeError("something later failed")

    assert mail.outbox == []
    assert not EmailDelivery.objects.exists()


def test_each_notice_is_also_an_in_app_notification(ticket, customer, agent, committed):
    with committed():
        workflow.post_message(ticket, author=agent, body="Hello!")
        workflow.post_message(ticket, author=customer, body="Hi!")

    to_customer = Notification.objects.get(recipient=customer)
    to_agent = Notification.objects.get(recipient=agent, kind="customer_replied")
    assert to_customer.url == f"/tickets/{ticket.number}/"
    assert to_customer.text == (
        f"{agent.get_full_name()} replied about “{ticket.subject}” (ticket {ticket.number})."
    )
    assert to_agent.url.startswith("/admin/")
    assert to_customer.read_at is None


def test_team_members_are_notified_in_app_but_not_the_customer_who_wrote(customer, committed):
    agents = [AgentFactory(), AgentFactory()]
    with committed():
        open_ticket(customer)

    for agent in agents:
        assert Notification.objects.get(recipient=agent).kind == "ticket_opened"
    assert not Notification.objects.filter(recipient=customer).exists()  # their own request


def test_changes_made_with_emails_muted_notify_in_app_only(customer, agent, committed):
    # The block ends before the commit: the signals still carry the context of the change.
    with committed(), emails_muted():
        ticket = open_ticket(customer)
        workflow.post_message(ticket, author=agent, body="Hello!")

    assert mail.outbox == []
    assert not EmailDelivery.objects.exists()
    assert Notification.objects.get(recipient=customer).kind == "staff_replied"


def test_demo_data_notifies_in_app_and_sends_no_email(committed):
    with committed():
        call_command("seed_demo", stdout=io.StringIO())
    with committed():
        call_command("seed_demo", stdout=io.StringIO())

    assert mail.outbox == []
    assert not EmailDelivery.objects.exists()
    assert Notification.objects.filter(recipient__email="customer@example.com").exists()
    admin_notices = Notification.objects.filter(recipient__email="admin@example.com")
    assert admin_notices.filter(kind="agent_applied").count() == 1  # not again on the rerun


def test_staff_told_of_a_resolution_get_no_rating_links(settings, ticket, agent, committed):
    settings.NOTIFICATION_RECIPIENTS = {"ticket_resolved": ["customer", "team"]}

    with committed():
        workflow.change_status(ticket, by=agent, status=Status.RESOLVED)

    assert "/rate/" in email_to(ticket.customer.email).body
    assert "/rate/" not in email_to(TEAM).body and "/rate/" not in html_of(email_to(TEAM))
