"""Replacing a passage in stored text wherever a table keeps a copy of it: redaction's one way
of rewriting rows (tickets.workflow.redaction, and the notifications app for its copies)."""

from django.db.models import Q
from django.utils.html import escape


def replace_in(queryset, passage, marker, *, fields=(), html_fields=()):
    """Replace `passage` with `marker` in the rows' `fields` (text) and `html_fields` (HTML, where
    the passage is stored escaped); return how many rows changed. Text longer than its column
    after the replacement is cut to it."""
    escaped = (escape(passage), escape(marker))
    wanted = [(name, (passage, marker)) for name in fields]
    wanted += [(name, escaped) for name in html_fields]
    condition = Q(pk__in=[])
    for name, (old, _new) in wanted:
        condition |= Q(**{f"{name}__contains": old})
    names = [name for name, _ in wanted]
    rows = list(queryset.filter(condition).only("pk", *names))
    model = queryset.model
    for row in rows:
        for name, (old, new) in wanted:
            value = getattr(row, name).replace(old, new)
            limit = model._meta.get_field(name).max_length
            setattr(row, name, value[:limit] if limit else value)
    if rows:
        model._base_manager.bulk_update(rows, names)
    return len(rows)
