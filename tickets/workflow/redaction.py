"""Redaction: an agent takes a passage out of a message (a card number, a password someone
pasted) or a file off a ticket, wherever the help desk keeps a copy of it.

A passage must occur in the message it is redacted from (a reply, an internal note, or the
ticket's opening: its subject and description, with the contact form's other fields). Every
occurrence becomes "[redacted]" (translated) there, in the ticket's resolution notes, in every
stored version of those fields (the ticket's history), in the incoming emails of the ticket,
and in the emails and in-app notifications sent about it (their app listens to
`text_redacted`). Other messages keep their text: each is redacted on its own. A removed file
keeps its row (name, type, size), so the thread still says a file was there; the file itself
leaves storage once the change commits. Both are announced by `redacted` for the audit log (the
privacy app records what kind of thing, how many copies, never the text) and kept in the
ticket's history, where agents see who did it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import signals
from ..models import Attachment, InboundEmail, Message, Ticket
from ..passages import replace_in
from ..permissions import can_redact
from .base import locked, save
from .files import remove_attachment_files

# The opening's fields (the customer's contact form), redacted as one message.
OPENING_FIELDS = ("subject", "description", "priority_justification")
# Staff's summary, which may quote any message: redacted with each.
SUMMARY_FIELDS = ("resolution_notes",)


def redacted_marker():
    """What a redacted passage reads as, in the language of the agent who redacted it."""
    return _("[redacted]")


def _check(by, ticket):
    if not can_redact(by, ticket):
        raise PermissionDenied(_("You may not redact this ticket's messages."))


def redactable_texts(ticket, message=None):
    """The texts a passage of this message (None: the ticket's opening) must occur in."""
    if message is not None:
        return [message.body]
    texts = [getattr(ticket, name) for name in OPENING_FIELDS]
    return texts + [str(value) for value in ticket.extra_fields.values()]


def checked_passage(passage, texts):
    """The passage to redact, trimmed; a ValidationError on `passage` unless it occurs in one
    of the texts. Forms ask it before their confirmation step, the workflow again."""
    passage = (passage or "").strip()
    if not passage:
        error = ValidationError(_("Paste the words to redact."), code="required")
        raise ValidationError({"passage": error})
    if not any(passage in text for text in texts):
        error = ValidationError(
            _("These words are not in the message. Copy them from it exactly as written."),
            code="not_found",
        )
        raise ValidationError({"passage": error})
    return passage


@transaction.atomic
def redact_message(message, passage, *, by):
    """Replace every occurrence of the passage in a reply or note, and in the ticket's copies of
    it (see the module's docstring); return the message as it now reads."""
    ticket = locked(message.ticket)
    _check(by, ticket)
    message = Message.objects.select_for_update().get(pk=message.pk, ticket=ticket)
    passage = checked_passage(passage, redactable_texts(ticket, message))
    marker = redacted_marker()
    occurrences = message.body.count(passage)
    message.body = message.body.replace(passage, marker)
    Message.objects.filter(pk=message.pk).update(body=message.body)
    copies = _redact_ticket(ticket, passage, marker, fields=SUMMARY_FIELDS, by=by)
    _log(
        ticket,
        by,
        subject_user_id=message.author_id,
        what="internal_note" if message.is_internal else "message",
        message=message.pk,
        occurrences=occurrences,
        copies=copies,
    )
    return message


@transaction.atomic
def redact_opening(ticket, passage, *, by):
    """Replace every occurrence of the passage in the ticket's opening (subject, description,
    the contact form's fields) and in its copies; return the ticket."""
    ticket = locked(ticket)
    _check(by, ticket)
    texts = redactable_texts(ticket)
    passage = checked_passage(passage, texts)
    marker = redacted_marker()
    occurrences = sum(text.count(passage) for text in texts)
    copies = _redact_ticket(
        ticket, passage, marker, fields=OPENING_FIELDS + SUMMARY_FIELDS, extra_fields=True, by=by
    )
    _log(
        ticket,
        by,
        subject_user_id=ticket.customer_id,
        what="opening",
        message=None,
        occurrences=occurrences,
        copies=copies,
    )
    return ticket


def _redact_ticket(ticket, passage, marker, *, fields, by, extra_fields=False):
    """The passage replaced in the ticket's `fields` (and custom fields), their every version,
    its incoming emails and, by `text_redacted`, the notifications' copies; saved with a
    reason for the timeline. Returns how many rows of each kind changed."""
    versions = replace_in(Ticket.history.filter(id=ticket.pk), passage, marker, fields=fields)
    if extra_fields:
        versions += _redact_extra_fields(ticket, passage, marker)
    for name in fields:
        limit = Ticket._meta.get_field(name).max_length
        value = getattr(ticket, name).replace(passage, marker)
        setattr(ticket, name, value[:limit] if limit else value)
    if extra_fields:
        ticket.extra_fields = _replaced_values(ticket.extra_fields, passage, marker)
    copies = {
        "history_versions": versions,
        "incoming_emails": replace_in(
            InboundEmail.objects.filter(ticket=ticket),
            passage,
            marker,
            fields=("subject", "body_text"),
        ),
    }
    for _receiver, counted in signals.text_redacted.send(
        Ticket, ticket=ticket, by=by, passage=passage, marker=marker
    ):
        copies.update(counted or {})
    save(ticket, by=by, reason=_("Passage redacted"))
    return copies


def _replaced_values(fields, passage, marker):
    return {
        label: value.replace(passage, marker) if isinstance(value, str) else value
        for label, value in (fields or {}).items()
    }


def _redact_extra_fields(ticket, passage, marker):
    """The custom fields of every version (JSON, so read and written here); their count."""
    versions = [
        version
        for version in Ticket.history.filter(id=ticket.pk).only("history_id", "extra_fields")
        if any(passage in str(value) for value in (version.extra_fields or {}).values())
    ]
    for version in versions:
        version.extra_fields = _replaced_values(version.extra_fields, passage, marker)
    Ticket.history.model._base_manager.bulk_update(versions, ["extra_fields"])
    return len(versions)


@transaction.atomic
def redact_attachment(attachment, *, by):
    """Remove an attachment's file from storage (once committed), keeping its row as "File
    removed" in the thread; return the attachment."""
    ticket = locked(attachment.ticket)
    _check(by, ticket)
    attachment = Attachment.objects.get(pk=attachment.pk, ticket=ticket)
    removed = remove_attachment_files(
        Attachment.objects.filter(pk=attachment.pk), removal=Attachment.Removal.REDACTED, limit=1
    )
    if not removed:
        raise ValidationError(_("This file was removed already."), code="removed")
    attachment.refresh_from_db()
    save(ticket, by=by, reason=_("File removed: %(name)s") % {"name": attachment.original_name})
    _log(
        ticket,
        by,
        subject_user_id=attachment.uploaded_by_id,
        what="attachment",
        attachment=attachment.pk,
        content_type=attachment.content_type,
        size=attachment.size,
    )
    return attachment


def _log(ticket, by, *, subject_user_id, **details):
    """Announce the redaction for the audit log (privacy records it, in this transaction)."""
    signals.redacted.send(
        sender=Ticket, ticket=ticket, by=by, subject_user_id=subject_user_id, details=details
    )
