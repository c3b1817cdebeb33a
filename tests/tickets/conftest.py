import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import OrderFactory, open_ticket

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ticket(customer):
    """A customer's ticket with an order, a file, a staff reply and an internal note."""
    from tickets import workflow
    from tests.factories import AgentFactory

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
