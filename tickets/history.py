"""A ticket's history: which fields each saved version changed, who changed them, when and why.

The one place that diffs ticket history; agents' timeline, the API and the portal each show the
result their way. The records come in one query (and their tags, kept by simple-history's m2m
tracking, in one more), consecutive ones are compared in Python, and the objects their changed
foreign keys name are read in one query per kind.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from django.db.models import ForeignKey
from simple_history.models import ModelChange

from accounts.models import User
from tickets.models import Ticket

# The fields agents see change, in the order they read them.
TRACKED_FIELDS = (
    "status",
    "priority",
    "team",
    "assignee",
    "category",
    "order",
    "escalated",
    "resolution_notes",
    "subject",
    "source",
    "merged_into",
    "extra_fields",
    "tags",
)
# What customers see of the history: only these fields, never who changed them or why.
CUSTOMER_FIELDS = ("status",)
FOREIGN_KEYS = {
    name: Ticket._meta.get_field(name)
    for name in TRACKED_FIELDS
    if name != "tags" and isinstance(Ticket._meta.get_field(name), ForeignKey)
}


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
    columns = ["history_id", "history_date", *fields]
    if authors:
        columns += ["history_user", "history_change_reason"]
    records = ticket.history.only(*columns).order_by("history_date", "history_id")
    if after is not None:
        # The version shown last is read too: what came next is compared with it.
        records = records.filter(history_id__gte=after)
    if authors:
        records = records.select_related("history_user")
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
    return _with_related_objects(result)


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
    """What changed between two versions; foreign keys as ids, until _with_related_objects."""
    attnames = ((name, Ticket._meta.get_field(name).attname) for name in fields)
    return tuple(
        ModelChange(name, getattr(previous, attname), getattr(record, attname))
        for name, attname in attnames
        if getattr(previous, attname) != getattr(record, attname)
    )


def _with_related_objects(revisions):
    """Foreign keys' ids replaced by their objects (None once deleted), one query per kind of
    object that changed: reading every version's related rows costs more, most never changed."""
    wanted = {}
    for revision in revisions:
        for change in revision.changes:
            if change.field in FOREIGN_KEYS:
                wanted.setdefault(change.field, set()).update({change.old, change.new} - {None})
    found = {
        name: FOREIGN_KEYS[name].related_model._base_manager.in_bulk(ids)
        for name, ids in wanted.items()
    }
    if not found:
        return revisions
    return [
        replace(revision, changes=tuple(_resolved(change, found) for change in revision.changes))
        for revision in revisions
    ]


def _resolved(change, found):
    if change.field not in found:
        return change
    objects = found[change.field]
    return ModelChange(change.field, objects.get(change.old), objects.get(change.new))
