"""Content health: review-by dates, and how many tickets were still sent after reading."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import open_ticket
from tickets import workflow

from .factories import make_article

pytestmark = pytest.mark.django_db


def health_table(client, **params):
    html = client.get(reverse("helpcenter_reports:content_health"), params).content.decode()
    return html[html.index('<table class="listing') :]


def read_from_suggestion(article, session_key):
    workflow.record_deflection(session_key=session_key, page=article, query="late driver")


def test_articles_due_for_review_come_first_and_are_flagged(client, editor, topic):
    today = timezone.localdate()
    make_article(topic, title="Reviewed lately", review_by=today + timedelta(days=200))
    make_article(topic, title="Overdue article", review_by=today - timedelta(days=3))
    make_article(topic, title="Due next week", review_by=today + timedelta(days=7))
    make_article(topic, title="No review date")
    client.force_login(editor)

    table = health_table(client)

    order = [
        table.index(title)
        for title in ("Overdue article", "Due next week", "Reviewed lately", "No review date")
    ]
    assert order == sorted(order)
    assert "Due for review" in table and "Due soon" in table


def test_the_due_filter_shows_only_articles_past_their_review_date(client, editor, topic):
    today = timezone.localdate()
    make_article(topic, title="Overdue article", review_by=today)
    make_article(topic, title="Fine article", review_by=today + timedelta(days=90))
    client.force_login(editor)

    table = health_table(client, review="overdue")

    assert "Overdue article" in table and "Fine article" not in table


def test_report_counts_tickets_still_sent_after_reading_each_article(
    client, editor, customer, topic
):
    helpful = make_article(topic, title="Helpful article")
    unhelpful = make_article(topic, title="Unhelpful article")
    read_from_suggestion(helpful, "s1")
    read_from_suggestion(helpful, "s2")
    read_from_suggestion(unhelpful, "s3")
    read_from_suggestion(unhelpful, "s4")
    open_ticket(customer, session_key="s3")
    open_ticket(customer, session_key="s4")
    client.force_login(editor)

    articles = {
        article.title: (article.suggestion_opens, article.tickets_after_reading)
        for article in client.get(reverse("helpcenter_reports:content_health")).context[
            "object_list"
        ]
    }

    assert articles == {"Helpful article": (2, 0), "Unhelpful article": (2, 2)}


def test_the_article_editor_shows_its_review_date_and_deflection_figures(
    client, editor, customer, topic
):
    article = make_article(topic, review_by=timezone.localdate() - timedelta(days=1))
    for key in ("s1", "s2", "s3"):
        read_from_suggestion(article, key)
    open_ticket(customer, session_key="s1")
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    panel = html[html.index("Opened from the contact form") :]
    assert "Due for review" in html
    assert date_format(article.review_by) in html
    figures = [line.strip() for line in panel.split("<dd>")[1:4]]
    assert [figure.split("<")[0] for figure in figures] == ["3", "1", "2"]


def test_health_report_exports_figures(client, editor, topic):
    make_article(topic, title="Some article")
    client.force_login(editor)

    response = client.get(reverse("helpcenter_reports:content_health"), {"export": "csv"})

    header = b"".join(response.streaming_content).decode().splitlines()[0]
    assert (
        header
        == "Article,Review by,Last published,Helpful,Opened from contact form,Tickets still sent"
    )


def test_the_dashboard_lists_articles_due_for_review_to_editors(client, editor, agent, topic):
    make_article(topic, title="Overdue article", review_by=timezone.localdate() - timedelta(days=1))
    make_article(topic, title="Fine article", review_by=timezone.localdate() + timedelta(days=90))

    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Articles due for review" in html
    assert "Overdue article" in html and "Fine article" not in html

    client.force_login(agent)
    assert (
        "Articles due for review" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
