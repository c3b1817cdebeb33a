"""Help-center pages for tests, built the way editors build them (published revisions)."""

from itertools import count

from wagtail.models import PageViewRestriction

from helpcenter.models import ArticlePage, FAQCategory, FAQItem, FAQPage, HomePage, TopicPage

_numbers = count(1)


def home_page():
    return HomePage.objects.get(depth=2)


def paragraphs(*texts):
    """A StreamField body of rich-text blocks, one paragraph each."""
    return [{"type": "text", "value": f"<p>{text}</p>"} for text in texts]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_topic(parent=None, title=None, **fields):
    n = next(_numbers)
    topic = TopicPage(title=title or f"Topic {n}", slug=f"topic-{n}", **fields)
    (parent or home_page()).add_child(instance=topic)
    return publish(topic)


def make_article(
    topic=None,
    title=None,
    body=None,
    summary="A short summary of the article.",
    tags=(),
    live=True,
    restricted=False,
    **fields,
):
    """A published article (a draft with live=False); restricted=True: signed-in users only."""
    n = next(_numbers)
    article = ArticlePage(
        title=title or f"Article {n}",
        slug=f"article-{n}",
        summary=summary,
        body=body if body is not None else paragraphs(f"Body text of article {n}."),
        live=live,
        **fields,
    )
    article.tags.add(*tags)
    (topic or make_topic()).add_child(instance=article)
    if restricted:
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    if not live:
        article.save_revision()
        return article
    return publish(article)


def make_faq(parent=None, items=(), title="Frequently asked questions"):
    """An FAQ page; items are (question, answer HTML, category name or None, active)."""
    n = next(_numbers)
    page = FAQPage(title=title, slug=f"faq-{n}")
    categories = {}
    for _, _, name, _ in items:
        if name and name not in categories:
            categories[name] = FAQCategory.objects.get_or_create(
                name=name, defaults={"sort_order": len(categories)}
            )[0]
    page.faq_items = [
        FAQItem(question=q, answer=a, category=categories.get(name), active=active)
        for q, a, name, active in items
    ]
    (parent or home_page()).add_child(instance=page)
    return publish(page)
