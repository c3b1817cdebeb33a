"""Help-center pages run a fixed number of SQL queries, however large the page tree grows."""

import pytest
from django.core.cache import cache
from django.test import Client

from helpcenter.models import ArticleFeedback, DailySearchCount
from tests.utils import count_queries
from tickets import workflow

from .factories import make_article, make_faq, make_topic, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """A small help center; returns the URL of each kind of page."""
    topic = make_topic(title="Deliveries")
    make_topic(topic, title="Late drivers")
    article = make_article(
        topic, title="Limes", body=paragraphs("Crates of limes."), tags=["limes"]
    )
    make_article(topic, title="Lemons", body=paragraphs("Crates of lemons and limes."))
    faq = make_faq(items=[("Limes?", "<p>Always limes.</p>", "Produce", True)])
    return {
        "home": "/",
        "topic": topic.url,
        "article": article.url,
        "faq": faq.url,
        "search": "/search/?q=limes",
        "search without results": "/search/?q=pallets",
        "tag": "/search/?tag=limes",
    }


def grow_the_help_center():
    """More of everything a page might list or count: topics, articles, FAQ, votes, searches."""
    for n in range(2):
        topic = make_topic(title=f"Grown topic {n}")
        sub_topic = make_topic(topic, title=f"Grown sub-topic {n}")
        for m in range(2):
            article = make_article(
                topic, title=f"Grown limes {n}.{m}", body=paragraphs("More limes."), tags=["limes"]
            )
            ArticleFeedback.objects.create(page=article, visitor="someone", helpful=bool(m))
            workflow.record_deflection(session_key=f"s{n}{m}", page=article, query="limes")
        make_article(sub_topic, title=f"Grown draft {n}", live=False)
        make_article(
            topic, title=f"Grown restricted {n}", body=paragraphs("limes"), restricted=True
        )
    make_faq(items=[(f"Limes {n}?", "<p>Limes.</p>", f"Group {n}", True) for n in range(5)])
    DailySearchCount.record("limes", 3)


def cold_and_warm_counts(client, url):
    """Queries with every cached fragment cold, then with them filled."""
    cache.clear()
    count_queries(client, url)  # per-process lookups (content types, search backend checks)
    cache.clear()
    cold = count_queries(client, url)
    return cold, count_queries(client, url)


@pytest.mark.parametrize(
    "name", ["home", "topic", "article", "faq", "search", "search without results", "tag"]
)
def test_page_query_count_stays_flat_as_the_tree_grows(site, customer, name):
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(customer)
    before = [cold_and_warm_counts(client, site[name]) for client in (anonymous, signed_in)]

    grow_the_help_center()

    assert [cold_and_warm_counts(client, site[name]) for client in (anonymous, signed_in)] == before


def test_cached_fragments_save_queries_on_the_home_page(client, site):
    cold, warm = cold_and_warm_counts(client, site["home"])

    assert warm < cold
