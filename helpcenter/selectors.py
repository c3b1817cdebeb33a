"""The help center's listings, each already limited to what the visitor may see.

Every function returns a lazy queryset, so a template whose cached fragment is fresh runs none of
them. Query counts do not depend on how many pages the tree holds.
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, F, Func, OuterRef, Q, Subquery
from django.utils import timezone

from . import models
from .visibility import visible_to

POPULAR_LIMIT = 6
RECENT_LIMIT = 5
RELATED_LIMIT = 4
POPULAR_WINDOW = timedelta(days=90)
ARTICLES_PER_TOPIC_PAGE = 25


def live_articles(request):
    return visible_to(models.ArticlePage.objects.live(), request)


def child_topics(page, request):
    return visible_to(models.TopicPage.objects.child_of(page).live(), request).order_by("path")


def topic_articles(page, request):
    return live_articles(request).child_of(page).order_by("path")


def topics_with_article_counts(home, request):
    """The home page's topics, each with the number of articles anywhere beneath it."""
    articles_below = (
        live_articles(request)
        .filter(path__startswith=OuterRef("path"))
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    return child_topics(home, request).annotate(article_count=Subquery(articles_below))


def popular_articles(request, limit=POPULAR_LIMIT):
    """The articles most often found helpful lately; recent ones first among equals."""
    since = timezone.now() - POPULAR_WINDOW
    helpful = Q(feedback__helpful=True, feedback__created_at__gte=since)
    return (
        live_articles(request)
        .annotate(helpful_votes=Count("feedback", filter=helpful))
        .order_by("-helpful_votes", "-last_published_at", "pk")[:limit]
    )


def recent_articles(request, limit=RECENT_LIMIT):
    return live_articles(request).order_by("-last_published_at", "pk")[:limit]


def faq_pages(home, request):
    return visible_to(models.FAQPage.objects.descendant_of(home).live(), request).order_by("path")


def related_articles(article, request, limit=RELATED_LIMIT):
    """The editor's choice of related articles, or else the article's siblings in its topic.

    Reads the links through the page's own relation so a preview shows the unsaved choice.
    """
    chosen_ids = [link.article_id for link in article.related_links.all() if link.article_id]
    if chosen_ids:
        found = live_articles(request).filter(pk__in=chosen_ids).in_bulk()
        return [found[pk] for pk in chosen_ids if pk in found][:limit]
    if not article.path:
        return []
    return list(
        live_articles(request).sibling_of(article, inclusive=False).order_by("path")[:limit]
    )


def paginate(queryset, page_number, per_page=ARTICLES_PER_TOPIC_PAGE):
    """A page of results; a missing, malformed or out-of-range number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(page_number)


def all_faq_pages(request):
    return visible_to(models.FAQPage.objects.live(), request)
