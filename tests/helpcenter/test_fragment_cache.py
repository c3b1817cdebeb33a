"""Cached help-center fragments ({% wagtailpagecache %}): previews neither read nor fill them."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from helpcenter.models import ArticleFeedback
from tests.factories import UserFactory

from .factories import home_page, make_article

pytestmark = pytest.mark.django_db


def popular_titles(html):
    section = re.search(r'aria-labelledby="popular-title".*?</section>', html, re.S).group(0)
    return re.findall(r"Lime article \w+", section)


def test_a_home_page_preview_leaves_no_cached_listings_for_the_live_page(client, topic):
    older = make_article(topic, title="Lime article older")
    make_article(topic, title="Lime article newer")
    client.force_login(UserFactory(is_superuser=True))
    home = home_page()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])
    form = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": rich_text(home.intro),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, form).json()["is_valid"]
    assert popular_titles(client.get(url).content.decode()) == [
        "Lime article newer",
        "Lime article older",
    ]

    # A helpful vote changes "popular" without a new content version: only a fresh render shows it.
    ArticleFeedback.objects.create(page=older, visitor="someone", helpful=True)

    assert popular_titles(client.get("/").content.decode()) == [
        "Lime article older",
        "Lime article newer",
    ]
