import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import applications
from tests.factories import CustomerFactory, OrderFactory, open_ticket
from tests.tickets.intake_helpers import mail_settings

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ticket(customer):
    """A customer's ticket with an order, a file, a staff reply and an internal note."""
    from tests.factories import AgentFactory
    from tickets import workflow

    ticket = open_ticket(
        customer,
        order=OrderFactory(customer=customer),
        attachments=[SimpleUploadedFile("invoice.pdf", PDF)],
    )
    agent = AgentFactory()
    workflow.post_message(ticket, author=agent, body="We're looking into it.")
    workflow.post_message(
        ticket,
        author=agent,
        body="INTERNAL: customer was credited last month too.",
        internal=True,
        attachments=[SimpleUploadedFile("internal-notes.txt", b"private notes")],
    )
    ticket.refresh_from_db()
    return ticket


@pytest.fixture
def people(customer, editor, agent, support_admin):
    """One user per role (None for anonymous): the rows of the permission matrices."""
    applicant = CustomerFactory()
    applications.apply(user=applicant, name="Casey", phone="+1 630 555 0110", motivation="Keen")
    return {
        "anonymous": None,
        "customer": customer,
        "applicant": applicant,
        "editor": editor,
        "agent": agent,
        "support_admin": support_admin,
    }


@pytest.fixture
def maria(db):
    return CustomerFactory(email="maria.lopez@example.com", name="Maria Lopez")


@pytest.fixture
def intake_mail_settings(settings):
    """The inbound-email settings the intake tests' messages are made for."""
    mail_settings(settings)
