"""schema.org data (JSON-LD) for help pages: Article, FAQPage and BreadcrumbList.

Built only from what the page's visitor may see: the page itself (Wagtail has already checked
its privacy) and its ancestors. Answers are given as plain text, stripped of the editor's markup.
"""

from django.conf import settings
from django.utils.html import strip_tags

from .blocks import questions_in

CONTEXT = "https://schema.org"


def plain_text(html):
    return " ".join(strip_tags(html).split())


def breadcrumbs_json_ld(page, request):
    crumbs = [*page.get_ancestors().filter(depth__gt=1), page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def faq_entity(questions):
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(answer)},
            }
            for question, answer in questions
        ],
    }


def article_json_ld(page, request):
    url = page.get_full_url(request)
    article = {
        "@type": "Article",
        "headline": page.title,
        "description": page.search_description or page.summary,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
    }
    if page.first_published_at:
        article["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        article["dateModified"] = page.last_published_at.isoformat()
    graph = [article]
    if page.pk:
        graph.append(breadcrumbs_json_ld(page, request))
    questions = questions_in(page.body)
    if questions:
        graph.append(faq_entity(questions))
    return {"@context": CONTEXT, "@graph": graph}


def faq_json_ld(page, items, request):
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                **faq_entity((item.question, item.answer) for item in items),
                "url": page.get_full_url(request),
            },
            breadcrumbs_json_ld(page, request),
        ],
    }
