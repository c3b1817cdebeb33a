"""Typo tolerance, synonyms, promoted results and search as you type."""

import re

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from helpcenter import vocabulary
from helpcenter.models import DailySearchCount, SearchSynonym, SearchTerm
from tests.utils import count_queries

from .factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def titles_of(html):
    found = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_misspelt_word_finds_its_articles_and_offers_the_correction(client, topic):
    make_article(topic, title="Refunds and credits", body=paragraphs("Money back to your card."))
    make_article(topic, title="Delivery windows", body=paragraphs("Two hours."))

    html = search(client, "refnd")

    assert titles_of(html) == ["Refunds and credits"]
    assert 'Did you mean: <a href="/search/?q=refunds">refunds</a>' in html


def test_words_the_help_center_uses_are_not_corrected(client, topic):
    make_article(topic, title="Refunds and credits", body=paragraphs("Money back."))

    assert "Did you mean" not in search(client, "refunds")


def test_the_vocabulary_follows_publishing(topic):
    article = make_article(topic, title="Pallet returns", body=paragraphs("Stack them."))
    assert SearchTerm.objects.filter(word="pallet").exists()

    article.unpublish()

    assert not SearchTerm.objects.filter(word="pallet").exists()


def test_the_vocabulary_holds_no_word_of_a_restricted_section(topic):
    make_article(topic, title="Wholesale rebates", body=paragraphs("Quarterly."), restricted=True)
    assert not SearchTerm.objects.filter(word="rebates").exists()

    PageViewRestriction.objects.all().delete()

    assert SearchTerm.objects.filter(word="rebates").exists()


def test_the_vocabulary_command_rebuilds_it(topic):
    from django.core.management import call_command

    make_article(topic, title="Pallet returns", body=paragraphs("Stack them."))
    SearchTerm.objects.all().delete()

    call_command("rebuild_search_vocabulary", stdout=None)

    assert SearchTerm.objects.get(word="pallet").documents == 1


def test_editors_synonyms_find_articles_using_the_other_words(client, topic):
    make_article(topic, title="When the driver is late", body=paragraphs("We text you."))
    assert titles_of(search(client, "delay")) == []

    SearchSynonym.objects.create(words="late, delay, delayed")

    assert titles_of(search(client, "delay")) == ["When the driver is late"]
    assert titles_of(search(client, "delayed")) == ["When the driver is late"]


def test_titles_weigh_more_than_bodies(client, topic):
    make_article(topic, title="Invoices", body=paragraphs("A late payment, a late fee, late."))
    make_article(topic, title="What if the driver is late?", body=paragraphs("We text you."))

    assert titles_of(search(client, "late"))[0] == "What if the driver is late?"


def test_rare_words_weigh_more_than_common_ones(client, topic):
    for n in range(4):
        make_article(topic, title=f"Delivery {n}", body=paragraphs("About delivery."))
    make_article(topic, title="Late drivers", body=paragraphs("A delivery may be late."))

    assert titles_of(search(client, "late delivery"))[0] == "Late drivers"


def promote(query, page, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_promoted_pages_come_first_and_are_marked(client, topic):
    make_article(topic, title="Refunds and credits", body=paragraphs("Refund to your card."))
    chosen = make_article(topic, title="Damaged goods", body=paragraphs("Refund as a credit."))
    promote("Refund", chosen, description="Start here for any refund.")

    html = search(client, "refund")

    assert titles_of(html)[0] == "Damaged goods"
    assert titles_of(html).count("Damaged goods") == 1
    assert "Recommended" in html
    assert "Start here for any <mark>refund</mark>." in html


def test_promoted_pages_the_visitor_may_not_see_are_left_out(client, topic):
    hidden = make_article(topic, title="Account terms", body=paragraphs("Net 30."), restricted=True)
    promote("terms", hidden)

    assert titles_of(search(client, "terms")) == []


def test_search_as_you_type_lists_options_and_counts_no_search(client, topic):
    make_article(topic, title="Refunds and credits", body=paragraphs("Money back."))

    response = client.get(reverse("helpcenter:search_as_you_type"), {"q": "refnd"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="option"') == 3  # the correction, the article, all results
    assert "Did you mean: <strong>refunds</strong>" in html
    assert "<mark>Refunds</mark> and credits" in html
    assert not DailySearchCount.objects.exists()


@pytest.mark.parametrize("query", ["", "a", "x" * 500, '"*', "\x00"])
def test_search_as_you_type_takes_any_input(client, topic, query):
    response = client.get(reverse("helpcenter:search_as_you_type"), {"q": query})

    assert response.status_code == 200


def test_search_as_you_type_query_count_stays_flat(client, topic):
    make_article(topic, title="Refunds 0", body=paragraphs("Refund."), tags=["refund"])
    url = reverse("helpcenter:search_as_you_type") + "?q=refund"
    count_queries(client, url)
    before = count_queries(client, url)

    for n in range(1, 6):
        make_article(topic, title=f"Refunds {n}", body=paragraphs("Refund."), tags=["refund"])

    assert count_queries(client, url) == before


def test_correction_uses_the_commonest_of_equally_near_words(topic):
    make_article(topic, title="Cards", body=paragraphs("card card"))
    make_article(topic, title="More cards", body=paragraphs("card"))
    make_article(topic, title="Carts", body=paragraphs("cart"))

    assert vocabulary.correct("carx") in {"card", "cards"}


def test_editors_may_tune_synonyms_and_promoted_results(editor):
    assert editor.has_perm("helpcenter.add_searchsynonym")
    assert editor.has_perm("helpcenter.change_searchsynonym")
    assert editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
    assert editor.has_perm("wagtailsearchpromotions.change_searchpromotion")


def test_the_synonyms_snippet_opens_for_editors(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_helpcenter_searchsynonym:add"))

    assert response.status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
