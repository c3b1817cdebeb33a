import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgentFactory, CategoryFactory, OrderFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import Message, Ticket, TicketReadState

pytestmark = pytest.mark.django_db


_numbers = itertools.count()


def add_tickets(customer, count, **fields):
    now = timezone.now()
    Ticket.objects.bulk_create(
        Ticket(
            number=f"TKTBULK{next(_numbers):08d}",
            customer=customer,
            subject=f"Bulk ticket {n}",
            description="A ticket made in bulk for a size test.",
            category=fields.get("category"),
            order=fields.get("order"),
            last_staff_message_at=now if n % 2 else None,
        )
        for n in range(count)
    )


def add_messages(ticket, author, count):
    Message.objects.bulk_create(
        Message(ticket=ticket, author=author, body=f"Message {n}", is_staff=bool(n % 2))
        for n in range(count)
    )


def test_my_tickets_lists_only_mine_with_their_details(client, customer):
    mine = open_ticket(customer, category=CategoryFactory(name="Delivery problem"))
    theirs = open_ticket()
    client.force_login(customer)

    body = client.get(reverse("tickets:list")).content.decode()

    assert mine.number in body and "Delivery problem" in body
    assert theirs.number not in body


def test_my_tickets_filters_searches_and_sorts(client, customer):
    order = OrderFactory(customer=customer, number="LT-99001")
    limes = open_ticket(customer, subject="Limes missing again", order=order)
    urgent = open_ticket(
        customer,
        subject="Freezer delivery",
        priority=Priority.URGENT,
        priority_justification="Melting",
    )
    agent = AgentFactory()
    workflow.change_status(urgent, by=agent, status=Status.RESOLVED)
    client.force_login(customer)

    def numbers(**params):
        response = client.get(reverse("tickets:list"), params)
        return [ticket.number for ticket in response.context["tickets"]]

    assert numbers(status="resolved") == [urgent.number]
    assert numbers(priority="urgent") == [urgent.number]
    assert numbers(q="99001") == [limes.number]
    assert numbers(q=limes.number) == [limes.number]
    assert numbers(q="freezer") == [urgent.number]
    assert numbers(sort="priority") == [urgent.number, limes.number]
    assert numbers(sort="oldest") == [limes.number, urgent.number]


def test_bad_filter_input_gets_a_message_not_an_error(client, customer):
    open_ticket(customer)
    client.force_login(customer)

    response = client.get(
        reverse("tickets:list"),
        {"created_from": "2026-12-01", "created_to": "2026-01-01", "status": "bogus", "page": "x"},
    )

    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()


def test_twenty_tickets_per_page(client, customer):
    add_tickets(customer, 45)
    client.force_login(customer)

    response = client.get(reverse("tickets:list"), {"page": 3})

    assert len(response.context["tickets"]) == 5
    assert response.context["page_obj"].paginator.num_pages == 3


def test_unread_marker_shows_new_staff_replies_until_the_ticket_is_read(client, customer):
    ticket = open_ticket(customer)
    workflow.post_message(ticket, author=AgentFactory(), body="Any photos?")
    client.force_login(customer)

    assert "New reply" in client.get(reverse("tickets:list")).content.decode()
    client.get(ticket.get_absolute_url())
    assert "New reply" not in client.get(reverse("tickets:list")).content.decode()


def test_customer_replies_with_a_file(client, customer):
    ticket = open_ticket(customer)
    client.force_login(customer)

    response = client.post(
        ticket.get_absolute_url(),
        {"body": "Photo attached.", "attachments": [SimpleUploadedFile("note.txt", b"text file")]},
    )

    assert response.status_code == 302
    message = ticket.messages.get()
    assert message.attachments.get().original_name == "note.txt"


