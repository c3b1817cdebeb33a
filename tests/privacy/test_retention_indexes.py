"""The retention job's questions are answered from their indexes: the old emails by date, and of
the outgoing ones only those that still hold their text (emptied ones leave the partial index),
so an hourly run does not read a year of email rows."""

import pytest
from django.db import connection, transaction

from privacy import retention

from .retention_helpers import days_ago, inbound_email, outgoing_email

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def plan_with_only(queryset, index):
    """The plan when `index` is the table's only non-unique index and sequential scans are
    priced out: the plan names it exactly when PostgreSQL can answer the query from it."""
    table = queryset.model._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            " WHERE x.indrelid = %s::regclass AND NOT x.indisunique AND i.relname <> %s",
            [table, index],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        text = queryset.explain()
        transaction.set_rollback(True)
    return text


def test_old_incoming_emails_are_found_by_their_date(on_postgres):
    for days in range(0, 200, 10):
        inbound_email(days_old=days)

    plan = plan_with_only(
        retention.inbound_emails_due(days_ago(90)), "tickets_inbound_received_idx"
    )

    assert "tickets_inbound_received_idx" in plan


def test_outgoing_emails_with_text_left_are_found_by_their_date(on_postgres):
    for days in range(0, 200, 10):
        outgoing_email(days_old=days)

    plan = plan_with_only(retention.outgoing_emails_due(days_ago(90)), "emaildelivery_has_text_idx")

    assert "emaildelivery_has_text_idx" in plan
