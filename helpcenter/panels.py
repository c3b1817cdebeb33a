"""The "Feedback and health" tab of an article in the Wagtail admin."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from . import feedback, health

RECENT_COMMENTS = 5


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
                        "review_state": health.review_state(page.review_by),
                        "health_url": reverse("helpcenter_reports:content_health"),
                    }
                )
            return context
