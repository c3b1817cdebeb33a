"""The SLA job the scheduler runs every minute: escalate missed targets, close stale tickets.

Safe to run twice, or on two workers at once: each breach is claimed by one conditional UPDATE
(tickets.workflow.record_breach) and closing re-checks the status under a row lock.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from tickets import workflow
from tickets.choices import Status
from tickets.models import Ticket


def missed_first_responses(now):
    return Ticket.objects.active().filter(
        sla_paused_at__isnull=True,
        first_response_at__isnull=True,
        first_response_due_at__lt=now,
        first_response_breached_at__isnull=True,
    )


def missed_resolutions(now):
    return Ticket.objects.active().filter(
        sla_paused_at__isnull=True,
        resolution_due_at__lt=now,
        resolution_breached_at__isnull=True,
    )


def check_sla(now=None):
    """Return (escalations made, tickets closed)."""
    now = now or timezone.now()
    escalated = 0
    for target, tickets in (
        ("first_response", missed_first_responses(now)),
        ("resolution", missed_resolutions(now)),
    ):
        for ticket in tickets.only("pk"):
            escalated += workflow.record_breach(ticket, target=target, now=now)
    days = settings.TICKETS_AUTO_CLOSE_DAYS
    closed = 0
    if days:
        stale = Ticket.objects.filter(
            status=Status.RESOLVED, resolved_at__lt=now - timedelta(days=days)
        )
        for ticket in stale.only("pk"):
            closed += workflow.close_resolved(ticket, now=now, after_days=days)
    return escalated, closed


@task
def check_sla_task():
    escalated, closed = check_sla()
    return {"escalated": escalated, "closed": closed}
