"""Merging duplicates into the ticket that goes on."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from supportsite.signals import send_on_commit

from .. import signals
from ..choices import Status
from ..models import Attachment, Message, Ticket
from ..permissions import can_merge_across_customers, require, require_staff
from .base import save
from .status import set_status


@transaction.atomic
def merge(tickets, *, into, by, reason=""):
    """Merge duplicates into one ticket, which goes on: their threads and files move to it (each
    message keeping its time and author), and they close, linked to it by `merged_into`.

    Agents merge one customer's tickets; support admins may merge different customers' tickets,
    whose public messages then move as internal notes (one customer never reads another's
    words). Tickets merged before into one of these follow them to the target, so a number
    always leads to the ticket that goes on in one step. Each customer is told once.
    """
    require_staff(by)
    pks = {ticket.pk for ticket in tickets}
    if not pks:
        raise ValidationError({"tickets": _("Choose the tickets to merge.")})
    if into.pk in pks:
        raise ValidationError({"into": _("A ticket cannot be merged into itself.")})
    locked = list(
        Ticket.objects.select_for_update()
        .filter(pk__in=pks | {into.pk})
        .select_related("customer")
        .order_by("pk")
    )
    target = next(ticket for ticket in locked if ticket.pk == into.pk)
    sources = [ticket for ticket in locked if ticket.pk != into.pk]
    if target.merged_into_id or target.status == Status.CLOSED:
        raise ValidationError({"into": _("Choose a ticket that is not closed or merged.")})
    already = [ticket.number for ticket in sources if ticket.merged_into_id]
    if already:
        raise ValidationError(
            {"tickets": _("Already merged: %(numbers)s.") % {"numbers": ", ".join(already)}}
        )
    across = any(ticket.customer_id != target.customer_id for ticket in sources)
    if across:
        require(
            can_merge_across_customers(by),
            _("Only support admins may merge tickets of different customers."),
        )

    now = timezone.now()
    for source in sources:
        _move_thread(source, target, as_notes=source.customer_id != target.customer_id)
        if source.status != Status.CLOSED:
            set_status(source, Status.CLOSED, now=now)
        source.merged_into = target
        save(
            source,
            by=by,
            reason=reason.strip() or _("Merged into %(number)s") % {"number": target.number},
        )
    for earlier in Ticket.objects.filter(merged_into__in=sources):
        earlier.merged_into = target
        save(earlier, by=by, reason=_("Merged into %(number)s") % {"number": target.number})
    _follow_moved_messages(target)
    numbers = ", ".join(source.number for source in sources)
    save(
        target,
        by=by,
        reason=reason.strip() or _("Merged %(numbers)s into this ticket") % {"numbers": numbers},
    )
    for customer_tickets in _by_customer(target, sources):
        send_on_commit(
            signals.merged,
            Ticket,
            ticket=customer_tickets[0],
            by=by,
            into=target,
            merged=tuple(t for t in customer_tickets if t.pk != target.pk),
        )
    return target


def _move_thread(source, target, *, as_notes):
    """The source's request becomes a message of the target, at its time, with its files; then
    its messages and their files move as they are."""
    opening = Message.objects.create(
        ticket=target,
        author=source.customer,
        body=f"{source.subject}\n\n{source.description}",
        is_internal=as_notes,
        is_staff=False,
        source=source.source,
    )
    Message.objects.filter(pk=opening.pk).update(created_at=source.created_at)
    Attachment.objects.filter(ticket=source, message__isnull=True).update(message=opening)
    messages = Message.objects.filter(ticket=source)
    if as_notes:
        messages.update(ticket=target, is_internal=True)
    else:
        messages.update(ticket=target)
    Attachment.objects.filter(ticket=source).update(ticket=target)


def _follow_moved_messages(target):
    """The target's last messages from each side, now that others joined its thread."""
    public = Message.objects.filter(ticket=target, is_internal=False)
    target.last_customer_message_at = public.filter(is_staff=False).aggregate(
        last=Max("created_at")
    )["last"]
    target.last_staff_message_at = public.filter(is_staff=True).aggregate(last=Max("created_at"))[
        "last"
    ]


def _by_customer(target, sources):
    """For each customer whose tickets merged, the tickets to tell them about: the target
    first when it is theirs, else their first merged ticket."""
    groups = {}
    for source in sources:
        groups.setdefault(source.customer_id, []).append(source)
    if target.customer_id in groups:
        groups[target.customer_id].insert(0, target)
    return list(groups.values())
