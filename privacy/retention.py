"""The retention schedules (RetentionSettings), applied by a periodic job in bounded batches.

Each rule is a row of RULES: the setting that gives its number of days, and a function
`apply(cutoff, *, limit)` that handles at most `limit` of the rows older than `cutoff` in one
transaction and returns how many it handled. What is due is found again by a query every time,
so a run that stops (its time budget spent, the worker restarted) loses nothing: the next run
carries on. A rule whose setting is empty never runs.

A run that did something is recorded in the audit log (PrivacyAction, kind "retention") with
its counts per rule; privacy.reports shows those runs and what is due now.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import HAS_TEXT, EmailDelivery
from tickets import workflow
from tickets.models import Attachment, InboundEmail, Ticket

from . import erasure
from .models import PrivacyAction, RetentionSettings

# Rows one batch (one transaction) handles, batches one rule may run per run, and the seconds a
# run may take before it leaves the rest for the next one (the job runs every hour).
BATCH_SIZE = 500
MAX_BATCHES = 20
TIME_BUDGET = 120


@dataclass(frozen=True)
class Rule:
    """One retention schedule. `apply(cutoff, *, limit) -> count` does one batch; `due(cutoff)
    -> count` says how much is waiting (None: the rule cannot tell, the report shows a dash)."""

    name: str
    setting: str
    label: str
    apply: Callable[..., int]
    due: Callable[[datetime], int] | None = None

    def cutoff(self, schedules, now):
        """The moment before which rows are due; None when the setting is empty (never)."""
        days = getattr(schedules, self.setting)
        return None if days is None else now - timedelta(days=days)


def attachments_due(cutoff):
    return Attachment.objects.filter(
        ticket__in=Ticket.objects.closed_before(cutoff), removed_at__isnull=True
    )


def remove_closed_ticket_attachments(cutoff, *, limit):
    """Files of tickets closed before `cutoff` leave storage; the thread says they were removed."""
    return workflow.remove_attachment_files(
        attachments_due(cutoff), removal=Attachment.Removal.RETENTION, limit=limit
    )


def inbound_emails_due(cutoff):
    """Incoming emails received before `cutoff`, except held ones no agent has reviewed yet: a
    customer's message waiting for a decision is not lost to the calendar."""
    return InboundEmail.objects.filter(received_at__lt=cutoff).exclude(
        outcome=InboundEmail.Outcome.HELD, reviewed_at__isnull=True
    )


def delete_inbound_emails(cutoff, *, limit):
    return _delete_by_pk(inbound_emails_due(cutoff), limit)


def outgoing_emails_due(cutoff):
    """Sent or failed emails created before `cutoff` that still hold their text (queued and
    sending ones are still on their way)."""
    return EmailDelivery.objects.filter(
        HAS_TEXT,
        created_at__lt=cutoff,
        status__in=[EmailDelivery.Status.SENT, EmailDelivery.Status.FAILED],
    )


@transaction.atomic
def empty_outgoing_emails(cutoff, *, limit):
    """The text of old emails goes; the rows stay for the delivery figures and the outbox."""
    pks = list(outgoing_emails_due(cutoff).order_by("pk").values_list("pk", flat=True)[:limit])
    return EmailDelivery.objects.filter(pk__in=pks).update(body_text="", body_html="")


def _sessions_stored():
    return settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    )


def _sessions_due(cutoff):
    return Session.objects.filter(expire_date__lt=cutoff)


def _database_cache():
    """The default cache when it is the database cache (no Redis): its expired entries, rate-limit
    counters among them, stay in its table until Django culls it, which only a full table does."""
    cache = caches["default"]
    return cache if isinstance(cache, DatabaseCache) else None


def _cache_entries(cutoff, select, limit=None):
    """Run `select` (a column list) on the database cache's entries expired before `cutoff`."""
    cache = _database_cache()
    if cache is None:
        return []
    table = connection.ops.quote_name(cache._table)
    query = f"SELECT {select} FROM {table} WHERE expires < %s"  # noqa: S608
    params = [connection.ops.adapt_datetimefield_value(cutoff)]
    if limit is not None:
        query, params = f"{query} ORDER BY cache_key LIMIT %s", [*params, limit]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _count_sign_in_traces(cutoff):
    sessions = _sessions_due(cutoff).count() if _sessions_stored() else 0
    expired = _cache_entries(cutoff, "COUNT(*)")
    return sessions + (expired[0][0] if expired else 0)


