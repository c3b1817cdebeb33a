"""Editors can only build a sensible tree: home → FAQ and contact pages, and topics (nested)
that hold articles; nothing else goes anywhere (no contact or FAQ page inside a topic)."""

import pytest
from wagtail.models import Page

from helpcenter.models import ArticlePage, ContactPage, FAQPage, HomePage, TopicPage


def names(models):
    return {model.__name__ for model in models}


def test_home_holds_topics_faq_pages_and_contact_pages():
    assert names(HomePage.allowed_subpage_models()) == {"TopicPage", "FAQPage", "ContactPage"}
    assert names(HomePage.allowed_parent_page_models()) == {"Page"}


def test_topics_nest_and_hold_articles_only():
    assert names(TopicPage.allowed_subpage_models()) == {"TopicPage", "ArticlePage"}
    assert names(TopicPage.allowed_parent_page_models()) == {"HomePage", "TopicPage"}


def test_articles_live_only_in_topics_and_have_no_children():
    assert names(ArticlePage.allowed_parent_page_models()) == {"TopicPage"}
    assert ArticlePage.allowed_subpage_models() == []


def test_faq_pages_live_under_home_only_and_have_no_children():
    assert names(FAQPage.allowed_parent_page_models()) == {"HomePage"}
    assert FAQPage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_an_article_cannot_be_created_directly_under_home():
    home = HomePage.objects.get()

    assert not ArticlePage.can_create_at(home)
    assert TopicPage.can_create_at(home)
    assert not HomePage.can_create_at(Page.objects.get(depth=1))  # only one home


def test_contact_pages_go_under_home_only_and_have_no_children():
    assert names(ContactPage.allowed_parent_page_models()) == {"HomePage"}
    assert ContactPage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_the_add_page_choice_inside_a_topic_offers_no_contact_or_faq_page(client, topic):
    from tests.factories import SupportAdminFactory

    client.force_login(SupportAdminFactory(is_superuser=True))

    html = client.get(f"/admin/pages/{topic.pk}/add_subpage/").content.decode()

    assert "/add/helpcenter/articlepage/" in html
    assert "/add/helpcenter/contactpage/" not in html
    assert "/add/helpcenter/faqpage/" not in html
    assert not ContactPage.can_create_at(topic)
    assert not FAQPage.can_create_at(topic)
