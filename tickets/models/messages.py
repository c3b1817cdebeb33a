import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tickets import limits
from tickets.choices import Source


class Message(models.Model):
    """One entry in a ticket's thread: a public reply, or an internal note only staff see."""

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="ticket_messages",
    )
    body = models.TextField(
        _("message"),
        validators=[
            MinLengthValidator(limits.MESSAGE_MIN_LENGTH),
            MaxLengthValidator(limits.MESSAGE_MAX_LENGTH),
        ],
    )
    is_internal = models.BooleanField(_("internal note"), default=False)
    is_staff = models.BooleanField(
        _("from staff"), default=False, help_text=_("The author worked for support when writing.")
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WEB
    )
    email_message_id = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["ticket", "is_internal", "created_at"])]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.ticket.number} #{self.pk}"


def attachments_storage():
    return storages["attachments"]


def attachment_path(instance, filename):
    """A random name in a per-ticket folder: the customer's file name never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"tickets/{instance.ticket_id}/{secrets.token_urlsafe(24)}{suffix}"


class Attachment(models.Model):
    """A file on a ticket (with its message, if any); served only by the permission-checked view.

    A file removed from storage (the retention schedules, privacy.retention; or redacted by an
    agent, tickets.workflow.redaction) keeps its row, name and size, so the thread says what was
    there and why it is gone."""

    class Removal(models.TextChoices):
        RETENTION = "retention", _("removed under the retention policy")
        REDACTED = "redacted", _("removed by the support team")

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, storage=attachments_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    removed = models.CharField(
        _("file removed"), max_length=12, choices=Removal.choices, blank=True, editable=False
    )
    removed_at = models.DateTimeField(_("file removed at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("tickets:attachment", args=[self.ticket.number, self.pk])
