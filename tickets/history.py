"""A ticket's history: which fields each saved version changed, who changed them, when and why.

The one place that diffs ticket history, on simple-history's own `diff_against`; agents' timeline,
the API and the portal each show the result their way. The records come in one query (and their
tags, kept by simple-history's m2m tracking, in one more), and consecutive ones are compared in
Python.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import ForeignKey
from simple_history.models import DeletedObject, ModelChange

from accounts.models import User
from tickets.models import Ticket

# The fields agents see change, in the order they read them.
TRACKED_FIELDS = (
    "status",
    "priority",
    "assignee",
    "category",
    "order",
    "escalated",
    "resolution_notes",
    "subject",
    "source",
    "merged_into",
    "tags",
)
# What customers see of the history: only these fields, never who changed them or why.
CUSTOMER_FIELDS = ("status",)


@dataclass(frozen=True)
class Revision:
    """One saved version of a ticket, with what it changed from the version before (none for
    the first). Foreign keys are the related objects, None when unset or since deleted."""

    id: int  # the history record's: later versions have greater ones
    at: datetime
    by: User | None
    reason: str
    changes: tuple[ModelChange, ...]


def revisions(ticket, *, after=None):
    """Every version of the ticket, oldest first, with who and why, in one query; `after` a
    history id: only the versions since (for a page that has shown the ones before)."""
    return _revisions(ticket, TRACKED_FIELDS, authors=True, after=after)


def customer_revisions(ticket):
    """The versions that changed what customers may see, oldest first, without who or why."""
    return [
        revision
        for revision in _revisions(ticket, CUSTOMER_FIELDS, authors=False)
        if revision.changes
    ]


def _revisions(ticket, fields, *, authors, after=None):
    with_tags = "tags" in fields
    fields = tuple(name for name in fields if name != "tags")
    related = [name for name in fields if isinstance(Ticket._meta.get_field(name), ForeignKey)]
    columns = ["history_id", "history_date", *fields]
    if authors:
        related.append("history_user")
        columns += ["history_user", "history_change_reason"]
    records = ticket.history.only(*columns).order_by("history_date", "history_id")
    if after is not None:
        # The version shown last is read too: what came next is compared with it.
        records = records.filter(history_id__gte=after)
    if related:
        records = records.select_related(*related)
    records = list(records)
    tags = _tag_names(ticket, records) if with_tags else {}
    result, previous = [], None
    for record in records:
        if after is not None and record.history_id <= after:
            previous = record
            continue
        changes = ()
        if previous:
            changes = _changes(record, previous, fields)
            if with_tags and tags[record.history_id] != tags[previous.history_id]:
                changes += (
                    ModelChange("tags", tags[previous.history_id], tags[record.history_id]),
                )
        result.append(
            Revision(
                id=record.history_id,
                at=record.history_date,
                by=record.history_user if authors else None,
                reason=(record.history_change_reason or "") if authors else "",
                changes=changes,
            )
        )
        previous = record
    return result


def _tag_names(ticket, records):
    """Each version's tags as one text ("billing, refund"; None for none), in one query. A tag
    deleted since is left out."""
    rows = (
        Ticket.history.model.tags.model.objects.filter(ticket_id=ticket.pk)
        .values_list("history_id", "tag__name")
        .order_by("tag__name")
    )
    names = {record.history_id: [] for record in records}
    for history_id, name in rows:
        if name is not None and history_id in names:
            names[history_id].append(name)
    return {history_id: ", ".join(tags) or None for history_id, tags in names.items()}


def _changes(record, previous, fields):
    delta = record.diff_against(previous, included_fields=fields, foreign_keys_are_objs=True)
    by_field = {change.field: change for change in delta.changes}
    return tuple(
        ModelChange(name, _present(by_field[name].old), _present(by_field[name].new))
        for name in fields
        if name in by_field
    )


def _present(value):
    return None if isinstance(value, DeletedObject) else value
