"""A customer asks for their data on their account page, sees it offered, downloads the ZIP
and finds their ticket in its data.json; the emailed link is the same; a second copy the same
day is not offered. At desktop and phone widths."""

import json
import zipfile

import pytest
from django.core import mail
from playwright.sync_api import expect

from privacy.models import DataExport
from tests.browser.test_ticket_journey import sign_in
from tests.factories import CustomerFactory
from tickets import workflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.mark.parametrize("width", WIDTHS)
def test_a_customer_downloads_their_data_from_the_account_page(page, screenshot, tmp_path, width):
    page.set_viewport_size(WIDTHS[width])
    customer = CustomerFactory(email="customer2@example.com", name="Sam Rivera")
    ticket = workflow.open_ticket(
        customer=customer,
        subject="Oranges arrived bruised",
        description="Half of the oranges in this morning's crate were bruised.",
        check_rate=False,
    )
    sign_in(page, customer)
    page.goto("/accounts/profile/")
    section = page.get_by_role("region", name="Your data")
    expect(section).to_be_visible()
    screenshot(f"{width}-before")

    section.get_by_role("button", name="Download my data").click()

    expect(page.get_by_text("We're preparing a copy of your data")).to_be_visible()
    link = page.get_by_role("region", name="Your data").get_by_role(
        "link", name="Download your data"
    )
    expect(link).to_be_visible()
    expect(page.get_by_role("button", name="Download my data")).to_have_count(0)
    expect(page.get_by_text("You can ask for a new copy once a day")).to_be_visible()
    screenshot(f"{width}-ready")

    with page.expect_download() as download_info:
        link.click()
    saved = tmp_path / "data.zip"
    download_info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "customer2@example.com"
    assert [t["number"] for t in data["tickets"]] == [ticket.number]
    assert data["tickets"][0]["subject"] == "Oranges arrived bruised"

    [email] = [message for message in mail.outbox if "Your data" in message.subject]
    assert email.to == ["customer2@example.com"]
    assert link.get_attribute("href") in email.body
    assert DataExport.objects.get().ready_at is not None
