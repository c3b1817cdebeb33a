"""Help-center search through the API: the help center's own search, as the caller may see it."""

import pytest

from tests.helpcenter.factories import make_article, make_faq, make_topic, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    topic = make_topic(title="Deliveries")
    make_article(
        topic, title="Missing items", body=paragraphs("If crates of avocados are missing…")
    )
    make_article(
        topic,
        title="Members' avocado prices",
        restricted=True,
        body=paragraphs("Avocados at trade prices for signed-in customers."),
    )
    make_article(topic, title="Unrelated", body=paragraphs("Nothing about fruit here."))
    make_faq(
        items=[("Are avocados ripe on delivery?", "<p>Mostly, give them a day.</p>", None, True)]
    )


def _titles(response):
    assert response.status_code == 200, response.content
    return [hit["title"] for hit in response.json()["results"]]


def test_anyone_searches_published_articles_and_faq_answers(api, articles):
    response = api(None).get("/api/v1/articles/?q=avocados")

    assert sorted(_titles(response)) == ["Are avocados ripe on delivery?", "Missing items"]
    hit = next(h for h in response.json()["results"] if h["title"] == "Missing items")
    assert hit["kind"] == "article"
    assert hit["url"].startswith("http://testserver/")
    assert "<mark>avocados</mark>" in hit["snippet_html"]
    assert "avocados" in hit["snippet"] and "<mark>" not in hit["snippet"]
    assert response.json()["count"] == 2


def test_signed_in_customers_also_find_restricted_articles(api, customer, articles):
    assert "Members' avocado prices" in _titles(api(customer).get("/api/v1/articles/?q=avocados"))


def test_a_query_is_required(api, db):
    response = api(None).get("/api/v1/articles/")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["q"]


def test_search_syntax_is_just_text(api, articles):
    assert api(None).get('/api/v1/articles/?q="avocados AND NEAR(*').status_code == 200


def test_search_runs_a_fixed_number_of_queries(api, customer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    topic = make_topic(title="Deliveries")

    def queries():
        client = api(User.objects.get(pk=customer.pk))
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/articles/?q=avocados").status_code == 200
        return len(captured)

    make_article(topic, body=paragraphs("Avocados, once."))
    make_faq(items=[("Avocados?", "<p>Avocados.</p>", None, True)])
    queries()  # Wagtail caches the sites' root paths on first use
    few = queries()
    for n in range(6):
        make_article(topic, body=paragraphs(f"Avocados, {n} times."))

    assert queries() == few
