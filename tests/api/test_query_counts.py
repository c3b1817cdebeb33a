"""Every list and detail endpoint runs the same number of SQL queries however much data there is."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from tests.factories import AgentFactory, CategoryFactory, OrderFactory, open_ticket
from tickets import workflow

from .conftest import PDF, client_for


def _queries(user, url):
    """Queries for one request, as a fresh client for a freshly loaded user would run them."""
    client = client_for(User.objects.get(pk=user.pk))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


def _grow(customer, agent, n):
    """n more tickets for the customer, each with an order, a category, files and a thread."""
    for i in range(n):
        ticket = open_ticket(
            customer,
            category=CategoryFactory(),
            order=OrderFactory(customer=customer, lines=3),
            attachments=[SimpleUploadedFile(f"t{i}.pdf", PDF)],
        )
        workflow.post_message(
            ticket, author=agent, body="On it.", attachments=[SimpleUploadedFile("r.pdf", PDF)]
        )
        workflow.post_message(ticket, author=agent, body="Note.", internal=True)
        workflow.post_message(ticket, author=customer, body="Thanks.")
        workflow.assign(ticket, by=agent, assignee=agent)
        workflow.change_status(ticket, by=agent, status="waiting_on_customer")


def _grow_thread(ticket, agent, n):
    for i in range(n):
        workflow.post_message(
            ticket,
            author=agent,
            body=f"Update {i}",
            attachments=[SimpleUploadedFile(f"u{i}.pdf", PDF)],
        )
        workflow.post_message(ticket, author=agent, body=f"Note {i}", internal=True)
        workflow.change_priority(ticket, by=agent, priority=["low", "high"][i % 2])


EVERYONES_LISTS = [
    "/api/v1/me/",
    "/api/v1/tickets/",
    "/api/v1/tickets/?search=ORD&ordering=priority&status=waiting_on_customer",
    "/api/v1/orders/",
    "/api/v1/categories/",
]
STAFF_LISTS = ["/api/v1/stats/", "/api/v1/agents/"]


@pytest.mark.parametrize(
    ("role", "url"),
    [(role, url) for role in ("customer", "agent") for url in EVERYONES_LISTS]
    + [("agent", url) for url in STAFF_LISTS],
)
def test_lists_and_me_run_a_fixed_number_of_queries(customer, role, url):
    agent = AgentFactory()
    viewer = agent if role == "agent" else customer
    _grow(customer, agent, 2)
    few = _queries(viewer, url)

    _grow(customer, agent, 6)
    AgentFactory.create_batch(3)

    assert _queries(viewer, url) == few


@pytest.mark.parametrize("role", ["customer", "agent"])
@pytest.mark.parametrize("path", ["", "comments/"])
def test_a_ticket_and_its_comments_run_a_fixed_number_of_queries(customer, role, path):
    agent = AgentFactory()
    viewer = agent if role == "agent" else customer
    ticket = open_ticket(
        customer,
        order=OrderFactory(customer=customer),
        attachments=[SimpleUploadedFile("a.pdf", PDF)],
    )
    _grow_thread(ticket, agent, 1)
    url = f"/api/v1/tickets/{ticket.number}/{path}"
    few = _queries(viewer, url)

    _grow_thread(ticket, agent, 8)

    assert _queries(viewer, url) == few


def test_an_order_runs_a_fixed_number_of_queries(customer):
    order = OrderFactory(customer=customer, lines=1)
    open_ticket(customer, order=order)
    few = _queries(customer, f"/api/v1/orders/{order.number}/")

    for _ in range(5):
        open_ticket(customer, order=order)
    OrderFactory(customer=customer, lines=6)

    assert _queries(customer, f"/api/v1/orders/{order.number}/") == few
    assert few <= 6
