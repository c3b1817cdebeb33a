"""/search/: published articles and FAQ answers the visitor may read, title matches first."""

import re

import pytest
from django.db import connection

from helpcenter.search import suggest_articles

from .factories import make_article, make_faq, make_topic, paragraphs

pytestmark = pytest.mark.django_db


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a></h2>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles], html


def test_search_finds_articles_by_words_in_their_body(client, topic):
    make_article(
        topic, title="Checking in a delivery", body=paragraphs("Count every crate of avocados.")
    )
    make_article(topic, title="Unrelated", body=paragraphs("Nothing about fruit here."))

    titles, _ = results(client, "avocados")

    assert titles == ["Checking in a delivery"]


def test_title_match_ranks_first(client, topic):
    for n in range(3):
        make_article(
            topic,
            title=f"Invoices {n}",
            body=paragraphs("Refund refund refund: a refund is a refund, every refund counts."),
        )
    make_article(topic, title="Refunds and credits", body=paragraphs("Money back to your card."))

    titles, _ = results(client, "refund")

    assert len(titles) == 4
    assert titles[0] == "Refunds and credits"


def test_search_finds_faq_answers_and_links_to_the_question(client):
    faq = make_faq(
        items=[
            ("When is my card charged?", "<p>On delivery, for what arrived.</p>", "Payments", True)
        ]
    )
    item = faq.faq_items.get()

    titles, html = results(client, "arrived")

    assert titles == ["When is my card charged?"]
    assert f'href="{faq.url}#faq-{item.pk}"' in html
    assert "Quick answer" in html


def test_inactive_faq_answers_and_unpublished_faq_pages_are_not_found(client):
    make_faq(items=[("Can I order by phone?", "<p>Not any more.</p>", None, False)])
    hidden = make_faq(items=[("Do you sell ice?", "<p>Yes, bagged ice.</p>", None, True)])
    hidden.unpublish()

    assert results(client, "phone")[0] == []
    assert results(client, "ice")[0] == []


def test_results_highlight_the_search_words(client, topic):
    make_article(
        topic, title="Refunds and credits", body=paragraphs("Card refunds take 3 to 5 days.")
    )

    _, html = results(client, "refund")

    assert "<mark>Refunds</mark> and credits" in html
    assert "Card <mark>refunds</mark> take 3 to 5 days." in html


def test_snippets_are_cut_around_the_first_match(client, topic):
    filler = " ".join(["Filler words about nothing in particular."] * 30)
    make_article(
        topic,
        title="Long",
        summary="Summary.",
        body=paragraphs(f"{filler} The avocado clause. {filler}"),
    )

    _, html = results(client, "avocado")

    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "The <mark>avocado</mark> clause." in snippet
    assert len(re.sub(r"<[^>]+>", "", snippet)) < 260


def test_highlighting_escapes_what_editors_and_visitors_typed(client, topic):
    make_article(
        topic, title="<b>Refund</b> & <i>credit</i>", body=paragraphs("A refund &lt;script&gt;")
    )

    _, html = results(client, "refund <script>")

    assert "<b>" not in html.split('class="search-results"')[1]
    assert "&lt;b&gt;<mark>Refund</mark>&lt;/b&gt; &amp; &lt;i&gt;credit&lt;/i&gt;" in html
    assert 'value="refund &lt;script&gt;"' in html


def test_results_are_paginated(client, topic):
    for n in range(23):
        make_article(topic, title=f"Crate {n:02}", body=paragraphs("Crates of limes."))

    first, html = results(client, "limes")
    third, _ = results(client, "limes", page="3")

    assert len(first) == 10 and len(third) == 3
    assert "23 results for “limes”" in html
    assert 'href="?q=limes&amp;page=2"' in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1e9", ""])
def test_any_page_number_shows_a_page_of_results(client, topic, page):
    make_article(topic, title="Limes", body=paragraphs("Crates of limes."))

    titles, _ = results(client, "limes", page=page)

    assert titles == ["Limes"]


