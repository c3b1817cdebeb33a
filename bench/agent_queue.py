"""Time the agents' queue in-process on the benchmark database (see bench/generate_tickets.py).

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/agent_queue.py --runs 50

Also times one run of the SLA job with nothing left to escalate. Its warm-up run escalates what is
overdue first (after bench/reports.py, tens of thousands of tickets: minutes, once).
"""

import argparse
import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.portal import measure  # noqa: E402
from tickets.models import Ticket  # noqa: E402
from tickets.sla.jobs import check_sla  # noqa: E402

AGENT = "agent@bench.example.com"
QUEUE = "/admin/snippets/tickets/ticket/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    client = Client()
    client.force_login(User.objects.get(email=AGENT))
    ticket = Ticket.objects.order_by("-pk").first()

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    print(f"{Ticket.objects.count()} tickets in the database.\n")
    print("| what | median ms | p95 ms | CPU ms | queries |")
    print("| --- | --- | --- | --- | --- |")
    measure("queue, default order", get(QUEUE), args.runs)
    measure("queue, page 20", get(f"{QUEUE}?p=20"), args.runs)
    measure(
        "queue, my open tickets",
        get(f"{QUEUE}?assignee=me&status=open&status=in_progress"),
        args.runs,
    )
    measure(
        "queue, unassigned urgent", get(f"{QUEUE}?assignee=unassigned&priority=urgent"), args.runs
    )
    measure("queue, search by number", get(f"{QUEUE}?q={ticket.number}"), args.runs)
    measure("queue, search by part of a number", get(f"{QUEUE}?q=TKTB00000499"), args.runs)
    measure("queue, search by a word in every subject", get(f"{QUEUE}?q=order"), args.runs)
    measure("queue, SLA at risk", get(f"{QUEUE}?sla=at_risk"), args.runs)
    measure("queue, SLA breached", get(f"{QUEUE}?sla=breached"), args.runs)
    measure("ticket view", get(f"{QUEUE}edit/{ticket.pk}/"), args.runs)
    measure("dashboard", get("/admin/"), args.runs)
    measure("SLA job, nothing to escalate", check_sla, args.runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
