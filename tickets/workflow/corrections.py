"""Staff set a misfiled ticket right."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from supportsite.signals import send_on_commit
from tickets import limits

from .. import signals
from ..models import Team, Ticket
from ..permissions import require_staff, visible_orders
from ..sla.targets import set_due_times
from .base import locked, save

# What staff may correct on a ticket: the admin's "Correct details" form and the API's PATCH
# offer these fields.
CORRECTABLE_FIELDS = (
    "category",
    "team",
    "subject",
    "order",
    "resolution_notes",
    "escalated",
    "extra_fields",
)


@transaction.atomic
def correct(ticket, *, by, reason, **changes):
    """Staff set a misfiled ticket right: any of CORRECTABLE_FIELDS, with a reason.

    Fields given at their current value are left alone; when none changes, nothing happens.
    Escalating by hand stamps `escalated_at` as the SLA job does; de-escalating clears it.
    Moving the ticket to another team unassigns it when its assignee is not a member of that team,
    and restarts its SLA targets in the team's hours (so does a new category: its priority).
    `extra_fields` names some of the ticket's custom fields (the contact form's, by label) with
    their new values as text; the others keep theirs.
    """
    require_staff(by)
    errors = {
        name: _("This field cannot be corrected.")
        for name in changes
        if name not in CORRECTABLE_FIELDS
    }
    if errors:
        raise ValidationError(errors)
    ticket = locked(ticket)
    if ticket.merged_into_id:
        raise ValidationError(
            _("This ticket was merged into %(number)s: correct that one.")
            % {"number": ticket.merged_into.number},
            code="merged",
        )
    for name in ("subject", "resolution_notes"):
        if name in changes:
            changes[name] = (changes[name] or "").strip()
    order = changes.get("order")
    if order is not None and not visible_orders(ticket.customer).filter(pk=order.pk).exists():
        errors["order"] = _("Choose one of the customer's orders (or their organisation's).")
    team = changes.get("team")
    if team is not None and not isinstance(team, Team):
        errors["team"] = _("Choose one of the teams.")
    if "extra_fields" in changes:
        extra, error = _corrected_extra_fields(ticket, changes["extra_fields"])
        if error:
            errors["extra_fields"] = error
        else:
            changes["extra_fields"] = extra
    changed = {
        name: value
        for name, value in changes.items()
        if name not in errors and _value_of(ticket, name) != _value_key(value)
    }
    if not changed and not errors:
        return ticket
    if not str(reason or "").strip():
        errors["reason"] = _("Say why you correct this ticket: it goes into its history.")
    previous_team = ticket.team_id
    for name, value in changed.items():
        setattr(ticket, name, value)
    try:
        ticket.clean_fields(exclude=[f.name for f in Ticket._meta.fields if f.name not in changed])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    if "escalated" in changed:
        ticket.escalated_at = timezone.now() if ticket.escalated else None
    if (
        "team" in changed
        and ticket.assignee_id
        and not Team.objects.takes(ticket.team_id, ticket.assignee_id)
    ):
        ticket.assignee = None
        changed["assignee"] = None
    if "category" in changed or "team" in changed:
        set_due_times(ticket)
    save(ticket, by=by, reason=reason.strip())
    send_on_commit(signals.corrected, Ticket, ticket=ticket, by=by, fields=tuple(changed))
    if "team" in changed:
        send_on_commit(signals.team_changed, Ticket, ticket=ticket, by=by, previous=previous_team)
    return ticket


def change_team(ticket, team, *, by, reason):
    """Hand the ticket to another team (or to none), with a reason: a correction of its team."""
    return correct(ticket, by=by, reason=reason, team=team)


def _corrected_extra_fields(ticket, given):
    """The ticket's custom fields with the given ones' new values, or an error."""
    if not isinstance(given, dict):
        return None, _("Name the custom fields with their new values.")
    unknown = sorted(str(label) for label in given if label not in ticket.extra_fields)
    if unknown:
        return None, _("This ticket has no field named %(labels)s.") % {
            "labels": ", ".join(unknown)
        }
    values = {label: str(value or "").strip() for label, value in given.items()}
    if any(len(value) > limits.EXTRA_FIELD_MAX_LENGTH for value in values.values()):
        return None, _("Keep each field under %(max)d characters.") % {
            "max": limits.EXTRA_FIELD_MAX_LENGTH
        }
    return {**ticket.extra_fields, **values}, None


def _value_of(ticket, name):
    field = Ticket._meta.get_field(name)
    return getattr(ticket, field.attname)


def _value_key(value):
    """What a field holds for `value`: a related object's primary key, else the value."""
    return getattr(value, "pk", value)
