"""seed_demo builds a realistic help center for the demo grocery delivery business."""

import re

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Workflow

from helpcenter.demo import WORKFLOW_NAME, seed_help_center
from helpcenter.models import ArticlePage, ContactPage, FAQItem, FAQPage, HomePage, TopicPage
from tickets.models import Category

pytestmark = pytest.mark.django_db


def test_seed_builds_a_realistic_help_center():
    seed_help_center()
    home = HomePage.objects.get()

    assert TopicPage.objects.child_of(home).live().count() >= 5
    assert ArticlePage.objects.live().public().count() >= 20
    assert FAQItem.objects.filter(active=True, page__live=True).count() >= 15
    assert FAQItem.objects.filter(active=False).exists()
    assert FAQPage.objects.live().get().url == "/faq/"
    assert ContactPage.objects.live().get().url == "/contact/"
    for article in ArticlePage.objects.all():
        assert len(article.summary) > 40, article.title
        assert len(article.body) >= 1, article.title
        assert article.ticket_category_id and article.review_by, article.title
    # One article for signed-in customers, one draft, one scheduled to publish itself.
    restricted = ArticlePage.objects.live().not_public().get()
    assert PageViewRestriction.objects.get(page=restricted).restriction_type == "login"
    go_live = [
        page.get_latest_revision().approved_go_live_at
        for page in ArticlePage.objects.filter(live=False)
    ]
    assert sorted(map(bool, go_live)) == [False, True]
    # Ticket categories lead to their topic; the help center has the moderation workflow.
    assert Category.objects.get(name="Delivery problem").help_topic.specific.title == "Delivery"
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert home.get_workflow() == workflow
    assert ArticlePage.objects.first().get_workflow() == workflow


def test_seeded_pages_open_and_search_finds_refunds():
    seed_help_center()
    client = Client()

    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url
    assert client.get(ArticlePage.objects.live().not_public().get().url).status_code == 302
    html = client.get("/search/", {"q": "refund"}).content.decode()
    titles = re.findall(
        r'search-result__title"><a [^>]*>(.*?)</a>',
        html.replace("<mark>", "").replace("</mark>", ""),
    )
    assert "Refunds and credits: how long they take" in titles


def test_seed_leaves_an_edited_article_alone():
    seed_help_center()
    article = ArticlePage.objects.get(slug="delivery-windows")
    article.title = "Delivery windows, edited"
    article.save_revision().publish()

    seed_help_center()

    assert ArticlePage.objects.get(slug="delivery-windows").title == "Delivery windows, edited"
