from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleFeedback(models.Model):
    """A visitor's answer to "Was this article helpful?": one per visitor per article."""

    page = models.ForeignKey(
        "helpcenter.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    visitor = models.CharField(
        _("visitor"),
        max_length=64,
        help_text=_(
            "The signed-in user, or a random token kept in an anonymous visitor's session."
        ),
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("first answered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor"], name="one_vote_per_visitor")
        ]
        indexes = [models.Index(fields=["page", "helpful"])]
        ordering = ["-updated_at"]
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")

    def __str__(self):
        return f"{self.page}: {_('yes') if self.helpful else _('no')}"
