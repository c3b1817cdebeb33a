from django.db import models
from django.utils.translation import gettext_lazy as _


class Deflection(models.Model):
    """A help article a visitor opened from the contact form's suggestions.

    It counts as a deflection while `ticket` stays empty: the article answered them.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    session_key = models.CharField(max_length=64, db_index=True)
    query = models.CharField(_("typed subject"), max_length=200, blank=True)
    ticket = models.ForeignKey(
        "tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["page", "opened_at"])]
        verbose_name = _("deflection")
        verbose_name_plural = _("deflections")

    def __str__(self):
        return f"{self.page_id} @ {self.opened_at:%Y-%m-%d %H:%M}"