def test_no_results_page_offers_the_contact_form_with_the_query(client, topic):
    titles, html = results(client, "pallet return")

    assert titles == []
    assert "No results for “pallet return”" in html
    assert 'href="/contact/?subject=pallet+return"' in html
    assert "Browse by topic" in html and "Deliveries" in html


def test_any_of_the_words_is_enough_when_all_of_them_find_nothing(client, topic):
    make_article(topic, title="Refunds", body=paragraphs("Money back."))

    titles, _ = results(client, "refunds unicorn")

    assert titles == ["Refunds"]


def test_drafts_and_restricted_articles_are_not_found_by_anonymous_visitors(client, topic):
    make_article(topic, title="Draft about limes", body=paragraphs("limes"), live=False)
    make_article(topic, title="Account terms for limes", body=paragraphs("limes"), restricted=True)
    make_article(topic, title="Public limes", body=paragraphs("limes"))

    titles, _ = results(client, "limes")

    assert titles == ["Public limes"]


def test_signed_in_customers_find_restricted_articles(client, customer, topic):
    make_article(
        topic, title="Account terms", body=paragraphs("Net thirty terms."), restricted=True
    )
    client.force_login(customer)

    assert results(client, "thirty")[0] == ["Account terms"]


def test_articles_under_a_restricted_topic_are_hidden_too(client, topic):
    from wagtail.models import PageViewRestriction

    private = make_topic(title="Partners")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_article(private, title="Partner pricing", body=paragraphs("Volume discounts."))

    assert results(client, "discounts")[0] == []


@pytest.mark.parametrize(
    "query",
    [
        '"unterminated',
        "* AND ( NEAR",
        "refund OR",
        "NOT",
        "'; DROP TABLE wagtailcore_page; --",
        "\\",
        "émigré café",
        "🍋 limes",
        "a",
        "    ",
        "%_%",
    ],
)
def test_odd_queries_never_fail(client, topic, query):
    make_article(topic, title="Limes", body=paragraphs("Crates of limes."))

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


def test_a_too_long_query_gets_a_message_and_keeps_what_was_typed(client):
    query = "limes " * 50

    response = client.get("/search/", {"q": query, "page": "abc"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-q_error"' in html and "at most 200 characters" in html
    assert 'aria-invalid="true"' in html
    assert f'value="{query}"' in html


def test_a_null_character_gets_a_message(client):
    response = client.get("/search/", {"q": "lim\x00es"})

    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


def test_a_tag_lists_its_articles(client, topic):
    make_article(topic, title="Refunds", tags=["refund"])
    make_article(topic, title="Invoices", tags=["invoice"])

    titles, html = results(client, "", tag="refund")

    assert titles == ["Refunds"]
    assert "Articles tagged “refund”" in html


def test_contact_form_suggestions_are_public_published_articles(topic):
    make_article(topic, title="Refunds for missing items")
    make_article(topic, title="Refunds draft", live=False)
    make_article(topic, title="Refunds on account", restricted=True)
    make_topic(title="Refunds topic")

    assert [page.title for page in suggest_articles("refunds")] == ["Refunds for missing items"]
    assert suggest_articles("re") == []
    assert suggest_articles('"*') == []


@pytest.mark.postgres
def test_postgresql_search_uses_full_text_search_with_stemming(client, topic, on_postgres):
    from wagtail.search.backends import get_search_backend

    make_article(topic, title="Deliveries", body=paragraphs("Our drivers delivered everything."))

    assert type(get_search_backend()).__name__ == "PostgresSearchBackend"
    assert results(client, "delivering")[0] == ["Deliveries"]


def test_a_word_finds_its_plural_on_every_database(client, topic):
    make_article(topic, title="Late drivers", body=paragraphs("Refunds for late deliveries."))

    assert results(client, "refund")[0] == ["Late drivers"]
    assert results(client, "driver")[0] == ["Late drivers"]


def test_search_backend_matches_the_database():
    from wagtail.search.backends import get_search_backend

    expected = {"postgresql": "PostgresSearchBackend", "sqlite": "PrefixSQLiteSearchBackend"}
    assert type(get_search_backend()).__name__ == expected[connection.vendor]
