"""Who else is on a ticket besides its customer: the people copied on it (CCs) and the agents
following it. Change them only through tickets.workflow (participants.py)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class TicketCC(models.Model):
    """Someone copied on a ticket: an email address (lower case), and the account that has it as
    its email or a verified address, when there is one (then they see the ticket in the portal).
    CCs are told of public replies and of the ticket's resolution; never of internal notes."""

    ticket = models.ForeignKey(
        "tickets.Ticket", verbose_name=_("ticket"), on_delete=models.CASCADE, related_name="ccs"
    )
    email = models.EmailField(_("email address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copied_on",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("CC")
        verbose_name_plural = _("CCs")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "email"], name="tickets_cc_unique"),
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")), name="tickets_cc_email_lower"
            ),
        ]
        indexes = [models.Index(fields=["user", "ticket"], name="tickets_cc_user_idx")]

    def __str__(self):
        return f"{self.email} on {self.ticket_id}"
