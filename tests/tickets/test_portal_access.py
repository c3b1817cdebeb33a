"""Every portal route and attachment URL, for every role: exactly the expected answer."""

import pytest
from django.urls import reverse

from tests.factories import AgentFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def routes(ticket):
    public_file = ticket.attachments.get(message__isnull=True)
    internal_file = ticket.attachments.get(message__is_internal=True)
    return {
        "list": ("get", reverse("tickets:list")),
        "orders": ("get", reverse("tickets:orders")),
        "detail": ("get", ticket.get_absolute_url()),
        "messages": ("get", reverse("tickets:messages", args=[ticket.number])),
        "reply": ("post", ticket.get_absolute_url()),
        "confirm": ("post", reverse("tickets:confirm", args=[ticket.number])),
        "feedback": ("post", reverse("tickets:feedback", args=[ticket.number])),
        "file": ("get", public_file.get_absolute_url()),
        "internal_file": ("get", internal_file.get_absolute_url()),
    }


EXPECTED = {
    #                list orders detail messages reply confirm feedback file internal_file
    "anonymous": [302, 302, 302, 302, 302, 302, 302, 302, 302],
    "owner": [200, 200, 200, 200, 200, 302, 302, 200, 404],
    "other_customer": [200, 200, 404, 404, 404, 404, 404, 404, 404],
    "agent": [200, 200, 200, 200, 200, 403, 302, 200, 200],
}


@pytest.mark.parametrize("role", EXPECTED)
def test_portal_routes_answer_each_role_as_expected(client, ticket, role):
    user = {
        "anonymous": None,
        "owner": ticket.customer,
        "other_customer": CustomerFactory(),
        "agent": AgentFactory(),
    }[role]
    if user:
        client.force_login(user)

    answers = []
    for method, url in routes(ticket).values():
        response = getattr(client, method)(url, {"body": ""} if method == "post" else None)
        answers.append(response.status_code)

    assert answers == EXPECTED[role], dict(zip(routes(ticket), answers, strict=True))


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, ticket):
    response = client.get(ticket.get_absolute_url())

    assert response["Location"] == f"{reverse('account_login')}?next={ticket.get_absolute_url()}"


def test_customers_never_see_internal_notes(client, ticket):
    client.force_login(ticket.customer)

    body = client.get(ticket.get_absolute_url()).content.decode()
    fragment = client.get(reverse("tickets:messages", args=[ticket.number])).content.decode()

    assert "We&#x27;re looking into it." in body
    assert "INTERNAL" not in body
    assert "internal-notes.txt" not in body
    assert "INTERNAL" not in fragment


def test_attachment_download_is_safe(client, ticket):
    client.force_login(ticket.customer)
    attachment = ticket.attachments.get(message__isnull=True)

    response = client.get(attachment.get_absolute_url())

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="invoice.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_attachment_url_with_another_tickets_number_is_404(client, ticket, customer):
    from tests.factories import open_ticket

    other = open_ticket(customer)
    client.force_login(customer)
    attachment = ticket.attachments.get(message__isnull=True)

    response = client.get(reverse("tickets:attachment", args=[other.number, attachment.pk]))

    assert response.status_code == 404


def test_orders_page_lists_only_my_orders_with_their_tickets(client, ticket):
    client.force_login(ticket.customer)
    from tests.factories import OrderFactory

    stranger_order = OrderFactory()

    body = client.get(reverse("tickets:orders")).content.decode()

    assert ticket.order.number in body
    assert ticket.number in body
    assert stranger_order.number not in body
    assert f"/contact/?order={ticket.order.number}" in body
