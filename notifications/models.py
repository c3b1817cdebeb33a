"""What the notifications app stores: in-app notices and the emails it sends.

Both models were born in the tickets app and keep its tables (Meta.db_table), so moving them
here changed no row (migrations 0001 and 0002).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import kinds


class Notification(models.Model):
    """One in-app notice for one user, about a ticket or (agent applications) about nothing in
    particular: the site's bell and the admin menu count the unread ones."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="ticket_notifications",
    )
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kinds.choices)
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        db_table = "tickets_notification"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="tickets_notification_unread",
            ),
        ]

    def __str__(self):
        return self.text


# Still holding its text: the retention schedule empties old emails' bodies and keeps the row.
HAS_TEXT = ~models.Q(body_text="", body_html="")


class EmailDelivery(models.Model):
    """One email to one address, rendered once and sent by a background task: its state is what
    admins watch (and resend) when the provider fails."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=40, choices=kinds.choices)
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="email_deliveries",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to = models.CharField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"))
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    references = models.CharField(_("references"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "tickets_emaildelivery"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["ticket", "created_at"]),
            # The emails whose text the retention schedule has yet to empty (privacy.retention):
            # those already emptied leave the index, so each run reads only what is left.
            models.Index(
                fields=["created_at"],
                name="emaildelivery_has_text_idx",
                condition=HAS_TEXT,
            ),
        ]
        permissions = [("resend_emaildelivery", _("Can resend outgoing emails"))]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @property
    def has_text(self):
        """False once the retention schedule emptied it: nothing is left to send again."""
        return bool(self.body_text or self.body_html)
