"""Editors see on the admin dashboard the latest readers who answered "No" to "Was this article
helpful?" and said why, each linked to the article's editor; the panel's queries stay flat."""

import pytest
from django.urls import reverse

from helpcenter.models import ArticleFeedback
from helpcenter.panels import UNHELPFUL_ON_DASHBOARD
from tests.utils import count_queries

from .factories import make_article

pytestmark = pytest.mark.django_db

HEADING = "Readers who said “No”"


def vote(article, n, *, helpful=False, comment="It did not say when the driver comes."):
    return ArticleFeedback.objects.create(
        page=article, visitor=f"session:{n}", helpful=helpful, comment=comment
    )


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def panel(html):
    return html.split('id="helpcenter-unhelpful-comments-content"', 1)[1].split("</section>", 1)[0]


def test_no_votes_with_comments_are_listed_with_a_link_to_the_article(client, editor, topic):
    late = make_article(topic, title="When does the driver come?")
    vote(late, 1)
    vote(late, 2, comment="")  # no comment: nothing to read
    vote(late, 3, helpful=True, comment="Clear, thanks")  # a yes
    client.force_login(editor)

    html = panel(dashboard(client))

    assert "It did not say when the driver come" in html
    assert "Clear, thanks" not in html
    assert html.count("<tr>") == 2  # the header row and the one vote
    assert reverse("wagtailadmin_pages:edit", args=(late.pk,)) in html
    assert reverse("helpcenter_reports:comments") + "?helpful=false" in html


def test_only_the_latest_are_shown(client, editor, topic):
    article = make_article(topic)
    for n in range(UNHELPFUL_ON_DASHBOARD + 3):
        vote(article, n, comment=f"Comment number {n}.")
    client.force_login(editor)

    html = panel(dashboard(client))

    assert "Comment number 7." in html and "Comment number 2." not in html


def test_the_panel_is_absent_without_comments_or_for_agents(client, editor, agent, topic):
    client.force_login(editor)
    assert HEADING not in dashboard(client)

    vote(make_article(topic), 1)
    client.force_login(agent)
    assert HEADING not in dashboard(client)


def test_the_dashboard_query_count_stays_flat_as_votes_grow(client, editor, topic):
    vote(make_article(topic), 0)
    client.force_login(editor)
    count_queries(client, reverse("wagtailadmin_home"))
    small = count_queries(client, reverse("wagtailadmin_home"))

    for n in range(1, 12):
        vote(make_article(topic, title=f"Article {n}"), n)

    assert count_queries(client, reverse("wagtailadmin_home")) == small
