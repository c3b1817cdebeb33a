"""The ticket's history as agents read it: who changed what, when, and why (django-simple-history)."""

from accounts.models import User
from tickets.choices import Priority, Source, Status
from tickets.models import Category, Ticket

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
    """Entries newest first, each {at, user, reason, changes: [(label, old, new)]}, in 3 queries."""
    records = list(ticket.history.select_related("history_user").order_by("history_date", "history_id"))
    user_ids, category_ids = set(), set()
    for record in records:
        user_ids.add(record.assignee_id)
        category_ids.add(record.category_id)
    names = {u.pk: u.get_full_name() for u in User.objects.filter(pk__in=user_ids - {None})}
    categories = dict(Category.objects.filter(pk__in=category_ids - {None}).values_list("pk", "name"))

    def show(field, value):
        if value in (None, ""):
            return "—"
        if field == "assignee":
            return names.get(value, value)
        if field == "category":
            return categories.get(value, value)
        choices = TRACKED[field]
        return choices(value).label if choices else value

    entries, previous = [], None
    for record in records:
        changes = []
        for field in TRACKED:
            attribute = f"{field}_id" if field in ("assignee", "category") else field
            new = getattr(record, attribute)
            old = getattr(previous, attribute) if previous else None
            if previous is not None and new != old:
                label = Ticket._meta.get_field(field).verbose_name
                changes.append((label, show(field, old), show(field, new)))
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
