from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class PrivacyAction(models.Model):
    """The audit log of what was done to personal data: who did it, when, to which account or
    ticket, and what was removed (counts and kinds, never the removed values themselves)."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Data exported")
        ERASE = "erase", _("Account erased")
        ANONYMISE = "anonymise", _("Ticket anonymised")
        REDACT = "redact", _("Passage or file redacted")
        RETENTION = "retention", _("Retention schedule applied")

    kind = models.CharField(_("action"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when a scheduled job did it."),
    )
    # The account by its number only: an erased person's address must not survive here.
    subject_user_id = models.PositiveBigIntegerField(_("account number"), null=True, blank=True)
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    details = models.JSONField(_("what was done"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("privacy action")
        verbose_name_plural = _("privacy actions")
        indexes = [models.Index(fields=["kind", "at"])]
        permissions = [
            ("export_personal_data", _("Can export a customer's data")),
            ("erase_personal_data", _("Can erase a customer's data")),
            ("redact_personal_data", _("Can redact messages and attachments")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d})"


@register_setting(icon="lock")
class RetentionSettings(BaseGenericSetting):
    """How long personal data is kept; empty keeps it forever. The periodic retention job
    (privacy.retention) applies these in bounded batches."""

    closed_ticket_attachments_days = models.PositiveIntegerField(
        _("delete closed tickets' attachments after (days)"),
        null=True,
        blank=True,
        default=365,
        help_text=_(
            "Counted from the day a ticket was closed. The files leave storage; the ticket "
            "still lists their names, marked as removed under the retention policy. Empty: "
            "keep them forever."
        ),
    )
    closed_ticket_anonymise_days = models.PositiveIntegerField(
        _("anonymise closed tickets after (days)"),
        null=True,
        blank=True,
        default=None,
        help_text=_(
            "Counted from the day a ticket was closed. Their customers' messages, files and "
            "names go; numbers and figures stay. Empty: never."
        ),
    )
    inbound_email_days = models.PositiveIntegerField(
        _("keep incoming emails (days)"),
        null=True,
        blank=True,
        default=90,
        help_text=_(
            "The raw emails the help desk received (Email › Incoming). Their replies and "
            "tickets stay; held emails nobody has reviewed yet are kept until someone does. "
            "Empty: keep them forever."
        ),
    )
    outgoing_email_days = models.PositiveIntegerField(
        _("keep outgoing emails' text (days)"),
        null=True,
        blank=True,
        default=90,
        help_text=_(
            "The text of sent and failed emails is emptied; who they went to and when stay "
            "for the delivery figures, and they can no longer be sent again. Empty: keep it "
            "forever."
        ),
    )
    sign_in_trace_days = models.PositiveIntegerField(
        _("keep failed sign-in and rate-limit traces (days)"),
        default=1,
        help_text=_(
            "Days after they expire that expired sessions and failed sign-in or rate-limit "
            "counters are deleted (0: as soon as they expire). The counters themselves last "
            "only as long as their limit's window."
        ),
    )

    class Meta:
        verbose_name = _("data retention")


class DataExport(models.Model):
    """One copy of a customer's data (privacy.export), asked for on their account page or by a
    support admin: a ZIP in the private attachments storage until `expires_at`, then deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked for by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)
    file = models.CharField(_("file"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        indexes = [
            models.Index(fields=["user", "-requested_at"]),
            models.Index(fields=["expires_at"]),
        ]

    def __str__(self):
        return f"{self.user_id} ({self.requested_at:%Y-%m-%d})"