def test_a_rejected_reply_keeps_the_text_and_explains_why(client, customer):
    ticket = open_ticket(customer)
    client.force_login(customer)

    response = client.post(
        ticket.get_absolute_url(),
        {
            "body": "Here is the program you asked for.",
            "attachments": [SimpleUploadedFile("setup.pdf", b"MZ\x90\x00" + b"\x00" * 64)],
        },
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "setup.pdf is not a file type we accept" in body
    assert "Here is the program you asked for." in body
    assert not ticket.messages.exists()


def test_closed_ticket_offers_a_follow_up_instead_of_a_reply_box(client, customer):
    ticket = open_ticket(customer)
    workflow.change_status(ticket, by=AgentFactory(), status=Status.CLOSED)
    client.force_login(customer)

    body = client.get(ticket.get_absolute_url()).content.decode()

    assert 'name="body"' not in body
    assert f"/contact/?follow_up={ticket.number}" in body


def test_customer_confirms_and_rates_from_the_ticket_page(client, customer):
    ticket = open_ticket(customer)
    workflow.change_status(ticket, by=AgentFactory(), status=Status.RESOLVED)
    client.force_login(customer)
    assert "Yes, it's solved" in client.get(ticket.get_absolute_url()).content.decode()

    client.post(reverse("tickets:confirm", args=[ticket.number]))
    client.post(reverse("tickets:feedback", args=[ticket.number]), {"rating": "5"})

    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert ticket.feedback.rating == 5
    body = client.get(ticket.get_absolute_url()).content.decode()
    assert "5 out of 5 stars" in body


def test_status_history_shows_changes_without_internal_reasons(client, customer):
    ticket = open_ticket(customer)
    workflow.change_status(
        ticket, by=AgentFactory(), status=Status.WAITING_ON_CUSTOMER, reason="Customer is vague"
    )
    client.force_login(customer)

    response = client.get(ticket.get_absolute_url())

    assert [c["new"] for c in response.context["status_history"]] == ["waiting_on_customer"]
    assert "Customer is vague" not in response.content.decode()


def test_polling_returns_only_newer_messages(client, customer):
    ticket = open_ticket(customer)
    first = workflow.post_message(ticket, author=customer, body="First")
    workflow.post_message(ticket, author=AgentFactory(), body="Second")
    client.force_login(customer)

    response = client.get(reverse("tickets:messages", args=[ticket.number]), {"after": first.pk})

    body = response.content.decode()
    assert "Second" in body and "First" not in body
    assert (
        client.get(
            reverse("tickets:messages", args=[ticket.number]), {"after": "nonsense"}
        ).status_code
        == 200
    )


def test_list_query_count_is_flat_from_10_to_500_tickets(client, customer):
    category = CategoryFactory()
    order = OrderFactory(customer=customer)
    add_tickets(customer, 10, category=category, order=order)
    client.force_login(customer)
    url = reverse("tickets:list")
    count_queries(client, url)
    small = count_queries(client, url)

    add_tickets(customer, 490, category=CategoryFactory(), order=OrderFactory(customer=customer))

    assert count_queries(client, url) == small
    assert count_queries(client, url + "?q=Bulk&sort=priority&status=open") == small


def test_detail_query_count_is_flat_from_5_to_200_messages(client, customer):
    ticket = open_ticket(customer, order=OrderFactory(customer=customer))
    agent = AgentFactory()
    add_messages(ticket, agent, 5)
    workflow.post_message(
        ticket, author=agent, body="With file", attachments=[SimpleUploadedFile("a.txt", b"hi")]
    )
    client.force_login(customer)
    url = ticket.get_absolute_url()
    count_queries(client, url)
    small = count_queries(client, url)

    add_messages(ticket, customer, 195)
    workflow.post_message(
        ticket, author=agent, body="Another file", attachments=[SimpleUploadedFile("b.txt", b"hi")]
    )
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
    count_queries(client, url)  # reads the agent's new replies: one write more, once

    assert count_queries(client, url) == small


def test_reading_a_ticket_again_with_nothing_new_writes_nothing(client, customer):
    ticket = open_ticket(customer)
    workflow.post_message(ticket, author=AgentFactory(), body="Here is what we found out.")
    client.force_login(customer)
    client.get(ticket.get_absolute_url())
    read = TicketReadState.objects.get(ticket=ticket, user=customer).last_read_at

    with CaptureQueriesContext(connection) as queries:
        client.get(ticket.get_absolute_url())

    assert not [q for q in queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert TicketReadState.objects.get(ticket=ticket, user=customer).last_read_at == read


def test_orders_page_query_count_is_flat(client, customer):
    for _ in range(3):
        open_ticket(customer, order=OrderFactory(customer=customer))
    client.force_login(customer)
    url = reverse("tickets:orders")
    count_queries(client, url)
    small = count_queries(client, url)

    for _ in range(30):
        open_ticket(customer, order=OrderFactory(customer=customer, lines=4))

    assert count_queries(client, url) == small
