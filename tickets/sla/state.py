"""Where a ticket stands against its SLA: on track, at risk (due within two hours) or breached."""

from datetime import timedelta

from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tickets.choices import ACTIVE_STATUSES, RUNNING_STATUSES
from tickets.conditions import ACTIVE, RUNNING

ON_TRACK, AT_RISK, BREACHED = "on_track", "at_risk", "breached"
CHOICES = [(ON_TRACK, _("On track")), (AT_RISK, _("At risk")), (BREACHED, _("Breached"))]
AT_RISK_WITHIN = timedelta(hours=2)

# The ticket's next SLA target: the first response until there is one, then the resolution.
NEXT_DUE_EXPRESSION = Case(
    When(first_response_at__isnull=True, then=F("first_response_due_at")),
    default=F("resolution_due_at"),
)


def _due_before(moment):
    """Running tickets with a target still open that falls due before `moment`."""
    return RUNNING & (
        Q(first_response_at__isnull=True, first_response_due_at__lt=moment)
        | Q(resolution_due_at__lt=moment)
    )


def _due_between(start, end):
    """Running tickets with a target still open that falls due from `start` to before `end`."""
    return RUNNING & (
        Q(
            first_response_at__isnull=True,
            first_response_due_at__gte=start,
            first_response_due_at__lt=end,
        )
        | Q(resolution_due_at__gte=start, resolution_due_at__lt=end)
    )


def sla_filter(state, now=None):
    now = now or timezone.now()
    breached = (
        Q(first_response_breached_at__isnull=False)
        | Q(resolution_breached_at__isnull=False)
        | _due_before(now)
    ) & ACTIVE
    # Not breached, said of running tickets as plain conditions (no breach recorded, nothing due
    # yet) so that PostgreSQL reads the due-time ranges from the partial indexes
    # tickets_first_due_idx and tickets_resolution_due_idx.
    at_risk = (
        _due_between(now, now + AT_RISK_WITHIN)
        & Q(first_response_breached_at__isnull=True, resolution_breached_at__isnull=True)
        & ~_due_before(now)
    )
    if state == BREACHED:
        return breached
    if state == AT_RISK:
        return at_risk
    return ACTIVE & ~breached & ~at_risk


def sla_state(ticket, now=None):
    """The same judgement for one ticket already in memory (None for finished tickets)."""
    now = now or timezone.now()
    if ticket.status not in ACTIVE_STATUSES:
        return None
    running = ticket.status in RUNNING_STATUSES
    pending_first = ticket.first_response_at is None and ticket.first_response_due_at
    dues = [
        d for d in (pending_first and ticket.first_response_due_at, ticket.resolution_due_at) if d
    ]
    if (
        ticket.first_response_breached_at
        or ticket.resolution_breached_at
        or (running and any(d < now for d in dues))
    ):
        return BREACHED
    if running and any(d < now + AT_RISK_WITHIN for d in dues):
        return AT_RISK
    return ON_TRACK
