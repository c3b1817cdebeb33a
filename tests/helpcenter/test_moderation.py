"""Editors write in the Wagtail admin and submit; moderators approve, which publishes the page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts import roles
from accounts.demo import seed_accounts
from accounts.models import User
from helpcenter.demo import WORKFLOW_NAME, seed_moderation_workflow
from helpcenter.models import ArticlePage
from tests.factories import UserFactory

from .factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(role=roles.MODERATORS)


def new_article_form(**overrides):
    return nested_form_data(
        {
            "title": "Returning empty pallets",
            "slug": "returning-empty-pallets",
            "summary": "Drivers collect empty pallets on your next delivery.",
            "body": streamfield(
                [("text", rich_text("<p>Stack empty pallets by the loading door.</p>"))]
            ),
            "tags": "pallets",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            **overrides,
        }
    )


def search_titles(query):
    html = Client().get("/search/", {"q": query}).content.decode()
    return re.findall(
        r'class="search-result__title"><a [^>]*>(.*?)</a>',
        html.replace("<mark>", "").replace("</mark>", ""),
    )


def test_editor_submits_an_article_a_moderator_publishes_it_and_it_is_found(client, topic):
    seed_accounts()
    seed_moderation_workflow(home_page())
    editor = User.objects.get(email="editor@example.com")
    moderator = User.objects.get(email="admin@example.com")
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(**{"action-submit": "Submit for review"}),
    )

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="returning-empty-pallets")
    assert not article.live
    state = article.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME and state.status == "in_progress"
    assert search_titles("pallets") == []

    client.force_login(moderator)
    task_state = article.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)),
        {"comment": "Looks good."},
    )

    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert search_titles("pallets") == ["Returning empty pallets"]


def test_a_member_of_moderators_may_approve_too(client, editor, moderator, topic):
    seed_moderation_workflow(home_page())
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(**{"action-submit": "Submit for review"}),
    )
    article = ArticlePage.objects.get(slug="returning-empty-pallets")

    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "approve", article.current_workflow_task_state.pk),
        ),
        {"comment": ""},
    )

    article.refresh_from_db()
    assert article.live


def test_editors_cannot_publish_help_pages_themselves(client, editor, topic):
    seed_moderation_workflow(home_page())
    client.force_login(editor)

    client.post(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(**{"action-publish": "Publish"}),
    )

    assert not ArticlePage.objects.get(slug="returning-empty-pallets").live


def test_editors_may_preview_a_draft_article(client, editor, topic):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:preview_on_add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(),
    )
    assert response.json()["is_valid"]
    preview = client.get(
        reverse("wagtailadmin_pages:preview_on_add", args=("helpcenter", "articlepage", topic.pk))
    )

    html = preview.content.decode()
    assert "Stack empty pallets by the loading door." in html
    assert "Was this article helpful?" in html


def test_the_workflow_is_set_up_once_for_the_whole_help_center():
    home = home_page()

    seed_moderation_workflow(home)
    seed_moderation_workflow(home)

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert home.get_workflow() == workflow
    (task,) = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]


def submit_button(html):
    match = re.search(r'<button[^>]*name="action-submit"[^>]*>(.*?)</button>', html, re.S)
    assert match, "no submit button"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_the_submit_button_reads_submit_for_review(client, editor, topic):
    seed_moderation_workflow(home_page())
    client.force_login(editor)

    add = client.get(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk))
    ).content.decode()
    client.post(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(**{"action-submit": "Submit for review"}),
    )
    article = ArticlePage.objects.get(slug="returning-empty-pallets")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()

    assert submit_button(add) == "Submit for review"
    assert WORKFLOW_NAME not in submit_button(add)
    assert article.current_workflow_state.status == "in_progress"
    assert "Submit to" not in edit and "Resubmit to" not in edit


def test_after_changes_are_asked_for_the_button_reads_resubmit_for_review(
    client, editor, moderator, topic
):
    seed_moderation_workflow(home_page())
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=("helpcenter", "articlepage", topic.pk)),
        new_article_form(**{"action-submit": "Submit for review"}),
    )
    article = ArticlePage.objects.get(slug="returning-empty-pallets")
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "reject", article.current_workflow_task_state.pk),
        ),
        {"comment": "Say where the loading door is."},
    )

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()

    assert submit_button(edit) == "Resubmit for review"
