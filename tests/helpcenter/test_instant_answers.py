"""Instant answers on the contact form: suggestions with snippets, and "This answered my
question", which closes the form and counts one deflection."""

import re

import pytest
from django.urls import reverse

from helpcenter import contact_drafts
from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from tests.utils import count_queries
from tickets.models import Deflection

from .factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(db):
    seed_contact_page(HomePage.objects.get())
    return ContactPage.objects.get(slug="contact")


def suggestions(client, query, **params):
    response = client.get(reverse("helpcenter:contact_suggestions"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_suggestions_show_a_highlighted_snippet_and_an_answered_button(client, topic):
    article = make_article(
        topic,
        title="Refunds and credits",
        summary="Money back to your card.",
        body=paragraphs("Card refunds take 3 to 5 business days."),
    )

    html = suggestions(client, "refund")

    assert "Card <mark>refunds</mark> take 3 to 5 business days." in html
    assert reverse("helpcenter:suggestion_answered", args=[article.pk]) in html
    assert 'formtarget="_self"' in html


def test_the_description_refines_the_suggestions(client, topic):
    make_article(topic, title="Late drivers", body=paragraphs("When the delivery is late."))
    make_article(topic, title="Damaged delivery", body=paragraphs("Broken cases."))

    html = suggestions(client, "Delivery problem The driver came two hours late")

    plain = re.sub(r"</?mark>", "", html)
    assert plain.index("Late drivers") < plain.index("Damaged delivery")


def test_answered_counts_one_deflection_drops_the_draft_and_shows_the_article(
    client, topic, contact_page
):
    article = make_article(topic, title="Refunds and credits", body=paragraphs("Money back."))
    opened = client.post(
        reverse("helpcenter:open_suggestion", args=[article.pk]),
        {"q": "refund", "from": contact_page.pk},
    )
    assert opened.status_code == 302
    session = client.session
    session[contact_drafts.SESSION_KEY] = {"page": contact_page.pk, "data": {}, "files": []}
    session.save()

    response = client.post(
        reverse("helpcenter:suggestion_answered", args=[article.pk]),
        {"q": "refund", "from": contact_page.pk},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == article.url
    assert "Glad that helped" in response.content.decode()
    assert Deflection.objects.filter(page=article, ticket=None).count() == 1
    assert contact_drafts.SESSION_KEY not in client.session


def test_answered_without_opening_counts_a_deflection(client, topic, contact_page):
    article = make_article(topic, title="Refunds and credits", body=paragraphs("Money back."))

    client.post(
        reverse("helpcenter:suggestion_answered", args=[article.pk]),
        {"q": "refund", "from": contact_page.pk},
    )

    deflection = Deflection.objects.get()
    assert (deflection.page_id, deflection.contact_page_id, deflection.query) == (
        article.pk,
        contact_page.pk,
        "refund",
    )


def test_answered_refuses_gets_and_unknown_pages(client, topic):
    article = make_article(topic, title="Refunds", body=paragraphs("Money back."))
    url = reverse("helpcenter:suggestion_answered", args=[article.pk])

    assert client.get(url).status_code == 405
    assert client.post(reverse("helpcenter:suggestion_answered", args=[999999])).status_code == 404
    assert not Deflection.objects.exists()


def test_suggestions_query_count_stays_flat(client, topic):
    make_article(topic, title="Refunds 0", body=paragraphs("Refund."), tags=["refund"])
    url = reverse("helpcenter:contact_suggestions") + "?q=refund"
    count_queries(client, url)
    before = count_queries(client, url)

    for n in range(1, 6):
        make_article(topic, title=f"Refunds {n}", body=paragraphs("Refund."), tags=["refund"])

    assert count_queries(client, url) == before
