"""A new visitor searches, reads an article, says it did not help, and finds how to get support."""

import re

import pytest
from playwright.sync_api import expect

from helpcenter.demo import seed_help_center
from helpcenter.models import ArticleFeedback, ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def help_center():
    seed_help_center()


def test_visitor_searches_reads_votes_no_with_a_comment_and_finds_the_contact_link(
    page, screenshot, help_center
):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Help Center")
    expect(page.get_by_role("heading", name="Browse by topic")).to_be_visible()
    screenshot("home-desktop")

    page.get_by_role("combobox", name="Search the help center").fill("refund")
    page.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=refund$"))
    expect(page.get_by_role("status")).to_contain_text("results for “refund”")
    result = page.get_by_role("link", name="Refunds and credits: how long they take")
    expect(result.locator("mark")).to_have_text("Refunds")
    screenshot("search-desktop")
    result.click()

    article = ArticlePage.objects.get(slug="refunds-and-credits")
    expect(page).to_have_url(re.compile(rf"{article.url}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    screenshot("article-desktop")

    feedback = page.locator("#feedback")
    feedback.get_by_role("button", name="No").click()
    expect(feedback.get_by_role("heading")).to_have_text("Thanks for your feedback")
    feedback.get_by_label("What was missing or unclear?").fill(
        "Nothing about refunds to a closed card."
    )
    feedback.get_by_role("button", name="Send comment").click()
    expect(feedback.get_by_role("status")).to_contain_text("Your comment went to the people")
    vote = ArticleFeedback.objects.get(page=article, visitor__startswith="session:")
    assert (vote.helpful, vote.comment) == (False, "Nothing about refunds to a closed card.")
    screenshot("article-after-feedback")

    help_box = page.get_by_role("region", name="Still need help?")
    help_box.get_by_role("link", name="Contact support").click()

    expect(page).to_have_url(re.compile(rf"/contact/\?category={article.ticket_category_id}$"))
    expect(page.get_by_label("Category")).to_have_value(str(article.ticket_category_id))


def test_home_search_and_article_fit_a_phone(page, screenshot, help_center):
    page.set_viewport_size(PHONE)
    article = ArticlePage.objects.get(slug="refunds-and-credits")

    for label, url in [("home", "/"), ("search", "/search/?q=refund"), ("article", article.url)]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{label} scrolls sideways ({width}px)"
        screenshot(f"{label}-phone")


def test_a_link_to_one_faq_answer_opens_it(page, help_center):
    page.goto("/faq/")
    question = page.get_by_text("How long does a refund take?")
    answer = page.get_by_text("3 to 5 business days to a card")
    expect(answer).to_be_hidden()

    question.click()
    expect(answer).to_be_visible()

    item_id = page.locator("details", has=question).get_attribute("id")
    page.goto(f"/faq/#{item_id}")
    page.reload()
    expect(answer).to_be_visible()
