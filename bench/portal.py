"""Time the customer portal in-process: /tickets/, /tickets/<number>/ and opening a ticket.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/portal.py --runs 50

Prints median and 95th percentile in milliseconds, SQL queries per request and the process's
peak memory. Run bench/generate_tickets.py first.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from tickets import workflow  # noqa: E402
from tickets.models import Ticket  # noqa: E402

BENCH_CUSTOMER = "bench.customer@example.com"


def measure(name, action, runs):
    """Time without query capture (it slows psycopg down), then count queries on one more run.

    Wall-clock time includes the database's; CPU time is this process's alone (Python, templates),
    steadier from run to run on a shared machine, where wall-clock figures drift by 20 % or more.
    """
    action()  # warm up
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    with CaptureQueriesContext(connection) as captured:
        action()
    queries = len(captured)
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(
        f"| {name} | {statistics.median(timings):.1f} | {p95:.1f} | "
        f"{statistics.median(cpu):.1f} | {queries} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    customer = User.objects.get(email=BENCH_CUSTOMER)
    client = Client()
    client.force_login(customer)
    ticket = Ticket.objects.filter(customer=customer).order_by("-pk").first()

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    def create():
        workflow.open_ticket(
            customer=customer,
            subject="Benchmark: a new ticket",
            description="Opened by the benchmark to time ticket creation.",
            check_rate=False,
        )

    total = Ticket.objects.count()
    mine = Ticket.objects.filter(customer=customer).count()
    print(f"{total} tickets in the database; the benchmark customer has {mine}.")
    print(f"Ticket page: {ticket.number} with {ticket.messages.count()} messages.\n")
    print("| what | median ms | p95 ms | CPU ms | queries |")
    print("| --- | --- | --- | --- | --- |")
    measure("GET /tickets/", get("/tickets/"), args.runs)
    measure(
        "GET /tickets/?q=order&sort=priority", get("/tickets/?q=order&sort=priority"), args.runs
    )
    measure("GET /tickets/?page=10", get("/tickets/?page=10"), args.runs)
    measure(f"GET /tickets/{ticket.number}/", get(ticket.get_absolute_url()), args.runs)
    measure("open_ticket()", create, args.runs)
    Ticket.objects.filter(subject="Benchmark: a new ticket").delete()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
