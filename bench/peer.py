"""Our side of django-helpdesk's benchmark (../shared/bench/peer/measure.py), measured its way.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/peer.py --peer /tmp/helpdesk-peer-bench/results/pg-100k.json

For each of the peer's actions, the page or request of ours that does the same job, timed as the
peer's harness times its own: in-process with Django's test client, 5 warm-up requests, 30 timed
(median and 95th percentile), then 3 more inside CaptureQueriesContext for the query count and
the time spent in the database. With --peer (the JSON the peer's measure.py wrote, run in the
same sitting) it prints both side by side with the ratio. Run bench/generate_tickets.py first.

Where the two differ by design, the table says so: the peer's list is an HTML shell plus a
DataTables JSON request (both are counted), ours is one page; the peer's customer is anonymous
with a key in the URL, ours signed in; the peer sends its emails inside the request, ours queues
them (a row in the task table, sent by the worker after the commit).
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.agent_queue import AGENT, QUEUE  # noqa: E402
from bench.portal import BENCH_CUSTOMER  # noqa: E402
from helpcenter.demo import seed_contact_page  # noqa: E402
from helpcenter.models import ContactPage, HomePage  # noqa: E402
from tickets.admin.views import version_of  # noqa: E402
from tickets.choices import Status  # noqa: E402
from tickets.models import Category, Ticket  # noqa: E402

WARMUP, REQUESTS = 5, 30
SEARCH_WORD = "order"  # in every generated subject: the most matches a search can have

# (peer action or actions, summed; ours; a note on the pairing)
PAIRS = [
    (
        ("staff_ticket_list_page", "staff_ticket_list_json"),
        "queue",
        "the peer's page is a shell filled by a second (DataTables) request: both counted",
    ),
    (
        ("staff_ticket_list_page_filtered", "staff_ticket_list_json_filtered"),
        "queue_filtered",
        "open tickets of one queue (ours: one category)",
    ),
    (
        ("staff_ticket_list_page_search", "staff_ticket_list_json_search"),
        "queue_search",
        f"the peer searches “invoice”, ours “{SEARCH_WORD}” (in every subject)",
    ),
    (("staff_dashboard",), "dashboard", ""),
    (("staff_ticket_detail_5fu",), "ticket_view", "an open, assigned ticket with 5 messages"),
    (
        ("public_ticket_view_5fu (anon)",),
        "customer_ticket",
        "the peer's customer has a key in the URL; ours is signed in",
    ),
    (("public_submit_form_get (anon)",), "contact_get", "the form to open a ticket"),
    (
        ("public_submit_post (anon)",),
        "contact_post",
        "a whole ticket-creating POST; the peer sends its email in the request, ours queues it",
    ),
    (
        ("staff_followup_post",),
        "reply_post",
        "a public reply; the peer sends its emails in the request, ours queues them",
    ),
]


def percentile(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    low = int(k)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


def run_action(name, action, expect):
    """The peer's run_action: the same warm-up, timing and query capture."""
    for _ in range(WARMUP):
        response = action()
        assert response.status_code in expect, (name, response.status_code)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = action()
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in expect, (name, response.status_code)
    queries, sql_ms = [], []
    for _ in range(3):
        spent = [0.0]

        def timer(execute, sql, params, many, context, spent=spent):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent[0] += time.perf_counter() - start

        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
            action()
        queries.append(len(captured))
        sql_ms.append(spent[0] * 1000)
    result = {
        "action": name,
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "queries": int(statistics.median(queries)),
        "sql_ms_median": round(statistics.median(sql_ms), 2),
    }
    print(
        f"  {name:18s} median {result['median_ms']:8.2f} ms  p95 {result['p95_ms']:8.2f} ms  "
        f"q={result['queries']:3d} sql={result['sql_ms_median']:7.2f} ms",
        flush=True,
    )
    return result


