"""axe-core finds no serious or critical accessibility problem on the help center's pages."""

import pytest

from helpcenter.demo import seed_help_center
from helpcenter.models import ArticleFeedback, ArticlePage

from .axe import violations
from .test_ticket_journey import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def help_center():
    seed_help_center()


def test_help_center_pages_have_no_serious_accessibility_violation(page, help_center):
    article = ArticlePage.objects.get(slug="refunds-and-credits")
    pages = {
        "home": "/",
        "search results": "/search/?q=refund",
        "search without results": "/search/?q=pallet+return",
        "search with an error": "/search/?q=" + "x" * 201,
        "topic": article.get_parent().url,
        "article": article.url,
        "faq": "/faq/",
    }
    found = {}
    for name, url in pages.items():
        page.goto(url)
        found[name] = violations(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    found["faq, answers open"] = violations(page)

    assert found == {name: [] for name in found}


def test_article_feedback_stages_have_no_serious_accessibility_violation(page, help_center):
    page.goto(ArticlePage.objects.get(slug="refunds-and-credits").url)
    feedback = page.locator("#feedback")
    feedback.get_by_role("button", name="No").click()
    asking_for_a_comment = violations(page)
    feedback.get_by_role("button", name="Send comment").click()
    feedback.get_by_role("status").wait_for()

    assert (asking_for_a_comment, violations(page)) == ([], [])
    assert ArticleFeedback.objects.filter(visitor__startswith="session:", helpful=False).exists()


def test_the_contact_page_has_no_serious_accessibility_violation_in_any_state(
    page, help_center, customer
):
    sign_in(page, customer)  # a visitor's request waits for sign-in; a customer's shows its errors
    page.goto("/contact/")
    states = {"empty": violations(page)}
    page.get_by_label("Subject").fill("My refund never arrived")
    page.locator("#suggestions .suggestion").first.wait_for()
    states["instant answers"] = violations(page)
    page.get_by_label("Subject").fill("No")
    page.get_by_role("button", name="Send to support").click()
    page.locator(".error-summary, [role=alert]").first.wait_for()
    states["errors"] = violations(page)

    assert states == {name: [] for name in states}