@transaction.atomic
def delete_sign_in_traces(cutoff, *, limit):
    """Expired sessions (sign-in codes and half-finished sign-ins live in them) and expired
    cache entries (failed-sign-in and rate-limit counters, when the cache is the database)."""
    deleted = _delete_by_pk(_sessions_due(cutoff), limit) if _sessions_stored() else 0
    keys = [key for (key,) in _cache_entries(cutoff, "cache_key", limit - deleted)]
    if keys:
        table = connection.ops.quote_name(_database_cache()._table)
        marks = ", ".join(["%s"] * len(keys))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE cache_key IN ({marks})", keys)  # noqa: S608
            deleted += cursor.rowcount
    return deleted


@transaction.atomic
def _delete_by_pk(queryset, limit):
    pks = list(queryset.order_by("pk").values_list("pk", flat=True)[:limit])
    if not pks:
        return 0
    queryset.model.objects.filter(pk__in=pks).delete()
    return len(pks)


RULES = [
    Rule(
        "closed_ticket_attachments",
        "closed_ticket_attachments_days",
        _("Closed tickets' files removed"),
        remove_closed_ticket_attachments,
        lambda cutoff: attachments_due(cutoff).count(),
    ),
    Rule(
        "inbound_emails",
        "inbound_email_days",
        _("Incoming emails deleted"),
        delete_inbound_emails,
        lambda cutoff: inbound_emails_due(cutoff).count(),
    ),
    Rule(
        "outgoing_emails",
        "outgoing_email_days",
        _("Outgoing emails' text removed"),
        empty_outgoing_emails,
        lambda cutoff: outgoing_emails_due(cutoff).count(),
    ),
    Rule(
        "sign_in_traces",
        "sign_in_trace_days",
        _("Expired sessions and sign-in counters deleted"),
        delete_sign_in_traces,
        _count_sign_in_traces,
    ),
    Rule(
        "anonymised_tickets",
        "closed_ticket_anonymise_days",
        _("Closed tickets anonymised"),
        erasure.anonymise_due_tickets,
        lambda cutoff: erasure.due_for_anonymising(cutoff).count(),
    ),
]


@dataclass(frozen=True)
class Due:
    rule: Rule
    days: int | None
    cutoff: datetime | None
    count: int | None


def due_now(*, now=None):
    """What each rule would handle if it ran now (count None: never, or the rule cannot tell)."""
    now = now or timezone.now()
    schedules = RetentionSettings.load()
    rows = []
    for rule in RULES:
        cutoff = rule.cutoff(schedules, now)
        count = None if cutoff is None or rule.due is None else rule.due(cutoff)
        rows.append(Due(rule, getattr(schedules, rule.setting), cutoff, count))
    return rows


def apply_retention(
    *, now=None, batch_size=BATCH_SIZE, max_batches=MAX_BATCHES, time_budget=TIME_BUDGET
):
    """Run every rule's batches until nothing is due, a rule has run `max_batches` batches or
    the run has spent `time_budget` seconds; record what it did. Returns the counts per rule."""
    now = now or timezone.now()
    schedules = RetentionSettings.load()
    deadline = time.monotonic() + time_budget
    counts, unfinished = {}, []
    for rule in RULES:
        cutoff = rule.cutoff(schedules, now)
        if cutoff is None:
            continue
        done, batches, more = 0, 0, True
        while more and batches < max_batches and time.monotonic() < deadline:
            handled = rule.apply(cutoff, limit=batch_size)
            done, batches, more = done + handled, batches + 1, handled >= batch_size
        if done:
            counts[rule.name] = done
        if more:
            unfinished.append(rule.name)
    if counts:
        PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.RETENTION,
            details={"counts": counts, "unfinished": unfinished},
        )
    return counts


@task
def apply_retention_task():
    """The periodic job (settings.PERIODIC_TASKS): the retention schedules, one bounded run."""
    return apply_retention()
