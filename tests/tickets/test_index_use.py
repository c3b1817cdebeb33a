"""The SLA job, the SLA views, the dashboard and the reports ask their questions in a form the
partial indexes of migration 0009 can answer. A rewrite of a condition that PostgreSQL can no
longer match to an index's predicate fails here, not in production with a year of tickets.
(Timings: bench/agent_queue.py and bench/reports.py, docs/performance.md.)"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import CustomerFactory
from tickets.admin.panels import at_risk, dashboard_panels
from tickets.models import Feedback, Ticket
from tickets.reports import figures
from tickets.selectors import PRIORITY_ORDER
from tickets.sla.jobs import missed_first_responses, missed_resolutions
from tickets.sla.state import BREACHED, sla_filter

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def history(on_postgres):
    """A help desk with a past: 2,000 finished tickets over two years, 20 still open."""
    customer = CustomerFactory()
    now = timezone.now()
    tickets = []
    for n in range(2020):
        created = now - timedelta(hours=n * 8)
        finished = n >= 20
        tickets.append(
            Ticket(
                number=f"TKTIDX{n:06d}",
                customer=customer,
                subject="History",
                description="-",
                status="closed" if finished else "open",
                created_at=created,
                first_response_at=created + timedelta(hours=1) if finished else None,
                first_response_due_at=created + timedelta(hours=2),
                resolution_due_at=created + timedelta(hours=24),
                resolved_at=created + timedelta(hours=5) if finished else None,
            )
        )
    tickets = Ticket.objects.bulk_create(tickets)
    Feedback.objects.bulk_create(
        Feedback(ticket=t, rating=4, created_at=t.resolved_at) for t in tickets[20::3]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tickets_ticket")
        cursor.execute("ANALYZE tickets_feedback")


@pytest.fixture
def plan(history):
    """The plan of a queryset with sequential scans priced out, as on a large table."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")

    def explain(queryset):
        return queryset.explain()

    return explain


def in_queue_order(tickets):
    return tickets.order_by(PRIORITY_ORDER.asc(), "created_at")[:51]


def test_the_sla_job_reads_pending_targets_from_their_due_time_indexes(plan):
    now = timezone.now()

    assert "tickets_first_due_idx" in plan(missed_first_responses(now).order_by())
    assert "tickets_resolution_due_idx" in plan(missed_resolutions(now).order_by())


def test_at_risk_reads_both_due_time_indexes(plan):
    query = plan(at_risk().order_by())

    assert "tickets_first_due_idx" in query
    assert "tickets_resolution_due_idx" in query


def test_unfinished_tickets_in_queue_order_come_from_the_active_order_index(plan, agent):
    unassigned = Ticket.objects.filter(assignee__isnull=True, status__in=["open", "in_progress"])

    assert "tickets_active_order_idx" in plan(in_queue_order(unassigned))
    breached = Ticket.objects.filter(sla_filter(BREACHED))
    assert "tickets_active_order_idx" in plan(in_queue_order(breached))


def test_the_dashboards_unassigned_panel_walks_only_unfinished_tickets(plan, agent, rf):
    request = rf.get("/admin/")
    request.user = agent
    (unassigned,) = [p for p in dashboard_panels(request) if p.name == "support_unassigned"]

    assert "tickets_active_order_idx" in plan(in_queue_order(unassigned.tickets))


def test_reports_count_resolutions_and_list_ratings_from_their_date_indexes(plan):
    today = timezone.localdate()
    scope = figures.Scope(start=today, end=today)

    assert "tickets_resolved_idx" in plan(scope.tickets().filter(scope.during("resolved_at")))
    scope = figures.Scope(start=today - timedelta(days=30), end=today)
    ratings = figures.ratings(scope)[:50]
    assert "tickets_feedback_given_idx" in plan(ratings)
    assert ratings.model is Feedback
