"""Fill the benchmark database: customers, orders, tickets and their messages (PostgreSQL).

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/generate_tickets.py --tickets 1000000 --messages-per-ticket 5

Deterministic (seeded). The big tables are streamed with COPY, with explicit ids (their sequences
set after). Their secondary indexes and foreign keys would be updated and checked row by row, so
they are dropped for the load and made again from their own definitions (pg_get_indexdef,
pg_get_constraintdef): one sort per index, one join per key. It all happens in one transaction,
with the tables emptied (TRUNCATE) first: a failure leaves the previous data as it was.

COPY bypasses save() and the workflow, so what they would fill is filled here: each ticket's
number, creation and update times, the times of its last customer and staff replies and of its
first response, resolved_at and closed_at by its status. Like the ORM load this replaces, it
writes no history rows, read states or SLA due times (bench/reports.py gives those a year).
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import AGENTS, CUSTOMERS  # noqa: E402
from tickets.choices import Priority, Status  # noqa: E402
from tickets.models import Category, Message, Order, OrderLine, Ticket  # noqa: E402

BENCH_CUSTOMER = "bench.customer@example.com"
BENCH_DOMAIN = "@bench.example.com"
BENCH_ORDERS = 200  # the benchmark customer's, the first ones
PROGRESS_EVERY = 250_000
# Tickets are opened this far apart and their messages this far after them: the whole load
# happened "today", as with the ORM load it replaces (the dashboard's figures count today's).
TICKET_STEP = timedelta(milliseconds=1)
MESSAGE_STEP = timedelta(seconds=1)
LOADED = (Order, OrderLine, Ticket, Message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--messages-per-ticket", type=int, default=5)
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--bench-customer-tickets", type=int, default=500)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/generate_tickets.py loads with PostgreSQL's COPY: set DATABASE_URL.")
    started = time.perf_counter()
    step = Step(started)
    call_command("migrate", verbosity=0)
    step.done("migrated")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        clear(cursor)
        step.done("emptied the tables")
        people = create_people(args)
        step.done(f"{args.customers + 2} users")
        # Their deferred key checks, now: a table with checks pending cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        dropped = drop_indexes_and_keys(cursor)
        load(cursor, args, people, step)
        restore_indexes_and_keys(cursor, dropped, step)
        for statement in connection.ops.sequence_reset_sql(no_style(), LOADED):
            cursor.execute(statement)
    with connection.cursor() as cursor:
        for model in LOADED:
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
        cursor.execute("ANALYZE")
    step.done("vacuumed and analyzed")
    print(
        f"{Ticket.objects.count()} tickets, {Message.objects.count()} messages, "
        f"{Order.objects.count()} orders in {time.perf_counter() - started:.0f}s"
    )


class Step:
    """Prints each part's time as it ends."""

    def __init__(self, started):
        self.last = started

    def done(self, what):
        now = time.perf_counter()
        print(f"{now - self.last:7.1f}s  {what}", flush=True)
        self.last = now


def clear(cursor):
    """Empty the loaded tables, the tickets' history and (CASCADE) every table pointing at them
    (attachments, read states, ratings, notifications…), then remove the benchmark's users."""
    history = Ticket.history.model
    models = [*LOADED, history, *(r.related_model for r in history._meta.related_objects)]
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
    cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    User.objects.filter(Q(email__endswith=BENCH_DOMAIN) | Q(email=BENCH_CUSTOMER)).delete()


def create_people(args):
    """Categories and users through the ORM: a few thousand rows."""
    categories = [
        Category.objects.get_or_create(name=name)[0]
        for name in ("Order issue", "Delivery problem", "Payment issue", "Account support")
    ]
    customers = User.objects.bulk_create(
        [
            User(email=f"customer{n}{BENCH_DOMAIN}", name=f"Customer {n}", password="!")
            for n in range(args.customers)
        ]
    )
    bench_customer = User.objects.create_user(BENCH_CUSTOMER, "bench-pass-123", name="Bench")
    Group.objects.get(name=CUSTOMERS).user_set.add(bench_customer, *customers)
    agent = User.objects.create_user(f"agent{BENCH_DOMAIN}", "bench-pass-123", name="Agent")
    agent.groups.add(Group.objects.get(name=AGENTS))
    return {
        "categories": [c.pk for c in categories],
        "customers": [c.pk for c in customers],
        "bench_customer": bench_customer.pk,
        "agent": agent.pk,
    }


def drop_indexes_and_keys(cursor):
    """Drop the loaded tables' foreign keys and the indexes no constraint owns (primary keys
    and unique constraints stay); return what makes them again: the models' Meta indexes as
    their migrations make them (the schema editor: PostgreSQL would word some conditions
    differently from pg_get_indexdef), the others from their definitions."""
    tables = {m._meta.db_table: m for m in LOADED}
    cursor.execute(
        """
        SELECT format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s',
                      conrelid::regclass, conname, pg_get_constraintdef(oid)),
               format('ALTER TABLE %%s DROP CONSTRAINT %%I', conrelid::regclass, conname)
        FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)
        """,
        [list(tables)],
    )
    keys = cursor.fetchall()
    cursor.execute(
        """
        SELECT i.indrelid::regclass::text, c.relname, pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid::regclass::text = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                          AND k.conrelid = i.indrelid)
        """,
        [list(tables)],
    )
    makers = []
    for table, name, definition in cursor.fetchall():
        model = tables[table]
        meta_index = next((i for i in model._meta.indexes if i.name == name), None)
        makers.append((model, meta_index) if meta_index else definition)
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    for _create, drop in keys:
        cursor.execute(drop)
    return makers + [create for create, _drop in keys]


