"""Titles, meta descriptions, schema.org JSON-LD, breadcrumbs and the sitemap."""

import json
import re

import pytest
from django.conf import settings

from .factories import make_article, make_faq, make_topic, paragraphs

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def of_type(data, kind):
    return [entity for entity in data["@graph"] if entity["@type"] == kind]


def test_article_has_its_title_meta_description_and_article_json_ld(client, topic):
    article = make_article(topic, title="Delivery windows", summary="Two-hour windows, explained.")

    html = client.get(article.url).content.decode()

    assert "<title>Delivery windows | Help Center</title>" in html
    assert '<meta name="description" content="Two-hour windows, explained.">' in html
    (entity,) = of_type(json_ld(html), "Article")
    assert entity["headline"] == "Delivery windows"
    assert entity["description"] == "Two-hour windows, explained."
    assert entity["url"] == settings.SITE_URL + article.url
    assert entity["dateModified"] == article.last_published_at.isoformat()


def test_seo_title_and_search_description_win_when_set(client, topic):
    article = make_article(topic, seo_title="Delivery times", search_description="When we come.")

    html = client.get(article.url).content.decode()

    assert "<title>Delivery times | Help Center</title>" in html
    assert '<meta name="description" content="When we come.">' in html


def test_question_blocks_add_faqpage_json_ld(client, topic):
    body = paragraphs("Intro.") + [
        {
            "type": "questions",
            "value": {
                "questions": [
                    {"question": "Can I refuse goods?", "answer": "<p>Yes, <b>at the door</b>.</p>"}
                ]
            },
        }
    ]
    article = make_article(topic, body=body)

    data = json_ld(client.get(article.url).content.decode())

    (faq,) = of_type(data, "FAQPage")
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Can I refuse goods?",
            "acceptedAnswer": {"@type": "Answer", "text": "Yes, at the door."},
        }
    ]


def test_articles_without_questions_have_no_faqpage_json_ld(client, topic):
    data = json_ld(client.get(make_article(topic).url).content.decode())

    assert of_type(data, "FAQPage") == []


def test_json_ld_cannot_end_its_script_element(client, topic):
    article = make_article(topic, title="</script><script>alert(1)</script>")

    html = client.get(article.url).content.decode()

    assert "<script>alert(1)" not in html
    assert of_type(json_ld(html), "Article")[0]["headline"] == "</script><script>alert(1)</script>"


def test_faq_page_json_ld_lists_only_active_questions(client):
    faq = make_faq(
        items=[
            ("When is my card charged?", "<p>On delivery.</p>", "Payments", True),
            ("Can I order by phone?", "<p>No.</p>", "Ordering", False),
        ]
    )

    data = json_ld(client.get(faq.url).content.decode())

    (entity,) = of_type(data, "FAQPage")
    assert [q["name"] for q in entity["mainEntity"]] == ["When is my card charged?"]


def test_breadcrumbs_lead_from_home_to_the_article(client):
    parent = make_topic(title="Payments")
    child = make_topic(parent, title="Invoices")
    article = make_article(child, title="Tax on invoices")

    html = client.get(article.url).content.decode()

    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", crumbs) == [
        "Help Center",
        "Payments",
        "Invoices",
        "Tax on invoices",
    ]
    (trail,) = of_type(json_ld(html), "BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Help Center",
        "Payments",
        "Invoices",
        "Tax on invoices",
    ]


def test_sitemap_lists_published_public_pages_only(client, topic):
    public = make_article(topic, title="Public")
    draft = make_article(topic, title="Draft", live=False)
    restricted = make_article(topic, title="Restricted", restricted=True)
    faq = make_faq()

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{settings.SITE_URL}{public.url}</loc>" in xml
    assert f"<loc>{settings.SITE_URL}{topic.url}</loc>" in xml
    assert f"<loc>{settings.SITE_URL}{faq.url}</loc>" in xml
    assert draft.slug not in xml
    assert restricted.slug not in xml


def test_topic_and_faq_pages_describe_themselves(client):
    topic = make_topic(title="Ordering", description="Placing and changing orders.")

    html = client.get(topic.url).content.decode()

    assert "<title>Ordering | Help Center</title>" in html
    assert '<meta name="description" content="Placing and changing orders.">' in html
