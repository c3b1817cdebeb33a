"""Help-center panels in the Wagtail admin: an article's "Feedback and health" tab, and the
dashboard's lists of articles due for review and of readers' latest "No" with a comment."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.admin.ui.components import Component

from . import feedback, health, models

RECENT_COMMENTS = 5
DUE_ON_DASHBOARD = 5
UNHELPFUL_ON_DASHBOARD = 5


class ArticleInsightsPanel(Panel):
    """What readers said about this article, and whether it still stops tickets."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "helpcenter/admin/article_insights_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            if page.pk:
                votes = page.feedback.all()
                context.update(
                    {
                        "votes": feedback.summarize(votes),
                        "comments": list(votes.exclude(comment="")[:RECENT_COMMENTS]),
                        "comments_url": reverse("helpcenter_reports:comments") + f"?page={page.pk}",
                        "deflections": health.deflection_summary(page),
                        "review_by": page.review_by,
                        "review_state": health.review_state(page.review_by),
                        "health_url": reverse("helpcenter_reports:content_health"),
                    }
                )
            return context


def article_edit_handler():
    """An article's tabs, the "Feedback and health" one last.

    Set as ArticlePage.edit_handler in apps.py, the way wagtail.admin attaches the page editor to
    wagtail.models: the page model imports no admin code.
    """
    page = models.ArticlePage
    return TabbedInterface(
        [
            ObjectList(page.content_panels, heading=_("Content")),
            ObjectList(page.promote_panels, heading=_("Promote")),
            ObjectList(page.settings_panels, heading=_("Settings")),
            ObjectList([ArticleInsightsPanel()], heading=_("Feedback and health")),
        ]
    )


class ReviewDuePanel(Component):
    """Dashboard: the articles whose review date has come, oldest first."""

    name = "helpcenter_review_due"
    template_name = "helpcenter/admin/review_due_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        due = models.ArticlePage.objects.filter(review_by__lte=timezone.localdate())
        return {
            "articles": list(due.order_by("review_by", "title")[:DUE_ON_DASHBOARD]),
            "total": due.count(),
            "report_url": reverse("helpcenter_reports:content_health") + "?review=overdue",
        }


class UnhelpfulCommentsPanel(Component):
    """Dashboard: the latest readers who found an article unhelpful and said why, in one query."""

    name = "helpcenter_unhelpful_comments"
    template_name = "helpcenter/admin/unhelpful_comments_panel.html"
    order = 170

    def get_context_data(self, parent_context=None):
        votes = (
            models.ArticleFeedback.objects.filter(helpful=False)
            .exclude(comment="")
            .select_related("page")
            .order_by("-updated_at", "-pk")
        )
        return {
            "votes": list(votes[:UNHELPFUL_ON_DASHBOARD]),
            "report_url": reverse("helpcenter_reports:comments") + "?helpful=false",
        }
