import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    OrderFactory,
    open_ticket,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
INTERNAL_MARKER = "INTERNAL-ONLY credited twice already"
INTERNAL_FILE = "internal-notes.txt"
OTHER_SUBJECT = "Another customer's wrong invoice"
ROLES = ["anonymous", "owner", "other_customer", "agent", "support_admin"]


@pytest.fixture
def other_customer(db):
    return CustomerFactory(email="someone.else@example.com", business_name="Other Bistro")


@pytest.fixture
def staff_agent(db):
    """The agent who answered the ticket (not the one who calls the API as "agent")."""
    return AgentFactory(name="Dana Responder", email="dana.responder@example.com")


@pytest.fixture
def category(db):
    return CategoryFactory(name="Order issue")


@pytest.fixture
def ticket(customer, staff_agent, category):
    """The owner's ticket: an order, a file, a public staff reply with a file, and an internal
    note with a file of its own."""
    from tickets import workflow

    ticket = open_ticket(
        customer,
        category=category,
        order=OrderFactory(customer=customer, number="ORD-OWNER-1"),
        attachments=[SimpleUploadedFile("invoice.pdf", PDF)],
    )
    workflow.post_message(
        ticket,
        author=staff_agent,
        body="We're looking into it.",
        attachments=[SimpleUploadedFile("reply.txt", b"tracking details")],
    )
    workflow.post_message(
        ticket,
        author=staff_agent,
        body=INTERNAL_MARKER,
        internal=True,
        attachments=[SimpleUploadedFile(INTERNAL_FILE, b"private notes")],
    )
    workflow.change_priority(ticket, by=staff_agent, priority="high", reason="VIP customer")
    ticket.refresh_from_db()
    return ticket


@pytest.fixture
def other_ticket(other_customer):
    return open_ticket(
        other_customer,
        subject=OTHER_SUBJECT,
        order=OrderFactory(customer=other_customer, number="ORD-OTHER-1"),
    )


@pytest.fixture
def resolved_ticket(ticket, staff_agent):
    from tickets import workflow

    workflow.change_status(ticket, by=staff_agent, status="resolved", reason="Refund sent")
    ticket.refresh_from_db()
    return ticket


@pytest.fixture
def users(customer, other_customer, agent, support_admin):
    return {
        "anonymous": None,
        "owner": customer,
        "other_customer": other_customer,
        "agent": agent,
        "support_admin": support_admin,
    }


def client_for(user):
    """An API client signed in as `user` (None: anonymous)."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api():
    return client_for
