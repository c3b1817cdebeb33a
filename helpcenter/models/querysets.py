"""The help center's listings as queryset methods, each limited to what the visitor may see.

They stay lazy, so a template whose cached fragment is fresh runs none of them, and their query
counts do not depend on how many pages the tree holds.
"""

from django.db.models import Count, F, Func, OuterRef, Q, Subquery
from wagtail.models import PageQuerySet

from helpcenter.visibility import visible_to


class HelpPageQuerySet(PageQuerySet):
    def listed_for(self, request):
        """The live pages this visitor may see in listings (Wagtail's page privacy applied)."""
        return visible_to(self.live(), request)


class TopicPageQuerySet(HelpPageQuerySet):
    def with_article_counts(self, articles):
        """Each topic with the number of `articles` anywhere beneath it, in one query."""
        articles_below = (
            articles.filter(path__startswith=OuterRef("path"))
            .order_by()
            .annotate(count=Func(F("pk"), function="COUNT"))
            .values("count")
        )
        return self.annotate(article_count=Subquery(articles_below))


class ArticlePageQuerySet(HelpPageQuerySet):
    def popular(self, since):
        """Most often found helpful since `since` first; recently published first among equals."""
        helpful = Q(feedback__helpful=True, feedback__created_at__gte=since)
        return self.annotate(helpful_votes=Count("feedback", filter=helpful)).order_by(
            "-helpful_votes", "-last_published_at", "pk"
        )

    def recently_updated(self):
        return self.order_by("-last_published_at", "pk")
