"""The export's pages and the export itself read a fixed number of queries."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from privacy import export, export_requests
from privacy.models import DataExport
from tests.factories import AgentFactory, CustomerFactory, OrderFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow

from .conftest import pdf


def add_ticket(customer, agent, copied):
    ticket = open_ticket(
        customer,
        order=OrderFactory(customer=customer),
        attachments=[SimpleUploadedFile("photo.pdf", pdf("PHOTO"))],
    )
    workflow.post_message(ticket, author=agent, body="We are looking into it for you.")
    workflow.post_message(ticket, author=agent, body="A note for the team.", internal=True)
    workflow.post_message(
        ticket,
        author=customer,
        body="Thank you, here is another file.",
        attachments=[SimpleUploadedFile("more.pdf", pdf("MORE"))],
    )
    other = open_ticket(CustomerFactory())
    workflow.add_ccs(other, [copied.email], by=other.customer)


def queries_of_export(user):
    with CaptureQueriesContext(connection) as queries:
        export.write(user, io.BytesIO())
    return len(queries)


def test_building_the_export_does_not_query_per_ticket_message_or_file(customer):
    agent = AgentFactory()
    add_ticket(customer, agent, customer)
    one = queries_of_export(customer)
    for _ in range(4):
        add_ticket(customer, agent, customer)

    assert queries_of_export(customer) == one


def test_the_account_page_reads_as_many_queries_with_a_copy_as_without(client, customer, committed):
    client.force_login(customer)
    url = reverse("account_profile")
    without = count_queries(client, url)
    with committed():
        export_requests.request_own(customer)

    assert count_queries(client, url) == without


def test_the_admin_page_reads_as_many_queries_for_many_copies(
    client, customer, support_admin, committed
):
    client.force_login(support_admin)
    url = reverse("privacy_admin_export", args=[customer.pk])
    with committed():
        export_requests.request_for(customer, by=support_admin)
    count_queries(client, url)  # what the admin keeps from the first page is kept from here on
    one = count_queries(client, url)
    with committed():
        for _ in range(4):
            export_requests.request_for(customer, by=AgentFactory())

    assert DataExport.objects.count() == 5
    assert count_queries(client, url) == one
