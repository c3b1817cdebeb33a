"""Email intake: the one way into the help desk by email. The anymail inbound webhook
(tickets.intake.receivers) and `manage.py ingest_email` both hand each message to `ingest`.

An answer becomes a reply through the workflow (quoted history and signature stripped, files
kept after the web's checks) only from a participant of the ticket (permissions.is_participant:
its customer, or an address copied on it, whose answer is posted as the account of that
address, one made for it if there is none) and only when proven: sent to the ticket's signed
reply address (a CC's own, signed for their address), or naming the ticket (our Message-IDs, its
number) in mail that passes authentication (authentication.py). An answer to a closed ticket
opens a follow-up ticket; anything else from a person opens a ticket with source "email", for a
new customer account if the address is new, however short its text (the web form's minimum
lengths are not asked of email; with no subject, the first words of the text). The addresses in
its Cc field (never ours, at most limits.CC_MAX on a ticket) are copied on the ticket it opens
or answers. Machines' mail (auto-replies, bulk mail, bounces, our own) is ignored; a Message-ID
seen before is dropped; anything doubtful (a stranger or unproven sender on a ticket, a reply
address that does not verify, mail from staff, who answer in the admin or the API, spam, what
the workflow refuses) is held for an agent, and touches no ticket and emails nobody. Every
message leaves one InboundEmail saying what became of it and why.
"""

import re
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.roles import is_agent
from tickets import limits, workflow
from tickets.attachments import check_uploads, clean_name
from tickets.choices import Source
from tickets.models import InboundEmail, Message
from tickets.models.tickets import DESCRIPTION_MAX, SUBJECT_MAX
from tickets.permissions import is_copied_address, is_participant

from ..card_numbers import masked
from . import authentication, parsing, quotes, routing, senders

