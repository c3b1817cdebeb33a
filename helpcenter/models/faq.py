from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from helpcenter import seo

from .querysets import HelpPageQuerySet


class FAQCategory(models.Model):
    """A heading the questions of FAQ pages are grouped under (a snippet editors manage)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on FAQ pages.")
    )

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")

    def __str__(self):
        return self.name


class FAQPage(Page):
    """Frequently asked questions, grouped by category, each edited inline on the page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("faq_items", heading=_("Questions"), label=_("Question")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["helpcenter.HomePage"]
    subpage_types = []
    page_description = _("Questions and short answers, grouped by category.")

    objects = PageManager.from_queryset(HelpPageQuerySet)()

    class Meta:
        verbose_name = _("FAQ page")

    def active_items(self):
        """Active questions in category order; works on a preview's unsaved items too."""
        items = self.faq_items.filter(active=True).select_related("category")
        return sorted(items, key=_display_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.active_items()
        groups = {}
        for item in items:
            groups.setdefault(item.category, []).append(item)
        context["groups"] = list(groups.items())
        context["json_ld"] = seo.faq_json_ld(self, items, request)
        return context


def _display_order(item):
    category = item.category
    if category is None:
        return (1, 0, "", item.sort_order or 0)
    return (0, category.sort_order, category.name, item.sort_order or 0)


class FAQItem(index.Indexed, Orderable):
    """One question and its answer; found by the help center's search on its own."""

    page = ParentalKey(FAQPage, on_delete=models.CASCADE, related_name="faq_items")
    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ol", "ul"])
    category = models.ForeignKey(
        FAQCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive questions are kept but not shown.")
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("category", widget=forms.Select),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("answer"),
        index.FilterField("active"),
        index.FilterField("page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("FAQ item")
        verbose_name_plural = _("FAQ items")

    def __str__(self):
        return self.question

    @property
    def anchor(self):
        return f"faq-{self.pk}"
