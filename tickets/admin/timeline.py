"""The ticket's history as agents read it: who changed what, when and why (simple-history)."""

from accounts.models import User
from tickets.choices import Priority, Source, Status
from tickets.models import Ticket

TRACKED = {
    "status": Status,
    "priority": Priority,
    "assignee": None,
    "category": None,
    "escalated": None,
    "resolution_notes": None,
    "subject": None,
    "source": Source,
}


def ticket_timeline(ticket):
    """Entries newest first, each {at, user, reason, changes: [(label, old, new)]}, in 1 query."""
    records = ticket.history.select_related("history_user", "assignee", "category").order_by(
        "history_date", "history_id"
    )

    def show(record, field):
        value = getattr(record, field) if record else None
        if value in (None, ""):
            return "—"
        if isinstance(value, User):
            return value.get_full_name()
        choices = TRACKED[field]
        return choices(value).label if choices else str(value)

    entries, previous = [], None
    for record in records:
        changes = []
        for field in TRACKED:
            attribute = f"{field}_id" if field in ("assignee", "category") else field
            if previous is not None and getattr(record, attribute) != getattr(previous, attribute):
                label = Ticket._meta.get_field(field).verbose_name
                changes.append((label, show(previous, field), show(record, field)))
        entries.append(
            {
                "at": record.history_date,
                "user": record.history_user,
                "reason": record.history_change_reason or "",
                "changes": changes,
            }
        )
        previous = record
    return entries[::-1]
