"""Messages on a ticket: replies and internal notes, and who has read the thread."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.roles import is_agent
from supportsite.signals import send_on_commit
from tickets import limits

from .. import signals
from ..attachments import check_uploads
from ..card_numbers import masked
from ..choices import Source, Status
from ..models import Message, Ticket, TicketReadState
from ..permissions import can_view_ticket, require
from .base import check_rate, locked, save, store_attachments
from .status import set_status


def _check_reply_rate(author):
    check_rate(
        author,
        group="tickets.post_message",
        per_hour=limits.REPLIES_PER_HOUR,
        message=ngettext(
            "You have sent %(count)d reply in the last hour. Please wait a little.",
            "You have sent %(count)d replies in the last hour. Please wait a little.",
            limits.REPLIES_PER_HOUR,
        )
        % {"count": limits.REPLIES_PER_HOUR},
    )


@transaction.atomic
def post_message(ticket, *, author, body, internal=False, attachments=(), source=Source.WEB):
    """Add a public reply or (staff only) an internal note, moving the status as replies do.

    Customers' replies are limited to so many an hour (limits.REPLIES_PER_HOUR), by any way in.
    """
    ticket = locked(ticket)
    if not can_view_ticket(author, ticket):
        raise PermissionDenied(_("You cannot reply to this ticket."))
    staff = is_agent(author)
    if internal:
        require(staff, _("Only support staff may write internal notes."))
    if ticket.status == Status.CLOSED and not internal:
        raise ValidationError(
            {"body": _("This ticket is closed. Please open a new ticket to continue.")},
            code="closed",
        )
    message = Message(
        ticket=ticket,
        author=author,
        # Card numbers in a customer's words are masked before anything stores them.
        body=body.strip() if staff else masked(body.strip()),
        is_internal=internal,
        is_staff=staff,
        source=source,
    )
    errors = {}
    try:
        message.full_clean(exclude=["ticket", "author"])
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        checked = check_uploads(attachments)
    except ValidationError as error:
        errors["attachments"] = error.messages
    if errors:
        raise ValidationError(errors)
    if not staff:
        _check_reply_rate(author)
    message.save()
    store_attachments(checked, ticket=ticket, message=message, by=author)

    now = message.created_at
    if not internal:
        _after_public_reply(ticket, author=author, staff=staff, now=now)
    mark_read(ticket, author, at=now)
    send_on_commit(signals.message_posted, Message, ticket=ticket, by=author, message=message)
    return message


def _after_public_reply(ticket, *, author, staff, now):
    reason = None
    if staff:
        ticket.last_staff_message_at = now
        if ticket.first_response_at is None:
            ticket.first_response_at = now
            reason = _("First response")
        if ticket.status == Status.OPEN:
            set_status(ticket, Status.IN_PROGRESS, now=now)
            reason = _("Staff replied")
    else:
        ticket.last_customer_message_at = now
        if ticket.status == Status.WAITING_ON_CUSTOMER:
            set_status(ticket, Status.IN_PROGRESS, now=now)
            reason = _("Customer replied")
        elif ticket.status == Status.RESOLVED:
            reopened = Status.IN_PROGRESS if ticket.assignee_id else Status.OPEN
            set_status(ticket, reopened, now=now)
            reason = _("Customer replied after resolution: reopened")
    if reason:
        save(ticket, by=author, reason=reason)
    else:
        Ticket.objects.filter(pk=ticket.pk).update(
            last_staff_message_at=ticket.last_staff_message_at,
            last_customer_message_at=ticket.last_customer_message_at,
            updated_at=now,
        )


def mark_read(ticket, user, at=None):
    """Remember when this user last read the thread (one upsert). A ticket read for this user
    with its `unread` mark (selectors.with_unread) that shows nothing unread needs no write:
    only the other side's messages make a ticket unread, and none came since."""
    if at is None and getattr(ticket, "unread", None) is False:
        return
    TicketReadState.objects.bulk_create(
        [TicketReadState(ticket=ticket, user=user, last_read_at=at or timezone.now())],
        update_conflicts=True,
        unique_fields=["ticket", "user"],
        update_fields=["last_read_at"],
    )