def count_calls(name, action, expect, top):
    """Python calls per request (cProfile): steady where timings drift with the machine's load,
    so it weighs one version of a path against another. `top` prints the costliest functions."""
    for _ in range(WARMUP):
        assert action().status_code in expect, name
    profile = cProfile.Profile()
    runs = 10
    profile.enable()
    for _ in range(runs):
        action()
    profile.disable()
    stats = pstats.Stats(profile)
    print(f"  {name:18s} {stats.total_calls // runs:7d} calls per request", flush=True)
    if top:
        stats.sort_stats("cumulative").print_stats(top)
    return {"action": name, "calls": stats.total_calls // runs}


def signed_in(user, address="127.0.0.1"):
    """A client signed in as `user`, its middleware built already (as a server process's is):
    building it (WhiteNoise lists every static file) would otherwise land in a timed request."""
    client = Client(REMOTE_ADDR=address)
    client.force_login(user)
    client.handler.load_middleware()
    return client


def contact_page():
    page = ContactPage.objects.live().first()
    if page is None:
        seed_contact_page(HomePage.objects.get())
        page = ContactPage.objects.live().get()
    return page


def measure(only=(), calls=False, top=0):
    agent = User.objects.get(email=AGENT)
    customer = User.objects.get(email=BENCH_CUSTOMER)
    staff, portal = signed_in(agent), signed_in(customer)
    category = Category.objects.order_by("pk").first()
    open_assigned = Ticket.objects.filter(status=Status.OPEN, assignee__isnull=False)
    detail = (
        open_assigned.filter(customer=customer)
        .annotate(n=Count("messages"))
        .filter(n=5)
        .order_by("pk")
        .first()
    )
    # What each reply form carries, read before the timing (as the peer's harness does).
    reply_to = iter(
        [
            (ticket.pk, version_of(ticket))
            for ticket in open_assigned.exclude(pk=detail.pk).order_by("-pk")[
                : WARMUP + REQUESTS + 3
            ]
        ]
    )
    # One customer per ticket opened, each from their own address, as the peer's 50 submitters:
    # the hourly limits count per customer and per address.
    openers = iter(
        [
            signed_in(user, f"10.0.{n // 250}.{n % 250 + 1}")
            for n, user in enumerate(
                User.objects.filter(email__endswith="@bench.example.com").order_by("pk")[
                    : WARMUP + REQUESTS + 3
                ]
            )
        ]
    )
    contact = contact_page()

    def contact_post():
        response = next(openers).post(
            contact.url,
            {
                "subject": "Benchmark submission: cannot download invoice",
                "description": "Hello, the invoice download link returns an error page. "
                "I tried two browsers. Order number 12345. Thanks!",
                "priority": "",
            },
        )
        assert "?sent=" in response["Location"], response.content
        return response

    def reply_post():
        pk, seen = next(reply_to)
        return staff.post(
            f"{QUEUE}edit/{pk}/",
            {
                "action": "reply",
                "kind": "reply",
                "body": "Thanks for the report. We have reset the export job; "
                "please try again and let us know.",
                "seen": seen,
            },
        )

    print(
        f"{Ticket.objects.count()} tickets; ticket page {detail.number} "
        f"(5 messages); contact page {contact.url}",
        flush=True,
    )
    actions = {
        "queue": (lambda: staff.get(QUEUE), {200}),
        "queue_filtered": (
            lambda: staff.get(f"{QUEUE}?status=open&category={category.pk}"),
            {200},
        ),
        "queue_search": (lambda: staff.get(f"{QUEUE}?q={SEARCH_WORD}"), {200}),
        "dashboard": (lambda: staff.get("/admin/"), {200}),
        "ticket_view": (lambda: staff.get(f"{QUEUE}edit/{detail.pk}/"), {200}),
        "customer_ticket": (lambda: portal.get(detail.get_absolute_url()), {200}),
        "contact_get": (lambda: portal.get(contact.url), {200}),
        "contact_post": (contact_post, {302}),
        "reply_post": (reply_post, {302}),
    }
    if only:
        actions = {name: actions[name] for name in only}
    if calls:
        return {name: count_calls(name, *action, top) for name, action in actions.items()}
    return {name: run_action(name, action, expect) for name, (action, expect) in actions.items()}


def side_by_side(ours, peer_path):
    peer = {r["action"]: r for r in json.loads(Path(peer_path).read_text())["results"]}
    print(f"\nPeer: {peer_path}\n")
    print("| what | django-helpdesk ms | ours ms | peer / ours | queries (peer, ours) | note |")
    print("| --- | --- | --- | --- | --- | --- |")
    for peer_actions, name, note in PAIRS:
        theirs = sum(peer[a]["median_ms"] for a in peer_actions)
        their_queries = sum(peer[a]["queries"] for a in peer_actions)
        mine = ours[name]["median_ms"]
        print(
            f"| {name} | {theirs:.1f} | {mine:.1f} | {theirs / mine:.2f} | "
            f"{their_queries}, {ours[name]['queries']} | {note} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", help="the peer's results JSON from the same sitting")
    parser.add_argument("--out", help="write our figures to this JSON file")
    parser.add_argument("--only", nargs="+", choices=[name for _, name, _ in PAIRS])
    parser.add_argument("--calls", action="store_true", help="count Python calls, not time")
    parser.add_argument("--top", type=int, default=0, help="with --calls: list the costliest")
    args = parser.parse_args()
    ours = measure(args.only or (), calls=args.calls, top=args.top)
    if args.calls:
        return
    if args.out:
        Path(args.out).write_text(json.dumps(ours, indent=1))
    if args.peer:
        side_by_side(ours, args.peer)


if __name__ == "__main__":
    main()
