"""The ticket's history as agents read it: who changed what, when and why (tickets.history), and
the one stream the ticket view shows, messages and changes together, oldest first."""

from accounts.models import User
from tickets import history
from tickets.models import Ticket

MESSAGE, CHANGE = "message", "change"


def ticket_timeline(ticket, *, after=None):
    """Entries oldest first, each {id, at, user, reason, changes: [(label, old, new)]}, in 1
    query; `after` a history id: only the entries since."""
    return [
        {
            "id": revision.id,
            "at": revision.at,
            "user": revision.by,
            "reason": revision.reason,
            "changes": [row for change in revision.changes for row in _rows(change)],
        }
        for revision in history.revisions(ticket, after=after)
    ]


def activity(messages, entries):
    """Messages and timeline entries as one stream by time, oldest first: (kind, item) pairs."""
    items = [(message.created_at, MESSAGE, message) for message in messages]
    items += [(entry["at"], CHANGE, entry) for entry in entries]
    return [(kind, item) for _, kind, item in sorted(items, key=lambda item: item[0])]


def _rows(change):
    """(label, old, new) for the change; a custom field's under its own label, one each."""
    if change.field == "extra_fields":
        old, new = change.old or {}, change.new or {}
        return [
            (label, _show(None, old.get(label)), _show(None, new.get(label)))
            for label in {**old, **new}
            if old.get(label) != new.get(label)
        ]
    label = Ticket._meta.get_field(change.field).verbose_name
    return [(label, _show(change.field, change.old), _show(change.field, change.new))]


def _show(name, value):
    if value in (None, ""):
        return "—"
    if isinstance(value, User):
        return value.get_full_name()
    if isinstance(value, Ticket):
        return value.number
    if name is None:
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    field = Ticket._meta.get_field(name)
    return dict(field.flatchoices)[value] if field.choices else str(value)
