"""The SLA job, the SLA views, the dashboard and the reports ask their questions in a form the
partial indexes of migration 0009 can answer. A rewrite of a condition that PostgreSQL can no
longer match to an index's predicate fails here, not in production with a year of tickets.
(Timings: bench/agent_queue.py and bench/reports.py, docs/performance.md.)"""

import re
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from tests.factories import CustomerFactory
from tickets.admin.panels import dashboard_panels
from tickets.models import Feedback, Ticket
from tickets.reports import figures
from tickets.selectors import PRIORITY_ORDER, QUEUE_ORDER, my_tickets
from tickets.sla.jobs import missed_first_responses, missed_resolutions

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def help_desk(on_postgres):
    """1,500 unfinished tickets with due times spread over two years, and 1,500 finished and rated
    ones: enough rows that reading a whole index costs more than the ranges asked for."""
    customer = CustomerFactory()
    now = timezone.now()
    tickets = []
    for n in range(3000):
        moment = now + timedelta(hours=(n * 37) % 17520 - 8760)
        finished = n % 2 == 0
        tickets.append(
            Ticket(
                number=f"TKTIDX{n:06d}",
                customer=customer,
                subject="History",
                description="-",
                status="closed" if finished else ("open", "in_progress")[n % 4 // 2],
                created_at=moment - timedelta(days=400),
                first_response_due_at=moment,
                resolution_due_at=moment + timedelta(hours=n % 48),
                resolved_at=moment if finished else None,
            )
        )
    tickets = Ticket.objects.bulk_create(tickets)
    Feedback.objects.bulk_create(
        Feedback(ticket=t, rating=4, created_at=t.resolved_at) for t in tickets if t.resolved_at
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tickets_ticket")
        cursor.execute("ANALYZE tickets_feedback")


@pytest.fixture
def plan_with_only(help_desk):
    """The plan of a queryset when `indexes` are the only indexes of its table left (but for
    primary keys and unique constraints) and sequential scans are priced out: the plan names an
    index exactly when PostgreSQL can answer the query from it. The indexes come back after."""

    def explain(queryset, *indexes):
        table = queryset.model._meta.db_table
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                " WHERE x.indrelid = %s::regclass AND NOT x.indisunique"
                " AND NOT i.relname = ANY(%s)",
                [table, list(indexes)],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SET LOCAL enable_seqscan = off")
            text = queryset.explain()
            transaction.set_rollback(True)
        return text

    return explain


def in_queue_order(tickets):
    return tickets.order_by(PRIORITY_ORDER.asc(), "created_at")[:51]


def test_the_sla_job_reads_pending_targets_from_their_due_time_indexes(plan_with_only):
    now = timezone.now()

    first = plan_with_only(missed_first_responses(now), "tickets_first_due_idx")
    resolution = plan_with_only(missed_resolutions(now), "tickets_resolution_due_idx")

    assert "tickets_first_due_idx" in first
    assert "tickets_resolution_due_idx" in resolution


def test_at_risk_reads_both_due_time_indexes(plan_with_only):
    plan = plan_with_only(
        Ticket.objects.at_risk(), "tickets_first_due_idx", "tickets_resolution_due_idx"
    )

    assert "tickets_first_due_idx" in plan and "tickets_resolution_due_idx" in plan


def test_unfinished_tickets_in_queue_order_come_from_the_active_order_index(plan_with_only):
    unassigned = Ticket.objects.unassigned()
    breached = Ticket.objects.breached()

    assert "tickets_active_order_idx" in plan_with_only(
        in_queue_order(unassigned), "tickets_active_order_idx"
    )
    assert "tickets_active_order_idx" in plan_with_only(
        in_queue_order(breached), "tickets_active_order_idx"
    )


def test_the_dashboards_unassigned_panel_walks_only_unfinished_tickets(plan_with_only, agent, rf):
    request = rf.get("/admin/")
    request.user = agent
    (unassigned,) = [p for p in dashboard_panels(request) if p.name == "support_unassigned"]

    query = unassigned.tickets.order_by(*QUEUE_ORDER)[:5]
    assert "tickets_active_due_order_idx" in plan_with_only(query, "tickets_active_due_order_idx")


def test_the_queue_opens_on_active_tickets_read_from_the_due_order_index(plan_with_only):
    """Most pressing first, then soonest due (none last): the index's own order."""
    for tickets in (Ticket.objects.active(), Ticket.objects.active().filter(status="open")):
        plan = plan_with_only(tickets.order_by(*QUEUE_ORDER)[:51], "tickets_active_due_order_idx")
        assert "tickets_active_due_order_idx" in plan
        assert "Sort" not in plan.replace("Incremental Sort", "")
    everything = Ticket.objects.order_by(*QUEUE_ORDER)[:51]
    assert "tickets_due_order_idx" in plan_with_only(everything, "tickets_due_order_idx")


def test_reports_count_resolutions_and_list_ratings_from_their_date_indexes(plan_with_only):
    today = timezone.localdate()
    month = figures.Scope(start=today - timedelta(days=30), end=today)

    resolved = month.tickets().filter(month.during("resolved_at"))
    assert "tickets_resolved_idx" in plan_with_only(resolved, "tickets_resolved_idx")
    ratings = figures.ratings(month)[:50]
    assert "tickets_feedback_given_idx" in plan_with_only(ratings, "tickets_feedback_given_idx")


def test_the_portal_lists_a_customers_tickets_from_the_customer_index(plan_with_only):
    """Their own, those they are copied on, their organisation's: three index scans ORed, not a
    test of every ticket (the copied-on ones are an array computed once)."""
    customer = Ticket.objects.values_list("customer", flat=True).first()
    mine = my_tickets(User.objects.get(pk=customer))

    plan = plan_with_only(mine, "tickets_tic_custome_4eafa2_idx", "tickets_tic_organiz_f43be3_idx")

    # Not a walk of all tickets (the value may carry its type: prepared statements bind it).
    assert re.search(r"Index Cond: \(customer_id = '?\d+'?(::\w+)?\)", plan)
    assert "Seq Scan on tickets_ticket" not in plan


def test_reports_read_the_periods_tickets_from_the_covering_index_alone(plan_with_only):
    """Every column the reports' time figures read is in the index: a year of tickets without
    reading the table (its subjects and descriptions)."""
    today = timezone.localdate()
    year = figures.Scope(start=today - timedelta(days=365), end=today)
    measured = year.created().values("priority").annotate(**figures.time_measures())

    plan = plan_with_only(measured, "tickets_created_report_idx")

    assert "Index Only Scan using tickets_created_report_idx" in plan
