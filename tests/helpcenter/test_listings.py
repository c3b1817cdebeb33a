"""Home and topic pages list what each visitor may read, and stay fresh as editors publish."""

import re

import pytest
from wagtail.models import PageViewRestriction

from helpcenter.models import ArticleFeedback

from .factories import make_article, make_faq, make_topic

pytestmark = pytest.mark.django_db


def section(html, title):
    match = re.search(rf'<section[^>]*aria-labelledby="{title}".*?</section>', html, re.S)
    assert match, f"no section {title}"
    return match.group(0)


def test_home_has_search_topics_popular_and_recent_articles_and_contact(client, topic):
    make_article(topic, title="Delivery windows explained")
    make_faq(title="Quick questions")

    html = client.get("/").content.decode()

    assert 'role="search"' in html and 'action="/search/"' in html
    assert "Deliveries" in section(html, "topics-title")
    assert "Windows, drivers and missed drops." in section(html, "topics-title")
    assert "Delivery windows explained" in section(html, "popular-title")
    assert "Delivery windows explained" in section(html, "recent-title")
    assert "Quick questions" in section(html, "faq-title")
    assert 'href="/contact/"' in section(html, "need-help-title")


def test_topic_counts_include_articles_in_sub_topics(client, topic):
    child = make_topic(topic, title="Late drivers")
    make_article(topic)
    make_article(child)
    make_article(child, live=False)

    html = client.get("/").content.decode()

    assert "2 articles" in section(html, "topics-title")


def test_popular_articles_are_those_readers_found_most_helpful(client, topic):
    quiet = make_article(topic, title="Quiet article")
    loved = make_article(topic, title="Loved article")
    disliked = make_article(topic, title="Disliked article")
    for n in range(3):
        ArticleFeedback.objects.create(page=loved, visitor=f"v{n}", helpful=True)
        ArticleFeedback.objects.create(page=disliked, visitor=f"v{n}", helpful=False)
    ArticleFeedback.objects.create(page=quiet, visitor="v0", helpful=True)

    popular = section(client.get("/").content.decode(), "popular-title")

    assert popular.index("Loved article") < popular.index("Quiet article")
    assert popular.index("Quiet article") < popular.index("Disliked article")


def test_anonymous_visitors_see_no_drafts_or_restricted_articles_in_listings(client, topic):
    make_article(topic, title="Unfinished draft", live=False)
    make_article(topic, title="Account terms", restricted=True)
    make_article(topic, title="Tracking your delivery")

    for url in ("/", topic.url):
        html = client.get(url).content.decode()
        assert "Tracking your delivery" in html
        assert "Unfinished draft" not in html
        assert "Account terms" not in html


def test_signed_in_customers_see_restricted_articles_in_listings(client, customer, topic):
    make_article(topic, title="Account terms", restricted=True)
    client.force_login(customer)

    for url in ("/", topic.url):
        assert "Account terms" in client.get(url).content.decode()


def test_a_group_restricted_section_shows_only_to_its_group(client, customer, agent, topic):
    from django.contrib.auth.models import Group

    from accounts.roles import AGENTS

    article = make_article(topic, title="Agent playbook")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=AGENTS)])

    client.force_login(customer)
    assert "Agent playbook" not in client.get(topic.url).content.decode()
    client.force_login(agent)
    assert "Agent playbook" in client.get(topic.url).content.decode()


def test_home_listings_follow_publishing_despite_caching(client, topic):
    client.get("/")  # fills the cached fragment
    article = make_article(topic, title="Fresh article")

    assert "Fresh article" in client.get("/").content.decode()

    article.unpublish()
    assert "Fresh article" not in client.get("/").content.decode()


def test_home_listings_follow_privacy_changes_despite_caching(client, topic):
    article = make_article(topic, title="Soon private")
    assert "Soon private" in client.get("/").content.decode()

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    assert "Soon private" not in client.get("/").content.decode()


def test_topic_lists_its_articles_and_sub_topics(client, topic):
    make_topic(topic, title="Late drivers", description="When the truck is late.")
    make_article(topic, title="Delivery windows", summary="Two-hour windows.")

    html = client.get(topic.url).content.decode()

    assert "<h1>Deliveries</h1>" in html
    assert "Late drivers" in section(html, "subtopics-title")
    assert "When the truck is late." in html
    assert "Delivery windows" in section(html, "articles-title")
    assert "Two-hour windows." in html


def test_topic_pages_paginate_and_accept_any_page_number(client, topic):
    for n in range(26):
        make_article(topic, title=f"Article number {n:02}")

    for page, shown in [("2", "25"), ("999", "25"), ("abc", "00"), ("", "00"), ("-1", "25")]:
        response = client.get(topic.url, {"page": page})
        assert response.status_code == 200
        assert f"Article number {shown}" in response.content.decode(), page
