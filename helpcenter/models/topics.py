from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.search import index

from .articles import ArticlePage
from .querysets import TopicPageQuerySet

ARTICLES_PER_PAGE = 25

TOPIC_ICONS = [
    ("basket", _("Basket (ordering)")),
    ("truck", _("Truck (delivery)")),
    ("box", _("Box (items and quality)")),
    ("card", _("Card (payments)")),
    ("receipt", _("Receipt (invoices)")),
    ("person", _("Person (account)")),
    ("book", _("Book (general)")),
]


class TopicPage(Page):
    """A section of the help center: articles and sub-topics about one subject."""

    description = models.CharField(
        _("description"),
        max_length=240,
        blank=True,
        help_text=_("One sentence shown under the topic's name on the help center home page."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=TOPIC_ICONS, default="book")

    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("icon")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    parent_page_types = ["helpcenter.HomePage", "helpcenter.TopicPage"]
    # The help center has one FAQ and one way to write in, under the home page: not per topic.
    subpage_types = ["helpcenter.TopicPage", "helpcenter.ArticlePage"]
    page_description = _("A section of the help center: holds articles and sub-topics.")

    objects = PageManager.from_queryset(TopicPageQuerySet)()

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subtopics"] = TopicPage.objects.child_of(self).listed_for(request)
        articles = ArticlePage.objects.child_of(self).listed_for(request)
        # A missing, malformed or out-of-range page number gives the nearest page.
        context["articles"] = Paginator(articles, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context
