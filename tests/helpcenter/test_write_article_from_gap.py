"""A content gap offers "Write an article": a new draft in the gap's topic, titled after the
search, whose note lists what readers searched for there; the editor lands in the page editor."""

import pytest
from django.urls import reverse
from django.utils import timezone

from helpcenter.models import ArticlePage, UnansweredSearch
from tests.factories import open_ticket

from .factories import make_topic

pytestmark = pytest.mark.django_db

WRITE = "/admin/help-center/content-gaps/write/"


def gap(query, topic, customer, tickets=1):
    for _ in range(tickets):
        UnansweredSearch.objects.create(
            query=query,
            results=0,
            topic=topic,
            ticket=open_ticket(customer),
            searched_at=timezone.now(),
        )


def test_the_report_offers_to_write_an_article_for_gaps_with_a_topic(
    client, editor, customer, topic
):
    gap("driver late", topic, customer)
    gap("pallet deposit", None, customer)
    client.force_login(editor)

    html = client.get(reverse("helpcenter_reports:content_gaps")).content.decode()

    assert html.count("Write an article") == 1
    assert f'action="{WRITE}"' in html
    assert f'name="topic" value="{topic.pk}"' in html
    assert 'name="query" value="driver late"' in html


def test_writing_makes_a_draft_in_the_topic_listing_the_searches(client, editor, customer, topic):
    gap("driver late", topic, customer, tickets=2)
    gap("when does the driver come", topic, customer, tickets=3)
    gap("invoice copy", make_topic(title="Billing"), customer)
    client.force_login(editor)

    response = client.post(WRITE, {"topic": topic.pk, "query": "Driver  late"})

    article = ArticlePage.objects.get(slug="driver-late")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert article.get_parent().specific == topic
    assert not article.live and article.owner == editor
    assert article.title == "Driver late"
    assert article.get_latest_revision().user == editor
    (note,) = article.body
    text = note.value["text"].source
    assert "“driver late”, “when does the driver come”" in text
    assert "invoice copy" not in text
    editor_page = client.get(response["Location"])
    assert editor_page.status_code == 200


def test_writing_again_opens_the_draft_already_there(client, editor, customer, topic):
    gap("driver late", topic, customer)
    client.force_login(editor)

    first = client.post(WRITE, {"topic": topic.pk, "query": "driver late"})
    again = client.post(WRITE, {"topic": topic.pk, "query": "driver late"})

    assert first["Location"] == again["Location"]
    assert ArticlePage.objects.filter(slug="driver-late").count() == 1


def test_a_search_in_the_note_is_escaped(client, editor, customer, topic):
    client.force_login(editor)

    client.post(WRITE, {"topic": topic.pk, "query": "<b>refund</b>"})

    (note,) = ArticlePage.objects.get().body
    assert "&lt;b&gt;refund&lt;/b&gt;" in note.value["text"].source


@pytest.mark.parametrize("method", ["get", "post"])
def test_only_editors_who_may_add_pages_write_and_only_by_post(
    client, customer, agent, editor, topic, method
):
    data = {"topic": topic.pk, "query": "driver late"}
    for user in (customer, agent):
        client.force_login(user)
        # Wagtail's admin sends those it refuses back to the login or the dashboard.
        assert getattr(client, method)(WRITE, data).status_code in (302, 405), user
    client.force_login(editor)
    if method == "get":
        assert client.get(WRITE, data).status_code == 405
    assert not ArticlePage.objects.exists()


def test_an_empty_search_or_unknown_topic_is_refused(client, editor, topic):
    client.force_login(editor)

    empty = client.post(WRITE, {"topic": topic.pk, "query": "  "})
    assert empty["Location"] == reverse("helpcenter_reports:content_gaps")
    assert client.post(WRITE, {"topic": 999999, "query": "refund"}).status_code == 404
    assert not ArticlePage.objects.exists()
