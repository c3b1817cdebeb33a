"""The ticket sets a help desk works by, as conditions: the one definition that the querysets
(tickets.models.querysets), the SLA filters, the dashboard's counts and the reports' aggregates
share. Statuses are named in tickets.choices."""

from django.db.models import Q

from tickets.choices import (
    ACTIVE_STATUSES,
    PRESSING_PRIORITIES,
    RUNNING_STATUSES,
    SOLVED_STATUSES,
    Status,
)

# Not yet resolved or closed: the backlog.
ACTIVE = Q(status__in=list(ACTIVE_STATUSES))
# Waiting for us (open or in progress): the SLA clock runs.
RUNNING = Q(status__in=list(RUNNING_STATUSES))
# Waiting for the customer's answer: the SLA clock is paused.
WAITING = Q(status=Status.WAITING_ON_CUSTOMER)
UNASSIGNED = Q(assignee__isnull=True)
# Done with: resolved or closed.
SOLVED = Q(status__in=list(SOLVED_STATUSES))
# Closed for good: what the retention schedules count from (closed_at).
CLOSED = Q(status=Status.CLOSED)

__all__ = ["ACTIVE", "CLOSED", "PRESSING_PRIORITIES", "RUNNING", "SOLVED", "UNASSIGNED", "WAITING"]
