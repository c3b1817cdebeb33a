"""An agent works an urgent ticket in the admin; an admin approves a new agent."""

import re

import pytest
from playwright.sync_api import expect

from accounts import applications
from tests.factories import (
    PASSWORD,
    AgentFactory,
    CustomerFactory,
    SupportAdminFactory,
    open_ticket,
)
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import CannedResponse, Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def admin_sign_in(page, user):
    """The admin's login link leads to the site's login form (one throttle and lock), then back."""
    page.goto("/admin/login/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/$"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def shortcuts_ready(page):
    """Wait until Wagtail's Stimulus app has connected the page's w-kbd shortcuts.

    A heading is visible before the deferred admin scripts run; a key pressed then is lost.
    """
    page.wait_for_function(
        """() => {
            const app = window.wagtail && window.wagtail.app;
            const keys = document.querySelectorAll('[data-controller~="w-kbd"]');
            return app && keys.length && [...keys].every(
                (el) => app.getControllerForElementAndIdentifier(el, "w-kbd"));
        }"""
    )


def test_agent_triages_notes_replies_and_waits_on_the_customer(
    browser, live_server, screenshot, page, settings
):
    settings.TICKET_POLL_SECONDS = 1
    agent = AgentFactory(name="Alex Kim")
    customer = CustomerFactory(name="Maria Lopez")
    urgent = open_ticket(
        customer,
        subject="Freezer delivery arrived warm",
        priority=Priority.URGENT,
        priority_justification="Food safety",
    )
    open_ticket(customer, subject="Question about invoices", priority=Priority.LOW)
    CannedResponse.objects.create(
        title="Need photos",
        body="Hi {customer_name}, could you send photos of the labels for {ticket_number}?",
    )

    admin_sign_in(page, agent)
    page.get_by_role("button", name="Support").click()
    page.get_by_role("link", name=re.compile(r"Ticket queue")).click()
    page.get_by_role("link", name="Unassigned").click()
    expect(page.get_by_role("link", name=urgent.number)).to_be_visible()
    page.goto(page.url + "&priority=urgent")
    expect(page.get_by_text("Question about invoices")).to_have_count(0)
    screenshot("queue-unassigned-urgent")
    # j focuses the first ticket of the list, Enter opens it; a assigns it.
    page.keyboard.press("j")
    expect(page.get_by_role("link", name=urgent.number)).to_be_focused()
    page.keyboard.press("Enter")

    expect(
        page.get_by_role("heading", name=re.compile("Freezer delivery arrived warm"))
    ).to_be_visible()
    shortcuts_ready(page)
    page.keyboard.press("a")
    expect(page.get_by_text("The ticket is yours.")).to_be_visible()

    page.get_by_label("Internal note").check()
    page.get_by_label("Message").fill("Driver says the reefer unit failed on route 14.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Internal note added.")).to_be_visible()

    page.get_by_label("Public reply").check()
    page.get_by_label("Canned response").select_option(label="Need photos")
    expect(page.get_by_label("Message")).to_have_value(
        f"Hi Maria Lopez, could you send photos of the labels for {urgent.number}?"
    )
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Reply sent to the customer.")).to_be_visible()

    page.get_by_label("Status").select_option(label="Waiting on customer")
    page.locator("form:has(select[name=status])").get_by_label("Reason").fill("Asked for photos")
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("Status changed.")).to_be_visible()

    stream = page.locator("#activity")
    expect(stream).to_contain_text("Asked for photos")
    expect(stream).to_contain_text("In progress → Waiting on customer")
    expect(stream).to_contain_text("Assigned to Alex Kim")
    screenshot("ticket-worked")

    urgent.refresh_from_db()
    assert (urgent.status, urgent.assignee) == (Status.WAITING_ON_CUSTOMER, agent)

    # The customer answers while the page is open: it appears, announced, without a reload, and
    # what the agent is typing stays.
    shortcuts_ready(page)
    page.keyboard.press("n")
    expect(page.get_by_label("Internal note")).to_be_checked()
    expect(page.get_by_label("Message")).to_be_focused()
    page.keyboard.type("Photos look fine")
    workflow.post_message(urgent, author=customer, body="Here are the label photos.")
    expect(stream).to_contain_text("Here are the label photos.")
    expect(page.locator("#ticket-news")).to_contain_text("1 new message")
    expect(page.locator("#ticket-summary")).to_contain_text("In progress")
    expect(page.get_by_label("Status")).to_have_value("in_progress")
    expect(page.get_by_label("Message")).to_have_value("Photos look fine")
    screenshot("live-update")

    page.get_by_role("group", name="Send and set to:").get_by_role(
        "button", name="Resolved"
    ).click()
    expect(page.get_by_text("Internal note added. The ticket is now resolved.")).to_be_visible()
    expect(stream).to_contain_text("In progress → Resolved")
    urgent.refresh_from_db()
    assert urgent.status == Status.RESOLVED

    shortcuts_ready(page)
    page.keyboard.press("?")
    dialog = page.locator("#keyboard-shortcuts-dialog")
    expect(dialog).to_contain_text("Next ticket")
    expect(dialog).to_contain_text("Write an internal note")
    screenshot("shortcuts")
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(500)  # Wagtail's sidebar slides to its narrow-screen place
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot("ticket-320px")
    page.keyboard.press("j")
    expect(page.get_by_role("heading", name=re.compile("Question about invoices"))).to_be_visible()

    customer_view = browser.new_context(base_url=live_server.url).new_page()
    customer_view.goto("/accounts/login/")
    customer_view.get_by_label("Email").fill(customer.email)
    customer_view.get_by_label("Password").fill(PASSWORD)
    customer_view.get_by_role("button", name=re.compile("sign in", re.I)).click()
    customer_view.goto(urgent.get_absolute_url())
    expect(customer_view.get_by_text("could you send photos of the labels")).to_be_visible()
    expect(customer_view.get_by_text("reefer unit failed")).to_have_count(0)
    screenshot("customer-sees-reply", of=customer_view)


def test_admin_approves_an_applicant_who_then_reaches_the_queue(page, screenshot):
    admin = SupportAdminFactory(name="Riley Admin")
    applicant = CustomerFactory(name="Casey Morgan")
    applications.apply(
        user=applicant, name="Casey Morgan", phone="+1 630 555 0110", motivation="I love helping."
    )
    open_ticket(subject="A ticket for the new agent")

    admin_sign_in(page, admin)
    page.goto("/admin/agent_applications/")
    page.get_by_role("link", name="Casey Morgan").click()
    screenshot("application")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Casey Morgan is now a support agent.")).to_be_visible()

    page.context.clear_cookies()
    admin_sign_in(page, applicant)
    page.goto("/admin/snippets/tickets/ticket/")
    expect(page.get_by_text("A ticket for the new agent")).to_be_visible()
    screenshot("new-agent-queue")
    assert Ticket.objects.count() == 1
