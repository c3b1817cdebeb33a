"""Card numbers customers send are masked before anything stores them (tickets.card_numbers):
through the contact page, a portal reply, the API and an incoming email, the digits are in no
table afterwards; with settings.TICKETS_MASK_CARD_NUMBERS off they are kept as sent."""

import pytest
from rest_framework.test import APIClient

from helpcenter.demo import seed_contact_page
from helpcenter.models import HomePage
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tests.privacy.search import rows_containing
from tests.tickets.intake_helpers import by_command, mail_settings
from tickets import workflow
from tickets.card_numbers import masked
from tickets.models import InboundEmail, Message, Ticket

pytestmark = pytest.mark.django_db

CARD = "4242 4242 4242 4242"
CARD_RUN = "4242424242424242"
MASKED = "•••• •••• •••• 4242"
AMEX = "3782-822463-10005"


def nowhere(*texts):
    return {text: rows_containing(text) for text in texts} == {text: [] for text in texts}


@pytest.fixture
def contact_page(db):
    seed_contact_page(HomePage.objects.get())


@pytest.fixture
def customer(db):
    return CustomerFactory(email="raj.patel@example.net", name="Raj Patel")


def test_the_contact_page_stores_no_card_number(client, customer, contact_page, committed):
    client.force_login(customer)
    with committed():
        response = client.post(
            "/contact/",
            {
                "subject": f"Refund to card {CARD}",
                "description": f"Please refund the limes to my card {CARD_RUN}, expiry 12/28.",
                "priority": "medium",
                "best_time_to_call_you": f"after 2pm, card {AMEX}",
            },
        )
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Refund to card {MASKED}"
    assert ticket.description == f"Please refund the limes to my card {MASKED}, expiry 12/28."
    assert ticket.extra_fields == {"Best time to call you": "after 2pm, card •••• •••• •••• 0005"}
    assert nowhere(CARD, CARD_RUN, AMEX, "822463")


def test_a_portal_reply_stores_no_card_number(client, customer, committed):
    ticket = open_ticket(customer)
    client.force_login(customer)
    with committed():
        response = client.post(
            ticket.get_absolute_url(), {"body": f"Here is my card number: {CARD}. Thanks!"}
        )
    assert response.status_code == 302
    assert Message.objects.get().body == f"Here is my card number: {MASKED}. Thanks!"
    assert nowhere(CARD, CARD_RUN)


def test_the_api_stores_no_card_number(customer, committed):
    api = APIClient()
    api.force_authenticate(customer)
    with committed():
        created = api.post(
            "/api/v1/tickets/",
            {"subject": "Card charged twice", "description": f"My card {CARD} was charged twice."},
            format="json",
        )
        assert created.status_code == 201, created.json()
        number = created.json()["ticket_number"]
        replied = api.post(
            f"/api/v1/tickets/{number}/comments/",
            {"comment": f"The second card is {AMEX}."},
            format="json",
        )
    assert (created.status_code, replied.status_code) == (201, 201)
    assert replied.json()["comment"] == "The second card is •••• •••• •••• 0005."
    assert nowhere(CARD, CARD_RUN, AMEX)


EMAIL = """From: Raj Patel <raj.patel@example.net>
To: Help Center <support@reply.example.com>
Subject: Card {card} charged twice
Date: Sun, 22 Nov 2026 07:45:10 -0600
Message-ID: <card-number-test@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Hello,

You charged my card {card} twice for the same order. Please refund one.

Raj Patel
"""


def test_an_incoming_email_stores_no_card_number(settings, customer, committed, tmp_path):
    mail_settings(settings)
    with committed():
        by_command(EMAIL.format(card=CARD).encode(), tmp_path)
    record = InboundEmail.objects.get()
    assert record.outcome == InboundEmail.Outcome.NEW_TICKET
    assert record.subject == f"Card {MASKED} charged twice"
    assert MASKED in record.body_text
    assert record.ticket.subject == f"Card {MASKED} charged twice"
    assert nowhere(CARD, CARD_RUN)


def test_a_held_email_stores_no_card_number(settings, committed, tmp_path):
    """Mail from staff is held for an agent, never posted: its stored copy is masked too."""
    mail_settings(settings)
    AgentFactory(email="raj.patel@example.net")
    with committed():
        by_command(EMAIL.format(card=CARD).encode(), tmp_path)
    assert InboundEmail.objects.get().outcome == InboundEmail.Outcome.HELD
    assert nowhere(CARD, CARD_RUN)


def test_a_rating_comment_stores_no_card_number(customer, agent):
    ticket = open_ticket(customer)
    workflow.change_status(ticket, by=agent, status="resolved")
    feedback = workflow.rate(ticket, by=customer, rating=2, comment=f"Refund {CARD} please")
    assert feedback.comment == f"Refund {MASKED} please"
    assert nowhere(CARD)


def test_with_the_setting_off_the_number_is_kept_as_sent(client, customer, committed, settings):
    settings.TICKETS_MASK_CARD_NUMBERS = False
    ticket = open_ticket(customer, description=f"My card {CARD} was charged twice, please.")
    client.force_login(customer)
    client.post(ticket.get_absolute_url(), {"body": f"Again: {CARD_RUN}."})
    ticket.refresh_from_db()
    assert CARD in ticket.description
    assert Message.objects.get().body == f"Again: {CARD_RUN}."


def test_staff_writing_on_a_customers_behalf_are_not_masked(agent):
    """The mask is for what customers send; staff's own words are theirs (an IMEI, say)."""
    ticket = open_ticket()
    message = workflow.post_message(ticket, author=agent, body=f"IMEI {CARD_RUN}", internal=True)
    assert message.body == f"IMEI {CARD_RUN}"


def test_a_text_without_a_card_costs_no_query(customer, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert masked("Order LT-1, call 0151 496 0123.") == "Order LT-1, call 0151 496 0123."
