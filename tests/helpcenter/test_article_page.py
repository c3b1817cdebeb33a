"""An article: summary, body blocks, tags, related articles, last updated, a way to contact us."""

import re

import pytest
from django.utils.timezone import localtime
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from helpcenter.models import RelatedArticle
from tests.factories import CategoryFactory

from .factories import make_article, make_topic, paragraphs, publish

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=demo123"


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_article_shows_summary_body_tags_and_last_updated(client, topic):
    article = make_article(
        topic,
        title="Delivery windows explained",
        summary="Every delivery arrives within the window you chose.",
        body=paragraphs("Drivers text you 30 minutes ahead."),
        tags=["delivery", "window"],
    )

    html = html_of(client, article)

    assert "<h1" in html and "Delivery windows explained" in html
    assert "Every delivery arrives within the window you chose." in html
    assert "Drivers text you 30 minutes ahead." in html
    assert 'href="/search/?tag=delivery"' in html
    assert f'datetime="{localtime(article.last_published_at).isoformat()}"' in html
    assert "Last updated" in html


def test_every_kind_of_body_block_renders(client, topic):
    image = Image.objects.create(title="Crate", file=get_test_image_file())
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe title="How to check in a delivery" src="https://www.youtube.com/embed/demo123"></iframe>',
        provider_name="YouTube",
    )
    body = [
        {"type": "text", "value": "<h2>Before you start</h2><p>Have the delivery note.</p>"},
        {
            "type": "callout",
            "value": {
                "kind": "warning",
                "title": "Chilled goods",
                "text": "<p>Check them first.</p>",
            },
        },
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "A crate of limes", "decorative": False},
                "caption": "Our crates",
            },
        },
        {
            "type": "video",
            "value": {"video": VIDEO_URL, "title": "Checking in a delivery", "caption": ""},
        },
        {
            "type": "steps",
            "value": {
                "steps": [
                    {"title": "Count the cases", "text": "<p>On the note.</p>"},
                    {"title": "Sign", "text": ""},
                ]
            },
        },
        {"type": "code", "value": {"language": "csv", "code": "invoice,amount\nINV-1,<b>10</b>"}},
        {
            "type": "questions",
            "value": {
                "questions": [
                    {"question": "Can I refuse goods?", "answer": "<p>Yes, at the door.</p>"}
                ]
            },
        },
    ]
    article = make_article(topic, body=body)

    html = html_of(client, article)

    assert "<h2>Before you start</h2>" in html
    assert 'class="alert alert--warning callout"' in html and "Chilled goods" in html
    assert re.search(r'<img [^>]*alt="A crate of limes"', html)
    assert "Our crates" in html
    assert 'src="https://www.youtube.com/embed/demo123"' in html
    assert '<ol class="steps">' in html and "Count the cases" in html
    assert "invoice,amount\nINV-1,&lt;b&gt;10&lt;/b&gt;" in html
    assert "<details" in html and "Can I refuse goods?" in html


def test_a_video_that_cannot_be_embedded_becomes_a_link(client, topic, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def no_embed(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_embed", no_embed)
    body = [{"type": "video", "value": {"video": VIDEO_URL, "title": "Checking in", "caption": ""}}]
    article = make_article(topic, body=body)

    html = html_of(client, article)

    assert f'<a href="{VIDEO_URL}">Watch the video: Checking in</a>' in html


def test_image_blocks_need_alt_text_unless_decorative():
    from django.core.exceptions import ValidationError

    from helpcenter.blocks import ArticleBodyBlock

    image = Image.objects.create(title="Crate", file=get_test_image_file())
    block = ArticleBodyBlock().child_blocks["image"]
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})

    with pytest.raises(ValidationError):
        block.clean(value)


def test_still_need_help_link_preselects_the_articles_ticket_category(client, topic):
    category = CategoryFactory(name="Delivery problem")
    article = make_article(topic, ticket_category=category)

    html = html_of(client, article)

    assert f'href="/contact/?category={category.pk}"' in html
    assert "Still need help?" in html


def test_without_a_ticket_category_the_contact_link_is_plain(client, topic):
    html = html_of(client, make_article(topic))

    assert 'href="/contact/"' in html


def test_related_articles_are_the_editors_choice(client, topic):
    other_topic = make_topic(title="Payments")
    chosen = make_article(other_topic, title="Refunds and credits")
    make_article(topic, title="A sibling")
    article = make_article(topic)
    article.related_links = [RelatedArticle(article=chosen)]
    publish(article)

    html = html_of(client, article)

    assert "Refunds and credits" in html
    assert "A sibling" not in html


def test_without_a_choice_related_articles_are_published_siblings(client, topic):
    make_article(topic, title="Tracking your delivery")
    make_article(topic, title="Unfinished draft", live=False)
    make_article(topic, title="Account terms", restricted=True)
    article = make_article(topic)

    html = html_of(client, article)

    assert "Related articles" in html
    assert "Tracking your delivery" in html
    assert "Unfinished draft" not in html
    assert "Account terms" not in html


def test_editor_text_is_escaped(client, topic):
    article = make_article(topic, title="<script>alert(1)</script>", summary="<b>bold</b>")

    html = html_of(client, article)

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_editing_an_article_shows_the_new_body_despite_the_cached_fragment(client, topic):
    article = make_article(topic, body=paragraphs("Old wording."))
    assert "Old wording." in html_of(client, article)

    article.body = paragraphs("New wording.")
    publish(article)

    html = html_of(client, article)
    assert "New wording." in html and "Old wording." not in html
