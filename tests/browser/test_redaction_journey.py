"""An agent redacts a password a customer pasted into a reply, and removes the photo of a card
the customer attached: a wrong passage first shows a field error, the form confirms before it
acts; the customer's page then shows neither, at desktop and phone widths."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.browser.test_agent_journey import admin_sign_in
from tests.browser.test_ticket_journey import sign_in
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import workflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
PASSWORD = "Lime-Tree-42!"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_agent_redacts_a_reply_and_the_customer_no_longer_sees_it(
    page, browser, live_server, screenshot, width
):
    page.set_viewport_size(WIDTHS[width])
    customer = CustomerFactory(name="Maria Lopez")
    agent = AgentFactory(name="Alex Kim")
    ticket = open_ticket(customer, subject="Cannot sign in to the shop")
    reply = workflow.post_message(
        ticket,
        author=customer,
        body=f"My password is {PASSWORD} and it still fails.",
        attachments=[SimpleUploadedFile("card-photo.txt", b"the front of my card")],
    )

    admin_sign_in(page, agent)
    page.goto(f"/admin/snippets/tickets/ticket/edit/{ticket.pk}/")
    message = page.locator(f"#message-{reply.pk}")
    expect(message).to_contain_text(PASSWORD)
    message.get_by_role("link", name=re.compile("^Redact")).click()

    page.get_by_label("Words to redact").fill("not what she wrote")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_passage-error, .error-message").first).to_contain_text(
        "These words are not in the message"
    )
    expect(page.get_by_label("Words to redact")).to_have_value("not what she wrote")
    screenshot(f"{width}-passage-error")

    page.get_by_label("Words to redact").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Redact these words?")).to_be_visible()
    screenshot(f"{width}-confirm")
    page.get_by_role("button", name="Redact", exact=True).click()

    message = page.locator(f"#message-{reply.pk}")
    expect(message).to_contain_text("My password is [redacted] and it still fails.")
    expect(page.locator("#activity")).to_contain_text("Passage redacted")
    message.get_by_role("link", name=re.compile("^Remove file")).click()
    page.get_by_role("button", name="Remove file").click()
    expect(page.locator(f"#message-{reply.pk}")).to_contain_text("file removed by the support team")
    screenshot(f"{width}-agent-after")

    customer_context = browser.new_context(base_url=live_server.url, viewport=WIDTHS[width])
    customer_page = customer_context.new_page()
    sign_in(customer_page, customer)
    customer_page.goto(ticket.get_absolute_url())
    thread = customer_page.locator(f"#message-{reply.pk}")
    expect(thread).to_contain_text("My password is [redacted] and it still fails.")
    expect(customer_page.locator("body")).not_to_contain_text(PASSWORD)
    expect(thread).to_contain_text("file removed by the support team")
    expect(thread.get_by_role("link", name="card-photo.txt")).to_have_count(0)
    screenshot(f"{width}-customer-after", of=customer_page)
    customer_context.close()
