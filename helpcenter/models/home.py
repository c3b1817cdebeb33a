from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .articles import ArticlePage
from .faq import FAQPage
from .topics import TopicPage

POPULAR_LIMIT = 6
POPULAR_WINDOW = timedelta(days=90)
RECENT_LIMIT = 5


class HomePage(Page):
    """The help center's front page, the root of the site's page tree."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two under the page title."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["helpcenter.TopicPage", "helpcenter.FAQPage", "helpcenter.ContactPage"]
    max_count = 1
    page_description = _("The help center's front page: holds topics, FAQ and contact pages.")

    class Meta:
        verbose_name = _("help center home page")

    def get_context(self, request, *args, **kwargs):
        """Lazy querysets: the template runs them only when its cached fragment is stale."""
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.listed_for(request)
        topics = TopicPage.objects.child_of(self).listed_for(request)
        context["topics"] = topics.with_article_counts(articles)
        since = timezone.now() - POPULAR_WINDOW
        context["popular_articles"] = articles.popular(since)[:POPULAR_LIMIT]
        context["recent_articles"] = articles.recently_updated()[:RECENT_LIMIT]
        context["faq_pages"] = FAQPage.objects.descendant_of(self).listed_for(request)
        return context
