"""Customers read statuses in their words on every page, email and API answer they get; the bell
does not move when the team only moves a ticket along; amounts carry their currency."""

import re
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from tests.factories import AgentFactory, OrderFactory, open_ticket
from tickets import workflow
from tickets.choices import Status, customer_label, customer_status_choices, statuses_like

pytestmark = pytest.mark.django_db


def test_every_status_has_a_customer_label_and_filters_group_the_same_words():
    assert customer_label(Status.WAITING_ON_CUSTOMER) == "Awaiting your reply"
    assert customer_label("in_progress") == customer_label("open") == "We're on it"
    assert customer_label(Status.RESOLVED) == "Solved"
    labels = [str(label) for _value, label in customer_status_choices()]
    assert labels == ["We're on it", "Awaiting your reply", "Solved", "Closed"]
    assert statuses_like("open") == ["open", "in_progress"]


def test_customer_pages_use_the_customers_words(client, customer):
    ticket = open_ticket(customer, order=OrderFactory(customer=customer))
    workflow.change_status(ticket, by=AgentFactory(), status=Status.WAITING_ON_CUSTOMER)
    client.force_login(customer)

    for url in (ticket.get_absolute_url(), "/tickets/", "/orders/"):
        page = client.get(url).content.decode()
        assert "Awaiting your reply" in page, url
        assert "Waiting on customer" not in page, url


def test_the_ticket_filter_finds_both_statuses_a_customer_calls_we_are_on_it(client, customer):
    agent = AgentFactory()
    opened, started, waiting = (open_ticket(customer) for _ in range(3))
    workflow.change_status(started, by=agent, status=Status.IN_PROGRESS)
    workflow.change_status(waiting, by=agent, status=Status.WAITING_ON_CUSTOMER)
    client.force_login(customer)

    listed = client.get("/tickets/", {"status": "open"}).context["tickets"]

    assert {ticket.number for ticket in listed} == {opened.number, started.number}


def test_the_api_labels_the_status_for_who_reads_it(customer):
    ticket = open_ticket(customer)
    agent = AgentFactory()
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)

    def label(user):
        client = APIClient()
        client.force_authenticate(user)
        return client.get(f"/api/v1/tickets/{ticket.number}/").json()["status_label"]

    assert label(customer) == "Awaiting your reply"
    assert label(agent) == "Waiting on customer"


def test_the_bell_does_not_move_on_an_internal_status_change(
    client, customer, django_capture_on_commit_callbacks
):
    agent = AgentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(customer)
        workflow.post_message(ticket, author=agent, body="Looking into it.")
    client.force_login(customer)
    before = client.get("/tickets/").content.decode()
    assert '1<span class="visually-hidden"> unread</span>' in before

    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
        workflow.change_status(ticket, by=agent, status=Status.IN_PROGRESS)

    after = client.get("/tickets/").content.decode()
    assert '1<span class="visually-hidden"> unread</span>' in after


def test_order_totals_carry_the_currency(client, customer, settings):
    OrderFactory(customer=customer, total=Decimal("1234.50"))
    client.force_login(customer)

    assert "$1,234.50" in client.get("/orders/").content.decode()
    settings.CURRENCY = "CHF"
    assert "1,234.50 CHF" in client.get("/orders/").content.decode()


def test_a_ticket_page_shows_one_date_format(client, customer):
    ticket = open_ticket(customer, order=OrderFactory(customer=customer))
    workflow.post_message(ticket, author=AgentFactory(), body="On it.")
    workflow.change_status(ticket, by=AgentFactory(), status=Status.WAITING_ON_CUSTOMER)
    client.force_login(customer)

    response = client.get(ticket.get_absolute_url())

    shown = re.findall(r"<time datetime=\"[^\"]+\"[^>]*>([^<]+)</time>", response.content.decode())
    assert len(shown) >= 5
    shapes = {re.sub(r"\d+", "9", re.sub(r"[A-Z][a-z]+\.?", "Mon", text)) for text in shown}
    assert len(shapes) == 1, shown
