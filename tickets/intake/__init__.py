"""Email intake: the one way into the help desk by email. The anymail inbound webhook
(tickets.intake.receivers) and `manage.py ingest_email` both hand each message to `ingest`.

An answer to a ticket, from someone who may answer it, becomes a reply through the workflow
(quoted history and signature stripped, files kept after the web's checks); an answer to a closed
ticket opens a follow-up ticket; anything else from a person opens a ticket with source "email",
for a new customer account if the address is new. Machines' mail (auto-replies, bulk mail,
bounces, our own) is ignored; a Message-ID seen before is dropped; anything doubtful (a stranger
on someone else's ticket, spam, what the workflow refuses) is held for an agent. Every message
leaves one InboundEmail saying what became of it and why.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tickets import limits, workflow
from tickets.attachments import check_uploads
from tickets.choices import Source
from tickets.models import InboundEmail, Message
from tickets.models.tickets import DESCRIPTION_MAX, SUBJECT_MAX, SUBJECT_MIN
from tickets.permissions import can_view_ticket

from . import parsing, quotes, routing, senders

Outcome = InboundEmail.Outcome
REPLY_PREFIXES = re.compile(r"^\s*((re|fw|fwd|aw|wg|tr|sv|vs|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)


def ingest(message, *, channel):
    """Take in one AnymailInboundMessage; return (its InboundEmail, False if seen before)."""
    with transaction.atomic():
        record, created = InboundEmail.objects.get_or_create(
            message_id=parsing.message_id_of(message),
            defaults={"channel": channel[:40], "outcome": Outcome.IGNORED},
        )
        if created:
            _take_in(message, record)
            record.save()
    return record, created


def _take_in(message, record):
    try:
        mail = parsing.read(message)
    except ValueError as error:
        record.outcome, record.reason = Outcome.IGNORED, str(error)
        return
    record.from_email, record.from_name = mail.sender[:254], mail.sender_name
    record.to = ", ".join(mail.recipients)
    record.subject = mail.subject[:255]
    record.body_text = mail.text[:100_000]
    record.attachment_names = [upload.name for upload in mail.attachments]
    if mail.skip_reason:
        record.outcome, record.reason = Outcome.IGNORED, mail.skip_reason
        return
    if mail.spam:
        record.outcome, record.reason = Outcome.HELD, _("Marked as spam by the mail provider.")
        return
    ticket = routing.ticket_answered_by(mail)
    user = senders.known_user(mail.sender)
    if user is not None and not user.is_active:
        record.outcome, record.reason = Outcome.HELD, _("The sender's account is deactivated.")
        record.ticket = ticket
    elif ticket is None:
        _open(mail, record, customer=user)
    elif user is None or not can_view_ticket(user, ticket):
        record.outcome, record.ticket = Outcome.HELD, ticket
        record.reason = _("%(sender)s may not answer ticket %(number)s.") % {
            "sender": mail.sender,
            "number": ticket.number,
        }
    else:
        _reply(mail, record, ticket=ticket, author=user)


def _reply(mail, record, *, ticket, author):
    if ticket.is_closed and ticket.customer_id == author.pk:
        _open(mail, record, customer=author, previous=ticket)  # as the portal offers
        return
    text = quotes.strip_reply(mail.text)
    body, files = _content(text, mail.attachments, limit=limits.MESSAGE_MAX_LENGTH)
    record.ticket = ticket
    if not body:
        record.outcome, record.reason = Outcome.IGNORED, _("An empty reply: nothing to add.")
        return
    try:
        message = workflow.post_message(
            ticket, author=author, body=body, attachments=files, source=Source.EMAIL
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(record, error)
        return
    Message.objects.filter(pk=message.pk).update(email_message_id=mail.message_id)
    record.outcome, record.reply = Outcome.REPLY, message
    record.reason = _("Ticket %(number)s.") % {"number": ticket.number}


def _open(mail, record, *, customer, previous=None):
    """A new ticket; for an answer to a closed ticket, a follow-up linked to it."""
    text = quotes.strip_reply(mail.text) if previous else mail.text.strip()
    description, files = _content(text, mail.attachments, limit=DESCRIPTION_MAX)
    try:
        with transaction.atomic():
            customer = customer or senders.new_customer(mail.sender, mail.sender_name)
            ticket = workflow.open_ticket(
                customer=customer,
                subject=_subject(mail, description, previous),
                description=description,
                attachments=files,
                previous_ticket=previous,
                source=Source.EMAIL,
            )
    except (ValidationError, PermissionDenied) as error:
        record.ticket = previous
        _refused(record, error)
        return
    record.outcome, record.ticket = Outcome.NEW_TICKET, ticket
    if previous:
        record.reason = _("Ticket %(previous)s is closed: opened %(number)s to follow up.") % {
            "number": ticket.number,
            "previous": previous.number,
        }
    else:
        record.reason = _("Ticket %(number)s.") % {"number": ticket.number}


def _subject(mail, description, previous):
    if previous:
        return previous.subject
    subject = REPLY_PREFIXES.sub("", mail.subject).strip()
    if len(subject) < SUBJECT_MIN:
        first_line = next((line for line in description.splitlines() if line.strip()), "")
        subject = first_line.strip()
    if len(subject) < SUBJECT_MIN:
        subject = _("Email from %(sender)s") % {"sender": mail.sender}
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1].rstrip() + "…"


def _content(text, attachments, *, limit):
    """The text and files to hand the workflow: files the web would refuse are left out (and
    named in the text); text beyond the limit is cut, the whole of it attached as message.txt."""
    files, refused = [], []
    for upload in attachments:
        try:
            check_uploads([upload])
        except ValidationError as error:
            refused.extend(error.messages)
        else:
            files.append(upload)
    if refused:
        text = f"{text}\n\n{_('Files not accepted:')} {' '.join(refused)}".strip()
    if not text and files:
        text = _("(Sent files by email.)")
    if len(text) > limit:
        note = "\n\n" + _("[Cut short: the whole message is attached as message.txt.]")
        files.append(SimpleUploadedFile("message.txt", text.encode(), "text/plain"))
        text = text[: limit - len(note)].rstrip() + note
    return text, files


def _refused(record, error):
    record.outcome = Outcome.HELD
    record.reason = " ".join(getattr(error, "messages", None) or [str(error)])[:300]