Outcome = InboundEmail.Outcome
# A subject taken from the text of an email that had none: its first words, up to this length.
SUBJECT_SUBSTITUTE_LENGTH = 60
REPLY_PREFIXES = re.compile(r"^\s*((re|fw|fwd|aw|wg|tr|sv|vs|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)


def ingest(message, *, channel, esp_event=None):
    """Take in one AnymailInboundMessage; return (its InboundEmail, False if seen before).

    `channel` is the provider's name (anymail's esp_name) or "command"; `esp_event` is what the
    provider posted, where its own verdict on the sender is (tickets.intake.authentication)."""
    with transaction.atomic():
        record, created = InboundEmail.objects.get_or_create(
            message_id=parsing.message_id_of(message),
            defaults={"channel": channel[:40], "outcome": Outcome.IGNORED},
        )
        if created:
            _take_in(message, record, esp_event)
            record.save()
    return record, created


def _take_in(message, record, esp_event):
    try:
        mail = parsing.read(message)
    except ValueError as error:
        record.outcome, record.reason = Outcome.IGNORED, str(error)
        return
    # Card numbers masked before the email is stored or becomes a ticket (tickets.card_numbers).
    mail.subject, mail.text = masked(mail.subject), masked(mail.text)
    record.from_email, record.from_name = mail.sender[:254], mail.sender_name
    record.to = ", ".join(mail.recipients)
    record.subject = mail.subject[:255]
    record.body_text = mail.text[:100_000]
    record.attachment_names = [clean_name(upload.name) for upload in mail.attachments]
    if mail.skip_reason:
        record.outcome, record.reason = Outcome.IGNORED, mail.skip_reason
        return
    if mail.spam:
        record.outcome, record.reason = Outcome.HELD, _("Marked as spam by the mail provider.")
        return
    route = routing.route(mail)
    user = senders.known_user(mail.sender)
    record.ticket = route.ticket
    verdict = partial(
        authentication.verdict, message, mail.sender, channel=record.channel, esp_event=esp_event
    )
    reason = _doubt(mail, route, user, verdict)
    if reason:
        record.outcome, record.reason = Outcome.HELD, reason[:300]
    elif route.ticket is None:
        _open(mail, record, customer=user)
    else:
        _reply(mail, record, ticket=route.ticket, author=user)


def _doubt(mail, route, user, verdict):
    """Why the message must wait for an agent rather than touch a ticket (or ""). `verdict`
    gives the sender's authentication, asked only for a route anyone could copy."""
    params = {"sender": mail.sender, "number": route.ticket.number if route.ticket else ""}
    if user is not None and not user.is_active:
        return _("The sender's account is deactivated.")
    if user is not None and is_agent(user):
        if route.ticket is None:
            return (
                _(
                    "%(sender)s is a staff account, and staff email opens no ticket (anyone can "
                    "write from that address). To open one for a customer, use the admin."
                )
                % params
            )
        return (
            _(
                "%(sender)s is a staff account, and email never posts as staff (anyone can "
                "write from that address). Answer ticket %(number)s in the admin or the API."
            )
            % params
        )
    if route.unverified_address:
        return _(
            "Sent to %(address)s, a reply address we did not make (its code was changed or cut "
            "short): it may answer some ticket, so nothing was posted and no ticket opened."
        ) % {"address": route.unverified_address}
    if route.signed and route.ticket is None:
        return _("Sent to the reply address of a ticket that no longer exists.")
    if route.ticket is None:
        return ""
    if not _participant(mail.sender, user, route.ticket):
        return _("%(sender)s may not answer ticket %(number)s.") % params
    if route.signed:
        return ""
    checked = verdict()
    if checked.authenticated:
        return ""
    return _(
        "Names ticket %(number)s (by its number or as an answer to our email), but nothing "
        "proves %(sender)s sent it: %(evidence)s. Nothing was posted; if it is genuine, add it "
        "to the ticket yourself."
    ) % {**params, "evidence": checked.evidence}


def _participant(sender, user, ticket):
    if user is not None and is_participant(user, ticket):
        return True
    return (user is None or not is_agent(user)) and is_copied_address(sender, ticket)


def _reply(mail, record, *, ticket, author):
    if author is None or not is_participant(author, ticket):
        author = workflow.cc_author(
            ticket,
            mail.sender,
            new_account=partial(senders.new_customer, mail.sender, mail.sender_name),
        )
    if author is None:
        record.outcome = Outcome.HELD
        record.reason = _(
            "%(sender)s is copied on ticket %(number)s, but an account nobody confirmed has the "
            "address: nothing was posted."
        ) % {"sender": mail.sender, "number": ticket.number}
        return
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
    _copy_in(mail, record, ticket=ticket, by=author)


def _copy_in(mail, record, *, ticket, by):
    """The message's Cc addresses copied on the ticket; the log names those left out (ours, bad
    ones, and those past the limit)."""
    addresses = [address for address in mail.cc if address != mail.sender]
    if not addresses:
        return
    left_out = workflow.copy_in(ticket, addresses, by=by)
    if left_out:
        record.reason = (
            record.reason
            + " "
            + _("Not copied on the ticket: %(addresses)s.") % {"addresses": ", ".join(left_out)}
        )[:300]


def _open(mail, record, *, customer, previous=None):
    """A new ticket; for an answer to a closed ticket, a follow-up linked to it."""
    text = quotes.strip_reply(mail.text) if previous else mail.text.strip()
    description, files = _content(text, mail.attachments, limit=DESCRIPTION_MAX)
    # A request said in the subject alone ("Order never came!", no text) is its own text.
    description = description or REPLY_PREFIXES.sub("", mail.subject).strip()
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
    _copy_in(mail, record, ticket=ticket, by=customer)


def _subject(mail, description, previous):
    """The ticket's subject: the email's (without Re:/Fwd:), however short; with none, the
    first words of its text, as Zendesk does; with no text either, "(no subject)"."""
    if previous:
        return previous.subject
    subject = REPLY_PREFIXES.sub("", mail.subject).strip()
    if not subject:
        first_line = next((line for line in description.splitlines() if line.strip()), "")
        subject = _first_words(first_line.strip())
    if not subject:
        subject = _("(no subject)")
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1].rstrip() + "…"


def _first_words(text, length=SUBJECT_SUBSTITUTE_LENGTH):
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


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
