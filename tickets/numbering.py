"""Ticket numbers: TKT + the local date + a per-day counter (TKT202611220001).

The counter is one upsert that both PostgreSQL and SQLite run atomically, inside the transaction
that creates the ticket, so concurrent creations never share a number and a failed creation
gives its number back.
"""

from django.db import connection
from django.utils import timezone

from .models import TicketCounter

PREFIX = "TKT"


def next_ticket_number(day=None):
    day = day or timezone.localdate()
    table = connection.ops.quote_name(TicketCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, last_value) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT (day) DO UPDATE SET last_value = {table}.last_value + 1 "
            "RETURNING last_value",
            [day],
        )
        (value,) = cursor.fetchone()
    return f"{PREFIX}{day:%Y%m%d}{value:04d}"
