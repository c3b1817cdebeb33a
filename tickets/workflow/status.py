"""A ticket's status, priority and assignee, and what the SLA job changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_agent
from supportsite.signals import send_on_commit

from .. import signals
from ..choices import Priority, Status
from ..models import Team, Ticket
from ..permissions import can_reassign, can_take, require, require_staff
from ..sla.targets import follow_status, set_due_times
from ..transitions import check_transition
from .base import locked, save


def set_status(ticket, status, *, now):
    previous = ticket.status
    if status == Status.RESOLVED:
        ticket.resolved_at = now
    elif status == Status.CLOSED:
        ticket.closed_at = now
        ticket.resolved_at = ticket.resolved_at or now
    else:
        ticket.resolved_at = None
    ticket.status = status
    follow_status(ticket, previous, now=now)


@transaction.atomic
def change_status(ticket, *, by, status, reason="", resolution_notes=None):
    """Staff move a ticket along the transition table (tickets.transitions)."""
    require_staff(by)
    ticket = locked(ticket)
    check_transition(ticket.status, status)
    set_status(ticket, Status(status), now=timezone.now())
    if resolution_notes is not None:
        ticket.resolution_notes = resolution_notes.strip()
    save(
        ticket,
        by=by,
        reason=reason.strip()
        or _("Status changed to %(status)s") % {"status": ticket.get_status_display()},
    )
    send_on_commit(signals.status_changed, Ticket, ticket=ticket, by=by)
    return ticket


@transaction.atomic
def change_priority(ticket, *, by, priority, reason=""):
    require_staff(by)
    ticket = locked(ticket)
    if ticket.status == Status.CLOSED:
        raise ValidationError({"priority": _("A closed ticket cannot change priority.")})
    previous = ticket.priority
    ticket.priority = Priority(priority)
    set_due_times(ticket)
    save(
        ticket,
        by=by,
        reason=reason.strip()
        or _("Priority changed to %(priority)s") % {"priority": ticket.get_priority_display()},
    )
    send_on_commit(signals.priority_changed, Ticket, ticket=ticket, by=by, previous=previous)
    return ticket


@transaction.atomic
def assign(ticket, *, by, assignee, reason=""):
    """Agents take unassigned tickets and let go of their own; whether they may hand them to
    someone else, and who may take someone else's, is tickets.permissions' can_reassign. A
    ticket with a team is assigned to one of the team's members only."""
    require_staff(by)
    ticket = locked(ticket)
    if assignee is not None and not is_agent(assignee):
        raise ValidationError({"assignee": _("Tickets can only be assigned to support agents.")})
    if assignee is not None and not Team.objects.takes(ticket.team_id, assignee):
        raise ValidationError(
            {
                "assignee": _(
                    "%(name)s is not a member of the team %(team)s: move the ticket to their team "
                    "first, or choose a member."
                )
                % {"name": assignee.get_full_name(), "team": ticket.team}
            }
        )
    if assignee is not None and assignee.pk == by.pk:
        require(can_take(by, ticket), _("This ticket is already assigned to someone else."))
    elif not (assignee is None and ticket.assignee_id == by.pk):
        require(can_reassign(by, ticket), _("Only support admins may assign tickets to others."))
    previous = ticket.assignee_id
    ticket.assignee = assignee
    save(
        ticket,
        by=by,
        reason=reason.strip()
        or (
            _("Assigned to %(name)s") % {"name": assignee.get_full_name()}
            if assignee
            else _("Unassigned")
        ),
    )
    send_on_commit(signals.assigned, Ticket, ticket=ticket, by=by, previous=previous)
    return ticket


@transaction.atomic
def confirm_resolution(ticket, *, by):
    """The customer agrees the problem is solved: the ticket closes."""
    ticket = locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can confirm the resolution."))
    if ticket.status != Status.RESOLVED:
        raise ValidationError(_("Only a resolved ticket can be confirmed."), code="not_resolved")
    set_status(ticket, Status.CLOSED, now=timezone.now())
    save(ticket, by=by, reason=_("Customer confirmed the resolution"))
    send_on_commit(signals.resolution_confirmed, Ticket, ticket=ticket, by=by)
    return ticket


BREACH_FIELDS = {
    "first_response": "first_response_breached_at",
    "resolution": "resolution_breached_at",
}


@transaction.atomic
def record_breach(ticket, *, target, now):
    """Escalate a ticket whose SLA target has passed, once per target, whoever else tries too.

    The claim is one conditional UPDATE: of two schedulers racing, exactly one changes the row
    and goes on to write the history entry and alert the support admins.
    """
    field = BREACH_FIELDS[target]
    claimed = Ticket.objects.filter(pk=ticket.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )
    if not claimed:
        return False
    ticket = locked(ticket)
    ticket.escalated = True
    ticket.escalated_at = ticket.escalated_at or now
    reason = (
        _("First response target missed")
        if target == "first_response"
        else _("Resolution target missed")
    )
    save(ticket, by=None, reason=reason)
    send_on_commit(signals.sla_breached, Ticket, ticket=ticket, by=None, target=target)
    return True


@transaction.atomic
def close_resolved(ticket, *, now, after_days):
    """Close a ticket the customer never confirmed, some days after it was resolved."""
    ticket = locked(ticket)
    if ticket.status != Status.RESOLVED:
        return False
    set_status(ticket, Status.CLOSED, now=now)
    save(
        ticket,
        by=None,
        reason=_("Closed automatically %(days)d days after resolution") % {"days": after_days},
    )
    send_on_commit(signals.status_changed, Ticket, ticket=ticket, by=None)
    return True
