"""An agent runs a morning on the workbench: a phone caller's ticket, a corrected and tagged
ticket answered with a macro, a duplicate merged into it, a saved view; the customer sees the
outcome, and the timeline has every step."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    OrderFactory,
    open_ticket,
)
from tickets.choices import Status
from tickets.models import CannedResponse, Tag, Ticket

from .test_agent_journey import admin_sign_in
from .test_ticket_journey import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def morning():
    agent = AgentFactory(email="agent@example.com", name="Alex Kim")
    maria = CustomerFactory(name="Maria Lopez", email="maria@example.com")
    billing = CategoryFactory(name="Billing")
    CategoryFactory(name="Delivery")
    first_order = OrderFactory(customer=maria, number="ORD-1001")
    right_order = OrderFactory(customer=maria, number="ORD-1002")
    limes = open_ticket(
        maria, subject="Limes missing from my delivery", category=billing, order=first_order
    )
    duplicate = open_ticket(
        maria,
        subject="Limes still missing",
        description="I wrote yesterday about the limes: the whole case is missing.",
    )
    Tag.objects.create(name="Refund", colour="green")
    photos_needed = Tag.objects.create(name="Photos needed", colour="amber")
    macro = CannedResponse.objects.create(
        title="Ask for photos",
        body="Hi {customer_name}, could you send us a photo of the delivery note?",
        set_status=Status.WAITING_ON_CUSTOMER,
    )
    macro.add_tags.add(photos_needed)
    return {
        "agent": agent,
        "maria": maria,
        "limes": limes,
        "duplicate": duplicate,
        "right_order": right_order,
    }


def ticket_url(ticket):
    return f"/admin/snippets/tickets/ticket/edit/{ticket.pk}/"


def test_agent_works_a_morning_and_the_customer_sees_the_outcome(
    page, browser, live_server, screenshot, morning
):
    limes, duplicate = morning["limes"], morning["duplicate"]
    admin_sign_in(page, morning["agent"])

    # A phone caller, new to us, gets a ticket.
    page.goto("/admin/snippets/tickets/ticket/")
    page.get_by_role("link", name="New ticket").first.click()
    page.get_by_label("Or a new customer's email").fill("sam.caller@example.com")
    page.get_by_label("New customer's name").fill("Sam Caller")
    page.get_by_label("Phone").check()
    page.get_by_label("Subject").fill("Wants to change his delivery day")
    page.get_by_label("First message").fill("Sam called: he would like Thursday deliveries.")
    screenshot("new-ticket-for-a-caller")
    page.get_by_role("button", name="Open the ticket").click()
    expect(
        page.get_by_role("heading", name=re.compile("Wants to change his delivery day"))
    ).to_be_visible()
    phoned = Ticket.objects.get(subject="Wants to change his delivery day")
    assert (phoned.customer.email, phoned.source) == ("sam.caller@example.com", "phone")

    # The limes ticket was filed under Billing with the wrong order: correct both, then tag it.
    page.goto(ticket_url(limes))
    page.get_by_role("button", name="Assign to me").click()
    page.get_by_text("Correct details").click()
    page.get_by_label("Category").select_option(label="Delivery")
    page.get_by_label("Order", exact=True).select_option(str(morning["right_order"].pk))
    page.get_by_label("Reason for the correction").fill("The customer meant Tuesday's order")
    page.get_by_role("button", name="Save corrections").click()
    expect(page.get_by_text("Ticket corrected.")).to_be_visible()
    tags = page.locator("section", has=page.get_by_role("heading", name="Tags", exact=True))
    tags.get_by_label("Refund").check()
    tags.get_by_role("button", name="Save tags").click()
    expect(page.get_by_text("Tags changed.")).to_be_visible()

    # A macro answers and sets the ticket waiting on the customer, with a tag.
    page.get_by_label("Canned response or macro").select_option(label="Ask for photos")
    reply = page.get_by_role("textbox", name=re.compile("^Message"))
    expect(reply).to_have_value(re.compile("Hi Maria Lopez, could you send us a photo"))
    expect(page.locator("#macro-actions")).to_contain_text("Photos needed")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text(re.compile("Macro “Ask for photos” applied"))).to_be_visible()
    limes.refresh_from_db()
    assert limes.status == Status.WAITING_ON_CUSTOMER
    assert sorted(limes.tags.values_list("name", flat=True)) == ["Photos needed", "Refund"]
    screenshot("corrected-tagged-and-answered")

    # The duplicate goes into it.
    page.goto(ticket_url(duplicate))
    merging = page.locator("section", has=page.get_by_role("heading", name="Merge into…"))
    merging.get_by_text("Merge into…").click()
    merging.get_by_label("Merge into ticket number").fill(limes.number)
    merging.get_by_label("Reason").fill("Same missing limes")
    merging.get_by_role("button", name="Merge", exact=True).click()
    expect(page.get_by_text(f"Merged into {limes.number}.")).to_be_visible()
    expect(page.get_by_text("the whole case is missing")).to_be_visible()

    # The queue, filtered to what waits on the customer and is mine, saved as a view.
    page.goto("/admin/snippets/tickets/ticket/?view=mine&status=waiting_on_customer")
    page.get_by_label("Save these filters as").fill("My waiting tickets")
    page.get_by_role("button", name="Save view").click()
    page.goto("/admin/")
    page.get_by_role("button", name=re.compile("Ticket views")).click()
    menu = page.get_by_role("list", name="Ticket views")
    menu.get_by_role("link", name=re.compile("My waiting tickets")).click()
    expect(page.get_by_role("link", name=limes.number)).to_be_visible()
    expect(page.get_by_role("link", name=phoned.number)).to_have_count(0)
    screenshot("saved-view")

    # Every step is in the ticket's stream of messages and changes.
    page.goto(ticket_url(limes))
    timeline = page.locator("#activity")
    for step in (
        "The customer meant Tuesday's order",
        "Refund",
        "macro: Ask for photos",
        "Same missing limes",
    ):
        expect(timeline).to_contain_text(step)
    screenshot("timeline")

    # Maria sees one reply and her duplicate's words in place.
    customer_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in(customer_page, morning["maria"])
    customer_page.goto(limes.get_absolute_url())
    expect(
        customer_page.get_by_text("could you send us a photo of the delivery note")
    ).to_have_count(1)
    expect(customer_page.get_by_text("the whole case is missing")).to_be_visible()
    customer_page.goto(duplicate.get_absolute_url())
    expect(customer_page).to_have_url(re.compile(re.escape(limes.get_absolute_url())))
    screenshot("customer-sees-the-outcome", of=customer_page)
