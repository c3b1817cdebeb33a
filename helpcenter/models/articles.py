from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from helpcenter import seo
from helpcenter.blocks import ArticleBodyBlock

from .querysets import ArticlePageQuerySet

RELATED_LIMIT = 4


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "helpcenter.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class RelatedArticle(Orderable):
    """An article an editor chose to show beside another one."""

    page = ParentalKey(
        "helpcenter.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    article = models.ForeignKey(
        "helpcenter.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("article", "helpcenter.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")


class ArticlePage(Page):
    """A help article: a summary, a body of blocks, and a way to ask for help if it falls short.

    The view layer adds what a reader does with it: "Was this article helpful?" (the
    `article_feedback_form` template tag, and its post through the `on_serve_page` hook in
    wagtail_hooks.py) and the editor's "Feedback and health" tab (panels.py, attached in apps.py).
    """

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences: shown in listings and search results, and to search "
            "engines unless a search description is set."
        ),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    ticket_category = models.ForeignKey(
        "tickets.Category",
        verbose_name=_("ticket category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Chosen for the customer on the contact form when this article did not "
            "answer their question."
        ),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "When someone should check this article is still right. Articles past this "
            "date appear in the content health report."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Related article")),
        MultiFieldPanel(
            [FieldPanel("ticket_category"), FieldPanel("review_by")],
            heading=_("Support and upkeep"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.5)]),
    ]

    parent_page_types = ["helpcenter.TopicPage"]
    subpage_types = []
    page_description = _("A help article, inside a topic.")

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    class Meta:
        verbose_name = _("article")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "related_articles": self.related_articles(request),
                "tags": list(self.tags.all()),
                "is_restricted": self.get_view_restrictions().exists(),
                "json_ld": seo.article_json_ld(self, request),
            }
        )
        return context

    def related_articles(self, request, limit=RELATED_LIMIT):
        """The editor's choice of related articles, or else the article's siblings in its topic.

        Reads the links through the page's own relation so a preview shows the unsaved choice.
        """
        listed = ArticlePage.objects.listed_for(request)
        chosen_ids = [link.article_id for link in self.related_links.all() if link.article_id]
        if chosen_ids:
            found = listed.filter(pk__in=chosen_ids).in_bulk()
            return [found[pk] for pk in chosen_ids if pk in found][:limit]
        if not self.path:
            return []
        return list(listed.sibling_of(self, inclusive=False)[:limit])
