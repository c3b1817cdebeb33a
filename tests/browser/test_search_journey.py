"""Forgiving search and instant answers in the browser, on a desktop and a 375 px phone:
suggestions under the contact form's subject within 500 ms that open without losing the draft,
"refnd" leading to refund articles, and search as you type driven from the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from helpcenter.demo import seed_help_center
from helpcenter.models import ArticlePage
from tickets.models import Deflection, Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
REFUNDS = "Refunds and credits: how long they take"


@pytest.fixture
def help_center():
    seed_help_center()
    return ArticlePage.objects.get(slug="refunds-and-credits")


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request, page):
    page.set_viewport_size(VIEWPORTS[request.param])
    return request.param


def test_a_suggestion_appears_under_the_subject_and_opens_without_losing_the_draft(
    page, viewport, screenshot, help_center
):
    page.goto("/contact/")
    page.get_by_label("Subject").fill("My refund never arrived")

    box = page.locator("#suggestions")
    first = box.get_by_role("button", name=re.compile(r"^Refunds and credits")).first
    expect(first).to_be_visible(timeout=500)
    assert page.evaluate(
        "document.querySelector('[name=subject]').closest('.field').nextElementSibling.id"
    ) == ("suggestions")
    expect(box.locator(".suggestion").first).to_contain_text(REFUNDS)
    expect(box.locator(".suggestion__snippet mark").first).to_be_visible()
    page.get_by_label("Description").fill("It was for order LT-10421, a week ago.")
    screenshot(f"suggestions-{viewport}")

    with page.expect_popup() as popup:
        first.click()
    expect(popup.value.get_by_role("heading", level=1)).to_have_text(REFUNDS)
    popup.value.close()
    expect(page.get_by_label("Subject")).to_have_value("My refund never arrived")
    expect(page.get_by_label("Description")).to_have_value("It was for order LT-10421, a week ago.")

    box.get_by_role("button", name="This answered my question").first.click()
    expect(page).to_have_url(re.compile(rf"{help_center.url}$"))
    expect(page.get_by_text("Glad that helped")).to_be_visible()
    assert Deflection.objects.filter(page=help_center, ticket=None).count() == 1
    assert not Ticket.objects.exists()


def test_a_misspelt_search_leads_to_refund_articles(page, viewport, help_center):
    page.goto("/search/")
    page.get_by_role("combobox", name="Search the help center").fill("refnd")
    page.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=refnd$"))
    expect(page.get_by_role("link", name=REFUNDS)).to_be_visible()
    page.get_by_role("link", name="refund", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("results for “refund”")
    expect(page.locator(".search-result__title").first).to_have_text(REFUNDS)


def test_search_as_you_type_works_from_the_keyboard(page, viewport, screenshot, help_center):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the help center")
    box.press_sequentially("refnd", delay=30)

    listbox = page.get_by_role("listbox", name="Suggested answers")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_contain_text("Did you mean: refund")
    expect(listbox.get_by_role("option", name=re.compile("^Refunds and credits"))).to_be_visible()
    screenshot(f"as-you-type-{viewport}")

    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    expect(page.locator(f"#{active}")).to_contain_text("Refunds and credits")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"{help_center.url}$"))
