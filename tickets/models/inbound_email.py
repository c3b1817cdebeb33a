from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InboundEmail(models.Model):
    """Every message email intake received, once per Message-ID: what it became and why. Held
    messages wait here for an agent."""

    class Outcome(models.TextChoices):
        REPLY = "reply", _("Added as a reply")
        NEW_TICKET = "new_ticket", _("Opened a ticket")
        IGNORED = "ignored", _("Ignored")
        HELD = "held", _("Held for review")

    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    channel = models.CharField(_("received through"), max_length=40)
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    from_name = models.CharField(_("sender name"), max_length=200, blank=True)
    to = models.TextField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("text"), blank=True)
    attachment_names = models.JSONField(_("attachments"), default=list, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbound_emails",
    )
    reply = models.ForeignKey(
        "tickets.Message",
        verbose_name=_("reply"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("incoming email")
        verbose_name_plural = _("incoming emails")
        indexes = [
            models.Index(fields=["outcome", "reviewed_at"]),
            # The retention schedule finds the old ones (privacy.retention).
            models.Index(fields=["received_at"], name="tickets_inbound_received_idx"),
        ]

    def __str__(self):
        return f"{self.from_email}: {self.subject}"
