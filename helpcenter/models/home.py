from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from helpcenter import selectors


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

    class Meta:
        verbose_name = _("help center home page")

    def get_context(self, request, *args, **kwargs):
        """Lazy querysets: the template runs them only when its cached fragment is stale."""
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = selectors.topics_with_article_counts(self, request)
        context["popular_articles"] = selectors.popular_articles(request)
        context["recent_articles"] = selectors.recent_articles(request)
        context["faq_pages"] = selectors.faq_pages(self, request)
        return context
