"""Fill the benchmark database: customers, orders, 100,000 tickets and 500,000 messages.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/generate_tickets.py --tickets 100000 --messages-per-ticket 5

Deterministic (seeded), bulk inserts in batches; re-running it first deletes the previous data.
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
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import AGENTS, CUSTOMERS  # noqa: E402
from tickets.choices import Priority, Status  # noqa: E402
from tickets.models import Category, Message, Order, OrderLine, Ticket  # noqa: E402

BATCH = 5000
BENCH_CUSTOMER = "bench.customer@example.com"


def batched(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--messages-per-ticket", type=int, default=5)
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--bench-customer-tickets", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20261122)
    started = time.perf_counter()

    call_command("migrate", verbosity=0)
    Message.objects.all().delete()
    Ticket.objects.all().delete()
    Order.objects.all().delete()
    User.objects.filter(email__endswith="@bench.example.com").delete()
    User.objects.filter(email=BENCH_CUSTOMER).delete()

    categories = [
        Category.objects.get_or_create(name=name)[0]
        for name in ("Order issue", "Delivery problem", "Payment issue", "Account support")
    ]
    customers = User.objects.bulk_create(
        [
            User(email=f"customer{n}@bench.example.com", name=f"Customer {n}", password="!")
            for n in range(args.customers)
        ]
    )
    bench_customer = User.objects.create_user(BENCH_CUSTOMER, "bench-pass-123", name="Bench")
    customers_group = Group.objects.get(name=CUSTOMERS)
    customers_group.user_set.add(bench_customer, *customers)
    agent = User.objects.create_user("agent@bench.example.com", "bench-pass-123", name="Agent")
    agent.groups.add(Group.objects.get(name=AGENTS))

    now = timezone.now()
    orders = Order.objects.bulk_create(
        [
            Order(
                number=f"B-{n:07d}",
                customer=bench_customer if n < 200 else customers[n % args.customers],
                placed_at=now - timedelta(hours=n),
                total=Decimal("120.00"),
            )
            for n in range(args.tickets // 5)
        ],
        batch_size=BATCH,
    )
    OrderLine.objects.bulk_create(
        [
            OrderLine(order=order, product="Case of limes", quantity=2, unit_price=Decimal("38.00"))
            for order in orders
        ],
        batch_size=BATCH,
    )
    statuses, priorities = list(Status), list(Priority)
    tickets = []
    for n in range(args.tickets):
        owner = bench_customer if n < args.bench_customer_tickets else customers[n % args.customers]
        tickets.append(
            Ticket(
                number=f"TKTB{n:010d}",
                customer=owner,
                subject=f"Benchmark ticket {n} about order trouble",
                description="Generated for the benchmark. " * 4,
                category=categories[n % len(categories)],
                priority=rng.choice(priorities),
                status=rng.choice(statuses),
                order=orders[n % 200] if owner == bench_customer and n % 3 == 0 else None,
                assignee=agent if n % 2 else None,
                last_staff_message_at=now - timedelta(minutes=n) if n % 2 else None,
            )
        )
    for chunk in batched(tickets):
        Ticket.objects.bulk_create(chunk)
    ticket_ids = list(Ticket.objects.order_by("pk").values_list("pk", "customer_id"))
    messages = []
    for ticket_id, customer_id in ticket_ids:
        for k in range(args.messages_per_ticket):
            staff = k % 2 == 1
            messages.append(
                Message(
                    ticket_id=ticket_id,
                    author_id=agent.pk if staff else customer_id,
                    body=f"Message {k} on this ticket. " * 3,
                    is_staff=staff,
                    is_internal=staff and k == 3,
                )
            )
        if len(messages) >= BATCH:
            Message.objects.bulk_create(messages)
            messages = []
    Message.objects.bulk_create(messages)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{Ticket.objects.count()} tickets, {Message.objects.count()} messages, "
        f"{Order.objects.count()} orders in {time.perf_counter() - started:.0f}s"
    )


if __name__ == "__main__":
    main()
