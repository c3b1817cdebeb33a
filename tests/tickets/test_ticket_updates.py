"""What an open ticket view polls for: new messages and changes since it last looked, rendered as
the page renders them, the ticket's state and who else is looking; and j/k between tickets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ROLES, AgentFactory, open_ticket
from tickets import workflow
from tickets.admin.views import version_of
from tickets.choices import Priority, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Limes missing from order")


def edit_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def updates_url(ticket, *, message=0, change=0):
    url = reverse("wagtailsnippets_tickets_ticket:updates", args=[ticket.pk])
    return f"{url}?message={message}&change={change}"


def page_state(client, ticket):
    """The ids the ticket view starts polling from."""
    context = client.get(edit_url(ticket)).context
    return context["last_message"], context["last_change"]


def test_a_customer_reply_and_a_colleagues_change_come_with_the_state(client, agent, ticket):
    client.force_login(agent)
    message, change = page_state(client, ticket)
    colleague = AgentFactory(name="Jordan Reyes")
    workflow.post_message(ticket, author=ticket.customer, body="Photos attached now.")
    workflow.change_priority(ticket, by=colleague, priority=Priority.URGENT, reason="Restaurant")

    data = client.get(updates_url(ticket, message=message, change=change)).json()

    assert "Photos attached now." in data["items"]
    assert "support-message--new" in data["items"] and "support-change--new" in data["items"]
    assert "Restaurant" in data["items"] and "Medium → Urgent" in data["items"]
    assert data["items"].index("Photos attached") < data["items"].index("Restaurant")
    assert data["announcement"] == (
        "New on this ticket: 1 new message, 1 change, at the end of the conversation."
    )
    assert (data["status"], data["priority"], data["assignee"]) == ("open", "urgent", None)
    assert "Urgent" in data["summary"]
    assert 'value="urgent" selected' in data["controls"]
    ticket.refresh_from_db()
    assert data["version"] == version_of(ticket)
    assert data["last_message"] == ticket.messages.latest("pk").pk
    assert data["last_change"] == ticket.history.latest("history_id").history_id


def test_nothing_new_brings_no_items(client, agent, ticket):
    client.force_login(agent)
    message, change = page_state(client, ticket)

    data = client.get(updates_url(ticket, message=message, change=change)).json()

    assert (data["items"], data["announcement"]) == ("", "")
    assert (data["last_message"], data["last_change"]) == (message, change)


def test_only_what_came_after_the_ids_is_sent(client, agent, ticket):
    workflow.post_message(ticket, author=agent, body="Seen already")
    client.force_login(agent)
    message, change = page_state(client, ticket)
    workflow.post_message(ticket, author=ticket.customer, body="Brand new")

    data = client.get(updates_url(ticket, message=message, change=change)).json()

    assert "Brand new" in data["items"] and "Seen already" not in data["items"]


def test_internal_notes_reach_agents_polling(client, agent, ticket):
    client.force_login(agent)
    message, change = page_state(client, ticket)
    workflow.post_message(
        ticket, author=AgentFactory(), body="NOTE: refund approved", internal=True
    )

    data = client.get(updates_url(ticket, message=message, change=change)).json()

    assert "NOTE: refund approved" in data["items"] and "support-message--note" in data["items"]


def test_bad_ids_are_read_as_nothing_seen(client, agent, ticket):
    workflow.post_message(ticket, author=ticket.customer, body="Hello")
    client.force_login(agent)
    url = reverse("wagtailsnippets_tickets_ticket:updates", args=[ticket.pk])

    response = client.get(f"{url}?message=abc&change=-4")

    assert response.status_code == 200
    assert "Hello" in response.json()["items"]


# 302: anonymous visitors and non-staff go to the admin login (Wagtail's handling).
UPDATES_EXPECTED = {
    "anonymous": 302,
    "customer": 302,
    "applicant": 302,
    "editor": 302,
    "agent": 200,
    "support_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_poll_a_ticket(client, people, role, ticket):
    workflow.post_message(ticket, author=ticket.customer, body="Secret supplier problem")
    if people[role]:
        client.force_login(people[role])

    response = client.get(updates_url(ticket))

    assert response.status_code == UPDATES_EXPECTED[role]
    assert "Secret supplier problem" not in response.content.decode() or role in (
        "agent",
        "support_admin",
    )


def test_an_unknown_ticket_is_a_404(client, agent):
    client.force_login(agent)

    assert (
        client.get(reverse("wagtailsnippets_tickets_ticket:updates", args=[9999])).status_code
        == 404
    )


@pytest.mark.parametrize("messages", [5, 200])
def test_the_poll_query_count_is_flat_with_5_or_200_new_messages(client, agent, ticket, messages):
    client.force_login(agent)
    workflow.post_message(ticket, author=ticket.customer, body="First")
    client.get(updates_url(ticket))
    with CaptureQueriesContext(connection) as few:
        client.get(updates_url(ticket))

    for n in range(messages):
        workflow.post_message(ticket, author=agent, body=f"Reply {n}")
        workflow.post_message(ticket, author=agent, body=f"Note {n}", internal=True)
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)

    with CaptureQueriesContext(connection) as many:
        response = client.get(updates_url(ticket))

    assert response.json()["items"].count("data-message-id") == 2 * messages + 1
    assert len(many) == len(few)


def test_the_ticket_view_polls_from_its_last_message_and_change(client, agent, ticket):
    workflow.post_message(ticket, author=ticket.customer, body="Hello")
    client.force_login(agent)

    body = client.get(edit_url(ticket)).content.decode()

    message = ticket.messages.get()
    change = ticket.history.latest("history_id")
    assert f'data-last-message="{message.pk}"' in body
    assert f'data-last-change="{change.history_id}"' in body
    assert 'data-updates-url="' in body and "<script>" not in body


def test_the_stream_reads_oldest_first_with_messages_and_changes_together(client, agent, ticket):
    workflow.post_message(ticket, author=ticket.customer, body="First message")
    workflow.change_priority(ticket, by=agent, priority=Priority.HIGH, reason="Second, a change")
    workflow.post_message(ticket, author=agent, body="Third message")
    client.force_login(agent)

    body = client.get(edit_url(ticket)).content.decode()

    assert body.index("First message") < body.index("Second, a change") < body.index("Third")
    assert body.index("Third message") < body.index('id="composer"')