def restore_indexes_and_keys(cursor, makers, step):
    with connection.schema_editor() as editor:
        for maker in makers:
            if isinstance(maker, str):
                cursor.execute(maker)
            else:
                editor.add_index(*maker)
    step.done(f"made {len(makers)} indexes and foreign keys again")


def load(cursor, args, people, step):
    now = timezone.now()
    orders = args.tickets // 5
    copy(cursor, Order, (order_row(n, now, people, args) for n in range(orders)))
    step.done(f"{orders} orders")
    copy(cursor, OrderLine, (order_line_row(n) for n in range(orders)))
    step.done(f"{orders} order lines")
    first = now - args.tickets * TICKET_STEP - (args.messages_per_ticket + 1) * MESSAGE_STEP
    rng = random.Random(20261122)
    times = thread_times(args)
    rows = (ticket_row(n, first, rng, people, args, orders, times) for n in range(args.tickets))
    copy(cursor, Ticket, rows, step)
    step.done(f"{args.tickets} tickets")
    copy(cursor, Message, message_rows(first, people, args), step)
    step.done(f"{args.tickets * args.messages_per_ticket} messages")


def copy(cursor, model, rows, step=None):
    """Stream dicts (attribute name: value) into the model's table; the fields they leave out
    take their defaults. FREEZE: the table was emptied in this transaction, so the rows go in
    as already visible to all, and nothing has to rewrite them later to say so."""
    fields = model._meta.concrete_fields
    defaults = [(f.attname, f.get_db_prep_save(f.get_default(), connection)) for f in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN (FREEZE)"
    with cursor.copy(statement) as stream:
        for count, values in enumerate(rows, 1):
            stream.write_row([values.get(name, default) for name, default in defaults])
            if step and count % PROGRESS_EVERY == 0:
                print(f"          … {count} {model._meta.verbose_name_plural}", flush=True)


def owner(n, people, args):
    if n < args.bench_customer_tickets:
        return people["bench_customer"]
    customers = people["customers"]
    return customers[n % len(customers)]


def order_row(n, now, people, args):
    bench = n < BENCH_ORDERS
    customers = people["customers"]
    return {
        "id": n + 1,
        "number": f"B-{n:07d}",
        "customer_id": people["bench_customer"] if bench else customers[n % len(customers)],
        "placed_at": now - timedelta(hours=n),
        "total": Decimal("120.00"),
    }


def order_line_row(n):
    return {
        "id": n + 1,
        "order_id": n + 1,
        "product": "Case of limes",
        "quantity": 2,
        "unit_price": Decimal("38.00"),
    }


STATUSES, PRIORITIES = list(Status), list(Priority)


def message_kinds(args):
    """Each ticket's thread, the same for all: (is_staff, is_internal) by position."""
    return [(k % 2 == 1, k == 3) for k in range(args.messages_per_ticket)]


def thread_times(args):
    """When, after its ticket, a thread's first staff reply, last staff and customer replies
    and last public message come (None: there is none); the same for every ticket."""
    public = [
        ((k + 1) * MESSAGE_STEP, staff)
        for k, (staff, note) in enumerate(message_kinds(args))
        if not note
    ]
    staff = [after for after, by_staff in public if by_staff]
    customer = [after for after, by_staff in public if not by_staff]
    return {
        "first_staff": staff[0] if staff else None,
        "last_staff": staff[-1] if staff else None,
        "last_customer": customer[-1] if customer else None,
        "last": public[-1][0] if public else timedelta(0),
    }


def ticket_row(n, first, rng, people, args, orders, times):
    created = first + n * TICKET_STEP
    customer = owner(n, people, args)
    bench = customer == people["bench_customer"]
    updated = created + times["last"]
    # The same random draws, in the same order, as the ORM load: the same priorities, statuses.
    priority, status = rng.choice(PRIORITIES), rng.choice(STATUSES)
    finished = status in (Status.RESOLVED, Status.CLOSED)

    def after(name):
        return created + times[name] if times[name] is not None else None

    return {
        "id": n + 1,
        "number": f"TKTB{n:010d}",
        "customer_id": customer,
        "subject": f"Benchmark ticket {n} about order trouble",
        "description": "Generated for the benchmark. " * 4,
        "category_id": people["categories"][n % len(people["categories"])],
        "priority": priority,
        "status": status,
        "order_id": (n % min(BENCH_ORDERS, orders)) + 1 if bench and n % 3 == 0 else None,
        "assignee_id": people["agent"] if n % 2 else None,
        "first_response_at": after("first_staff"),
        "last_staff_message_at": after("last_staff"),
        "last_customer_message_at": after("last_customer"),
        "resolved_at": updated if finished else None,
        "closed_at": updated if status == Status.CLOSED else None,
        "created_at": created,
        "updated_at": updated,
    }


def message_rows(first, people, args):
    kinds = message_kinds(args)
    bodies = [f"Message {k} on this ticket. " * 3 for k in range(args.messages_per_ticket)]
    agent = people["agent"]
    pk = 0
    for n in range(args.tickets):
        created = first + n * TICKET_STEP
        customer = owner(n, people, args)
        for k, (staff, note) in enumerate(kinds):
            pk += 1
            yield {
                "id": pk,
                "ticket_id": n + 1,
                "author_id": agent if staff else customer,
                "body": bodies[k],
                "is_staff": staff,
                "is_internal": note,
                "created_at": created + (k + 1) * MESSAGE_STEP,
            }


if __name__ == "__main__":
    main()
