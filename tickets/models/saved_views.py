from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 2000


class SavedView(models.Model):
    """A named queue: the querystring of its filters, search and sort, as the queue's URL has
    them. Its owner's alone, or the team's when a support admin shares it."""

    name = models.CharField(_("name"), max_length=80)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="saved_ticket_views",
    )
    shared = models.BooleanField(
        _("shared with the team"), default=False, help_text=_("All support staff see it.")
    )
    query = models.CharField(_("filters"), max_length=QUERY_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="tickets_savedview_unique_name")
        ]

    def __str__(self):
        return self.name
