"""axe-core finds no serious or critical accessibility problem on the help center's pages."""

import pytest

from helpcenter.demo import seed_help_center
from helpcenter.models import ArticleFeedback, ArticlePage

from .axe import violations

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
