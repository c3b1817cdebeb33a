"""The agents' queue on PostgreSQL: trigram indexes for its search, statistics for its counts.

The queue's search matches any part of a ticket's number or subject, its order's number or its
customer's name or email (`UPPER(column) LIKE UPPER('%…%')`, Django's icontains). A B-tree index
cannot serve a pattern that starts with a wildcard; a GIN trigram index on the same UPPER(column)
expression can, so each of those five searches reads an index instead of every row (130 ms on
100,000 tickets before, about 3 ms after). The customer's name and email live in the users table:
these indexes serve the ticket queue, so they are made here, with the queue's.

`fastupdate = off`: with GIN's default, new rows wait in a pending list that every search reads
in full until VACUUM merges it; after loading 100,000 tickets, with autovacuum not yet come by,
the search took 65 ms instead of 43. Rows go straight into the index instead: 15 µs more per new
ticket (5 s more for a bulk load of 100,000), and the search does not depend on vacuum timing.

The extended statistics let PostgreSQL estimate combined filters (status, priority, assignee,
category) without assuming the columns are independent; the queue shows that estimate as "about
N tickets" once there are too many to count on every page view (tickets/admin/paginator.py).

Nothing happens on other databases (SQLite scans its small tables).
"""

from django.conf import settings
from django.db import migrations

STATISTICS = "tickets_ticket_queue_filters_stats"


def trigram_indexes(apps):
    ticket = apps.get_model("tickets", "Ticket")
    order = apps.get_model("tickets", "Order")
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        ("tickets_ticket_number_trgm", ticket, "number"),
        ("tickets_ticket_subject_trgm", ticket, "subject"),
        ("tickets_order_number_trgm", order, "number"),
        ("tickets_queue_user_name_trgm", user, "name"),
        ("tickets_queue_user_email_trgm", user, "email"),
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    ticket = apps.get_model("tickets", "Ticket")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, model, field in trigram_indexes(apps):
        column = model._meta.get_field(field).column
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(model._meta.db_table)} "
            f"USING gin (UPPER({quote(column)}) gin_trgm_ops) WITH (fastupdate = off)"
        )
    columns = ", ".join(
        quote(ticket._meta.get_field(field).column)
        for field in ("status", "priority", "assignee", "category")
    )
    table = quote(ticket._meta.db_table)
    schema_editor.execute(
        f"CREATE STATISTICS IF NOT EXISTS {quote(STATISTICS)} (dependencies, mcv) "
        f"ON {columns} FROM {table}"
    )
    schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {quote(STATISTICS)}")
    for name, _model, _field in trigram_indexes(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote(name)}")


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("tickets", "0007_notification_without_ticket"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
