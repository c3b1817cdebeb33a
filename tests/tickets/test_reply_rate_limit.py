"""Customers' replies are limited to so many an hour, by the portal, the API and email alike;
staff are not. A refused reply says why and when to retry, and the portal keeps the typed text."""

import pytest
from anymail.inbound import AnymailInboundMessage
from django_ratelimit.exceptions import Ratelimited
from rest_framework.test import APIClient

from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import intake, limits, workflow
from tickets.models import InboundEmail, Message
from tickets.reply_tokens import reply_address

pytestmark = pytest.mark.django_db

REFUSED = "You have sent 2 replies in the last hour. Please wait a little."


@pytest.fixture(autouse=True)
def two_replies_an_hour(monkeypatch):
    monkeypatch.setattr(limits, "REPLIES_PER_HOUR", 2)


@pytest.fixture
def ticket(customer):
    return open_ticket(customer)


def reply(ticket, author, body="Any news on my limes?"):
    return workflow.post_message(ticket, author=author, body=body)


def test_a_customers_reply_past_the_hourly_limit_is_refused_with_when_to_retry(ticket, customer):
    reply(ticket, customer)
    reply(ticket, customer)

    with pytest.raises(Ratelimited) as error:
        reply(ticket, customer)

    assert str(error.value) == REFUSED
    assert 0 < error.value.retry_after <= 3600
    assert Message.objects.filter(author=customer).count() == 2
    other = CustomerFactory()
    assert reply(open_ticket(other), other)


def test_staff_replies_are_neither_limited_nor_counted_against_the_customer(ticket, customer):
    agent = AgentFactory()
    for _ in range(5):
        reply(ticket, agent, "We are on it.")
    workflow.post_message(ticket, author=agent, body="Note to self.", internal=True)
    reply(ticket, customer)
    reply(ticket, customer)

    with pytest.raises(Ratelimited):
        reply(ticket, customer)

    assert Message.objects.filter(author=agent).count() == 6


def test_the_portal_shows_the_limit_next_to_the_form_and_keeps_the_typed_text(
    client, ticket, customer
):
    client.force_login(customer)
    url = ticket.get_absolute_url()
    for n in range(2):
        assert client.post(url, {"body": f"Reply {n}"}).status_code == 302

    response = client.post(url, {"body": "Could you also add two bags of cilantro?"})

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert response.templates[0].name == "tickets/ticket_detail.html"
    page = response.content.decode()
    assert REFUSED in page
    assert "Could you also add two bags of cilantro?</textarea>" in page
    assert not Message.objects.filter(body__contains="cilantro").exists()


def test_the_api_answers_a_reply_past_the_limit_with_a_429_and_retry_after(ticket, customer):
    api = APIClient()
    api.force_authenticate(customer)
    url = f"/api/v1/tickets/{ticket.number}/comments/"
    for n in range(2):
        assert api.post(url, {"comment": f"Reply {n}"}, format="json").status_code == 201

    response = api.post(url, {"comment": "One too many"}, format="json")

    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert response.json()["detail"] == REFUSED
    assert 0 < int(response["Retry-After"]) <= 3600


def test_an_emailed_reply_past_the_limit_is_held_for_an_agent_saying_why(ticket, customer):
    def email(n):
        message = AnymailInboundMessage.construct(
            from_email=customer.email,
            to=reply_address(ticket),
            subject="Re: Missing items",
            text=f"Reply {n} by email.",
        )
        message["Message-ID"] = f"<reply-{n}@mail.example.com>"
        record, _ = intake.ingest(message, channel="test")
        return record

    assert [email(n).outcome for n in range(2)] == [InboundEmail.Outcome.REPLY] * 2

    held = email(3)

    assert (held.outcome, held.ticket, held.reason) == (InboundEmail.Outcome.HELD, ticket, REFUSED)
    assert Message.objects.filter(author=customer).count() == 2
