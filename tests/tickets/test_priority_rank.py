"""The priority rank the queue sorts by is written into the SQL, not bound: with server-side
binding a bound value would make each use another expression, one no index serves."""

import pytest
from django.db import connection

from tests.factories import open_ticket
from tickets.choices import PRIORITY_RANK_EXPRESSION, Priority
from tickets.expressions import Ranked
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def test_the_rank_binds_no_parameters():
    sql, params = Ticket.objects.order_by(PRIORITY_RANK_EXPRESSION.asc()).query.sql_with_params()

    assert params == ()
    assert 'WHEN "tickets_ticket"."priority" = \'urgent\' THEN 0' in sql


def test_tickets_come_most_pressing_first_even_when_distinct(customer):
    for priority in (Priority.LOW, Priority.URGENT, Priority.MEDIUM, Priority.HIGH):
        open_ticket(customer, priority=priority, priority_justification="Our shop is closed.")

    ranked = Ticket.objects.distinct().order_by(PRIORITY_RANK_EXPRESSION.asc(), "pk")

    assert [ticket.priority for ticket in ranked] == ["urgent", "high", "medium", "low"]


def test_only_words_can_be_ranked():
    with pytest.raises(ValueError):
        Ranked("priority", [("urgent'); DROP TABLE x; --", 0)])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
def test_the_queue_order_reads_its_index_on_postgresql(customer):
    open_ticket(customer)
    queryset = Ticket.objects.order_by(PRIORITY_RANK_EXPRESSION.asc(), "created_at")[:25]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + str(queryset.query))
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "tickets_queue_order_idx" in plan
