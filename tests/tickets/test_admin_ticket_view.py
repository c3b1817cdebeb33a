import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AgentFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.admin.views import version_of
from tickets.choices import Priority, Status
from tickets.models import CannedResponse, TicketReadState

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Limes missing from order")


def url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def post(client, ticket, **data):
    return client.post(url(ticket), data)


def test_agent_replies_publicly_with_a_file(client, agent, ticket):
    client.force_login(agent)

    response = client.post(
        url(ticket),
        {
            "action": "reply",
            "kind": "reply",
            "body": "A new case is on its way.",
            "seen": version_of(ticket),
            "attachments": [SimpleUploadedFile("route.txt", b"Route 14")],
        },
    )

    assert response.status_code == 302
    message = ticket.messages.get()
    assert (message.is_internal, message.is_staff, message.author) == (False, True, agent)
    assert message.attachments.get().original_name == "route.txt"
    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS and ticket.first_response_at


def test_internal_note_stays_out_of_every_customer_page(client, agent, ticket):
    client.force_login(agent)
    post(
        client,
        ticket,
        action="reply",
        kind="note",
        body="NOTE: customer owes us $40",
        seen=version_of(ticket),
    )
    assert ticket.messages.get().is_internal

    client.force_login(ticket.customer)
    pages = [
        client.get(ticket.get_absolute_url()),
        client.get(reverse("tickets:messages", args=[ticket.number])),
        client.get(reverse("tickets:list")),
    ]

    for page in pages:
        assert "owes us" not in page.content.decode()


def test_a_reply_after_someone_else_answered_is_stopped_and_kept(client, agent, ticket):
    client.force_login(agent)
    seen = version_of(ticket)
    workflow.post_message(ticket, author=AgentFactory(), body="Already sorted, credit issued.")

    response = post(
        client, ticket, action="reply", kind="reply", body="Let me check the depot.", seen=seen
    )

    assert response.status_code == 409
    body = response.content.decode()
    assert "nothing was sent" in body
    assert "Let me check the depot." in body
    assert "support-message--new" in body
    assert ticket.messages.count() == 1

    form_seen = response.context["reply_form"].data["seen"]
    response = post(
        client, ticket, action="reply", kind="reply", body="Let me check the depot.", seen=form_seen
    )
    assert response.status_code == 302
    assert ticket.messages.count() == 2


def test_a_reply_after_a_status_change_is_stopped(client, agent, ticket):
    client.force_login(agent)
    seen = version_of(ticket)
    workflow.change_status(ticket, by=AgentFactory(), status=Status.RESOLVED)

    response = post(client, ticket, action="reply", kind="reply", body="Hello", seen=seen)

    assert response.status_code == 409
    assert not ticket.messages.exists()


def test_canned_response_is_filled_in_for_this_ticket(client, agent, ticket):
    canned = CannedResponse.objects.create(
        title="Credit", body="Hi {customer_name}, credit issued for {ticket_number}. {agent_name}"
    )
    client.force_login(agent)

    response = post(
        client, ticket, action="canned", canned=canned.pk, body="", seen=version_of(ticket)
    )

    expected = (
        f"Hi {ticket.customer.get_full_name()}, credit issued for {ticket.number}. "
        f"{agent.get_full_name()}"
    )
    assert response.context["reply_form"].initial["body"] == expected
    assert f'data-text="{expected}"' in client.get(url(ticket)).content.decode().replace(
        "&#x27;", "'"
    )


def test_status_change_with_reason_shows_in_the_timeline(client, agent, ticket):
    client.force_login(agent)

    post(client, ticket, action="status", status="waiting_on_customer", reason="Asked for photos")

    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_ON_CUSTOMER
    body = client.get(url(ticket)).content.decode()
    assert "Asked for photos" in body
    assert "Open → Waiting on customer" in body


