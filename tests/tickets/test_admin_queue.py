import itertools

import pytest
from django.urls import reverse

from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    OrderFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"
_numbers = itertools.count()


def numbers(client, **params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return [ticket.number for ticket in response.context["object_list"]]


@pytest.fixture
def desk(agent):
    other_agent = AgentFactory()
    customer = CustomerFactory(name="Maria Lopez", email="maria@lopez-taqueria.example.com")
    delivery = CategoryFactory(name="Delivery problem")
    tickets = {
        "low": open_ticket(customer, subject="Question about invoices", priority=Priority.LOW),
        "urgent": open_ticket(
            customer,
            subject="Freezer truck late",
            priority=Priority.URGENT,
            priority_justification="Melting",
            category=delivery,
        ),
        "mine": open_ticket(subject="Limes missing", order=None),
        "theirs": open_ticket(
            subject="Bruised tomatoes", priority=Priority.HIGH, priority_justification="Today"
        ),
        "waiting": open_ticket(subject="Need a photo"),
        "order": open_ticket(
            customer, subject="Wrong rice", order=OrderFactory(customer=customer, number="LT-77001")
        ),
    }
    workflow.assign(tickets["mine"], by=agent, assignee=agent)
    workflow.assign(tickets["theirs"], by=other_agent, assignee=other_agent)
    workflow.change_status(tickets["waiting"], by=agent, status=Status.WAITING_ON_CUSTOMER)
    return tickets


def test_default_order_is_priority_then_oldest(client, agent, desk):
    client.force_login(agent)

    listed = numbers(client)

    assert listed[0] == desk["urgent"].number
    assert listed[1] == desk["theirs"].number
    assert listed[-1] == desk["low"].number
    medium = [
        n
        for n in listed
        if n not in {desk["urgent"].number, desk["theirs"].number, desk["low"].number}
    ]
    assert medium == sorted(medium)


def test_filters_narrow_the_queue(client, agent, desk):
    client.force_login(agent)

    assert numbers(client, assignee="me") == [desk["mine"].number]
    assert desk["mine"].number not in numbers(client, assignee="unassigned")
    assert desk["theirs"].number not in numbers(client, assignee="unassigned")
    assert set(numbers(client, priority=["urgent", "high"])) == {
        desk["urgent"].number,
        desk["theirs"].number,
    }
    assert numbers(client, status="waiting_on_customer") == [desk["waiting"].number]
    assert numbers(client, category=desk["urgent"].category_id) == [desk["urgent"].number]
    assert numbers(client, escalated="true") == []


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Freezer", "urgent"),
        ("LT-77001", "order"),
        ("lopez-taqueria", "low"),
        ("Maria Lopez", "low"),
    ],
)
def test_search_finds_tickets_by_subject_order_and_customer(client, agent, desk, query, key):
    client.force_login(agent)

    assert desk[key].number in numbers(client, q=query)


def test_search_by_number(client, agent, desk):
    client.force_login(agent)

    assert numbers(client, q=desk["waiting"].number) == [desk["waiting"].number]


def test_shortcuts_are_offered_and_work(client, agent, desk):
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    for label in ("Mine", "Unassigned", "Urgent &amp; high", "Waiting on customer"):
        assert label in body
    assert numbers(
        client, assignee="me", status=["open", "in_progress", "waiting_on_customer"]
    ) == [desk["mine"].number]


def test_urgent_and_high_rows_are_marked(client, agent, desk):
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    assert "ticket-row--urgent" in body
    assert "ticket-row--high" in body


def test_fifty_tickets_per_page(client, agent):
    customer = CustomerFactory()
    Ticket.objects.bulk_create(
        Ticket(
            number=f"TKTQ{next(_numbers):08d}",
            customer=customer,
            subject="Bulk",
            description="x" * 20,
        )
        for _ in range(120)
    )
    client.force_login(agent)

    response = client.get(reverse(QUEUE), {"p": 3})

    assert len(response.context["object_list"]) == 20


def test_queue_query_count_is_flat_from_50_to_5000_tickets(client, agent):
    customers = CustomerFactory.create_batch(3)
    categories = [CategoryFactory() for _ in range(3)]

    def add(count):
        Ticket.objects.bulk_create(
            Ticket(
                number=f"TKTQ{next(_numbers):08d}",
                customer=customers[n % 3],
                category=categories[n % 3],
                assignee=agent if n % 2 else None,
                subject=f"Ticket {n}",
                description="x" * 20,
                priority=list(Priority)[n % 4],
            )
            for n in range(count)
        )

    add(50)
    client.force_login(agent)
    url = reverse(QUEUE)
    count_queries(client, url)
    small = count_queries(client, url)
    filtered = count_queries(client, url + "?assignee=me&priority=high&q=Ticket")

    add(4950)

    assert count_queries(client, url) == small
    assert count_queries(client, url + "?assignee=me&priority=high&q=Ticket") == filtered
