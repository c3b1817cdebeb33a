"""The ticket's history as agents read it: who changed what, when and why (tickets.history)."""

from accounts.models import User
from tickets import history
from tickets.models import Ticket


def ticket_timeline(ticket):
    """Entries newest first, each {at, user, reason, changes: [(label, old, new)]}, in 1 query."""
    return [
        {
            "at": revision.at,
            "user": revision.by,
            "reason": revision.reason,
            "changes": [_row(change) for change in revision.changes],
        }
        for revision in reversed(history.revisions(ticket))
    ]


def _row(change):
    label = Ticket._meta.get_field(change.field).verbose_name
    return label, _show(change.field, change.old), _show(change.field, change.new)


def _show(name, value):
    if value in (None, ""):
        return "—"
    if isinstance(value, User):
        return value.get_full_name()
    if isinstance(value, Ticket):
        return value.number
    field = Ticket._meta.get_field(name)
    return dict(field.flatchoices)[value] if field.choices else str(value)