def test_a_status_the_table_forbids_is_refused_with_a_message(client, agent, ticket):
    workflow.change_status(ticket, by=agent, status=Status.CLOSED)
    client.force_login(agent)

    response = post(client, ticket, action="status", status="open")

    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert response.status_code == 302


def test_priority_change_and_assign_to_me(client, agent, ticket):
    client.force_login(agent)

    post(client, ticket, action="priority", priority="urgent", reason="Restaurant closed")
    post(client, ticket, action="assign_me")

    ticket.refresh_from_db()
    assert (ticket.priority, ticket.assignee) == (Priority.URGENT, agent)
    assert ticket.history.filter(history_change_reason="Restaurant closed").exists()


def test_only_support_admins_reassign(client, agent, support_admin, ticket):
    other = AgentFactory()
    client.force_login(agent)
    assert 'value="assign"' not in client.get(url(ticket)).content.decode()
    post(client, ticket, action="assign", assignee=other.pk)
    ticket.refresh_from_db()
    assert ticket.assignee is None

    client.force_login(support_admin)
    post(client, ticket, action="assign", assignee=other.pk, reason="Shift change")
    ticket.refresh_from_db()
    assert ticket.assignee == other


def test_other_agents_viewing_the_ticket_are_shown(client, agent, ticket):
    colleague = AgentFactory(name="Jordan Reyes")
    client.force_login(colleague)
    client.get(url(ticket))

    client.force_login(agent)
    body = client.get(url(ticket)).content.decode()
    updates = client.get(reverse("wagtailsnippets_tickets_ticket:updates", args=[ticket.pk]))

    assert "Also viewing this ticket: Jordan Reyes" in body
    assert "Jordan Reyes" in updates.json()["presence"]


def test_ticket_view_shows_customer_order_rating_and_other_tickets(client, agent, customer):
    from tests.factories import OrderFactory

    order = OrderFactory(customer=customer, number="LT-5050", lines=2)
    older = open_ticket(customer, subject="Older question")
    ticket = open_ticket(customer, subject="Current problem", order=order)
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    workflow.rate(ticket, by=customer, rating=4, comment="Thanks")
    client.force_login(agent)

    body = client.get(url(ticket)).content.decode()

    assert customer.email in body
    assert "Order LT-5050" in body and "Product 1" in body
    assert "4/5" in body and "Thanks" in body
    assert older.number in body


def test_ticket_view_query_count_is_flat(client, agent, ticket):
    workflow.post_message(ticket, author=agent, body="First reply")
    client.force_login(agent)
    count_queries(client, url(ticket))
    small = count_queries(client, url(ticket))

    for n in range(20):
        workflow.post_message(ticket, author=agent, body=f"Reply {n}", internal=n % 2 == 0)
    workflow.change_priority(ticket, by=agent, priority=Priority.HIGH)
    for _ in range(5):
        open_ticket(ticket.customer)

    assert count_queries(client, url(ticket)) == small


def test_opening_a_ticket_again_with_nothing_new_from_the_customer_writes_nothing(
    client, agent, ticket
):
    workflow.post_message(ticket, author=ticket.customer, body="It is still missing.")
    client.force_login(agent)
    client.get(url(ticket))
    read = TicketReadState.objects.get(ticket=ticket, user=agent).last_read_at

    with CaptureQueriesContext(connection) as queries:
        client.get(url(ticket))

    written = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert not [sql for sql in written if "tickets_ticketreadstate" in sql]
    assert TicketReadState.objects.get(ticket=ticket, user=agent).last_read_at == read


def test_a_new_customer_message_is_marked_read_when_the_agent_opens_the_ticket(
    client, agent, ticket
):
    client.force_login(agent)
    client.get(url(ticket))
    workflow.post_message(ticket, author=ticket.customer, body="One more thing.")

    client.get(url(ticket))

    read = TicketReadState.objects.get(ticket=ticket, user=agent).last_read_at
    assert read >= ticket.messages.latest("created_at").created_at
