from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from helpcenter import feedback, selectors, seo
from helpcenter.blocks import ArticleBodyBlock
from helpcenter.forms import FeedbackForm
from helpcenter.panels import ArticleInsightsPanel


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
    """A help article: a summary, a body of blocks, and a way to ask for help if it falls short."""

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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([ArticleInsightsPanel()], heading=_("Feedback and health")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.5)]),
    ]

    parent_page_types = ["helpcenter.TopicPage"]
    subpage_types = []
    page_description = _("A help article, inside a topic.")

    class Meta:
        verbose_name = _("article")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        vote = feedback.current_vote(self, request)
        context.update(
            {
                "related_articles": selectors.related_articles(self, request),
                "tags": list(self.tags.all()),
                "is_restricted": self.get_view_restrictions().exists(),
                "vote": vote,
                "json_ld": seo.article_json_ld(self, request),
            }
        )
        context.setdefault("feedback_form", FeedbackForm(vote=vote))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return feedback.handle_post(self, request)
        return super().serve(request, *args, **kwargs)
