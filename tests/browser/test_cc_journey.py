"""A customer copies a colleague on a ticket from its page (a bad address first shows a field
error), the agent's public reply is emailed to the colleague, whose email answer to that
notification lands on the ticket as their own reply: at desktop and phone widths."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from notifications.models import EmailDelivery
from tests.browser.test_ticket_journey import sign_in
from tests.factories import AgentFactory, CustomerFactory
from tests.tickets.intake_helpers import by_webhook, mail_settings
from tickets import workflow
from tickets.models import Message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.mark.parametrize("width", WIDTHS)
def test_a_cc_added_on_the_ticket_page_gets_the_reply_and_answers_by_email(
    page, screenshot, settings, width
):
    mail_settings(settings)
    page.set_viewport_size(WIDTHS[width])
    customer = CustomerFactory(name="Maria Lopez")
    agent = AgentFactory(name="Alex Kim")
    ticket = workflow.open_ticket(
        customer=customer,
        subject="Avocados missing from delivery",
        description="The case of avocados was not in this morning's drop.",
        check_rate=False,
    )
    sign_in(page, customer)
    page.goto(ticket.get_absolute_url())

    cc_box = page.get_by_label("Add people to keep informed")
    cc_box.fill("chef at lopez")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#id_cc_error")).to_contain_text("is not an email address")
    expect(page.get_by_label("Add people to keep informed")).to_have_value("chef at lopez")
    screenshot(f"{width}-cc-error")

    page.get_by_label("Add people to keep informed").fill("chef@lopeztaqueria.example")
    page.get_by_role("button", name="Add", exact=True).click()
    ccs = page.get_by_role("region", name="Kept informed (CC)")
    expect(ccs.locator("bdi", has_text="chef@lopeztaqueria.example")).to_be_visible()
    expect(ccs.get_by_role("button", name="Remove chef@lopeztaqueria.example")).to_be_visible()
    screenshot(f"{width}-cc-added")

    mail.outbox.clear()
    workflow.post_message(ticket, author=agent, body="A replacement case is on its way.")
    (to_chef,) = [message for message in mail.outbox if "chef@lopeztaqueria.example" in message.to]
    assert "A replacement case is on its way." in to_chef.body
    delivery = EmailDelivery.objects.get(to="chef@lopeztaqueria.example")

    answer = (
        "From: Chef Lopez <chef@lopeztaqueria.example>\n"
        f"To: Help Center <{delivery.reply_to}>\n"
        f"Subject: Re: {to_chef.subject}\n"
        f"In-Reply-To: {delivery.message_id}\n"
        f"Message-ID: <chef-{width}@lopeztaqueria.example>\n\n"
        "Thanks! Please leave it at the back door.\n"
    ).encode()
    assert by_webhook(Client(), answer).status_code == 200

    reply = Message.objects.get(ticket=ticket, body="Thanks! Please leave it at the back door.")
    assert reply.author.email == "chef@lopeztaqueria.example"
    page.reload()
    expect(page.get_by_text("Thanks! Please leave it at the back door.")).to_be_visible()
    expect(page.get_by_text(re.compile("Chef Lopez")).first).to_be_visible()
    screenshot(f"{width}-cc-answered")
