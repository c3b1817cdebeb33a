"""customer2@example.com downloads their data from the account page (the ZIP holds their
ticket; the emailed link is the same), then closes their account (signing in again with their
password first); signing in afterwards fails; an agent then sees their ticket in the admin as
from "Former customer", the customer's words removed: at desktop and phone (320 px) widths."""

import json
import re
import zipfile

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_agent_journey import admin_sign_in
from tests.browser.test_ticket_journey import sign_in
from tests.factories import PASSWORD, AgentFactory, CustomerFactory, open_ticket
from tickets import workflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 320, "height": 740}}


def fits(page):
    """The page is accessible (axe) and does not scroll sideways at this width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], page.url
    assert violations(page) == [], page.url


CUSTOMERS_WORDS = "The limes came bruised again, please call me on my mobile."


@pytest.mark.parametrize("width", WIDTHS)
def test_a_customer_downloads_their_data_closes_their_account_and_is_a_former_customer(
    browser, live_server, page, screenshot, tmp_path, width
):
    page.set_viewport_size(WIDTHS[width])
    customer = CustomerFactory(email="customer2@example.com", name="Dana Whitfield")
    agent = AgentFactory(name="Alex Kim")
    ticket = open_ticket(customer, subject="Bruised limes in the Tuesday delivery")
    workflow.post_message(ticket, author=customer, body=CUSTOMERS_WORDS)
    workflow.post_message(ticket, author=agent, body="Sorry Dana, a new case is coming.")

    sign_in(page, customer)
    page.goto("/accounts/profile/")
    fits(page)
    download_my_data(page, tmp_path, ticket)
    screenshot(f"{width}-data-ready")
    page.get_by_role("link", name="Close my account").click()
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()

    expect(page.get_by_role("heading", name="Close your account")).to_be_visible()
    fits(page)
    screenshot(f"{width}-close-account")
    page.get_by_role("button", name="Close my account for good").click()
    expect(page.locator("#id_understood_error, .error-summary").first).to_be_visible()
    page.get_by_label(re.compile("I understand")).check()
    page.get_by_role("button", name="Close my account for good").click()
    expect(page.get_by_role("heading", name="Your account is closed")).to_be_visible()
    fits(page)
    screenshot(f"{width}-account-closed")

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("customer2@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("alert").first).to_be_visible()
    screenshot(f"{width}-sign-in-refused")

    page.context.clear_cookies()
    admin_sign_in(page, agent)
    page.goto(f"/admin/snippets/tickets/ticket/edit/{ticket.pk}/")
    expect(page.get_by_text("Former customer").first).to_be_visible()
    expect(page.get_by_text("[removed at the customer's request]").first).to_be_visible()
    expect(page.get_by_text(CUSTOMERS_WORDS)).to_have_count(0)
    expect(page.get_by_text("Dana Whitfield")).to_have_count(0)
    expect(page.get_by_text("customer2@example.com")).to_have_count(0)
    screenshot(f"{width}-agent-sees-former-customer")


def download_my_data(page, tmp_path, ticket):
    """Ask for a copy on the account page, download the ZIP, find the ticket in it."""
    section = page.get_by_role("region", name="Your data")
    section.get_by_role("button", name="Download my data").click()
    expect(page.get_by_text("We're preparing a copy of your data")).to_be_visible()
    link = page.get_by_role("region", name="Your data").get_by_role(
        "link", name="Download your data"
    )
    expect(link).to_be_visible()
    expect(page.get_by_role("button", name="Download my data")).to_have_count(0)
    fits(page)
    with page.expect_download() as download_info:
        link.click()
    saved = tmp_path / "data.zip"
    download_info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "customer2@example.com"
    assert [mine["number"] for mine in data["tickets"]] == [ticket.number]
    assert data["tickets"][0]["subject"] == ticket.subject
    [email] = [message for message in mail.outbox if "Your data" in message.subject]
    assert link.get_attribute("href") in email.body
