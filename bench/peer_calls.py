"""Python calls per request of django-helpdesk's one-ticket pages, counted as bench/peer.py
--calls counts ours (cProfile over ten requests after warm-up), for a comparison that does not
drift with the machine's load. Run it with the peer's virtualenv, from its harness's folder:

    cd ../shared/bench/peer && BENCH_DB=pg BENCH_DBNAME=helpdesk_100k \
        $BENCH_WORK/venv/bin/python /path/to/bench/peer_calls.py

It drives the same requests as the peer's measure.py: the staff ticket view and the public view
of a ticket with five follow-ups, the submit form and its POST, and a staff follow-up.
"""

import cProfile
import os
import pstats
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerproj.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from helpdesk.models import Queue, Ticket  # noqa: E402

WARMUP, RUNS = 3, 10


def count(name, action):
    for _ in range(WARMUP):
        action()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(RUNS):
        action()
    profile.disable()
    print(f"  {name:22s} {pstats.Stats(profile).total_calls // RUNS:7d} calls per request")


def main():
    setup_test_environment()
    staff = get_user_model().objects.get(username="staff01")
    queue = Queue.objects.get(slug="billing")
    open_assigned = Ticket.objects.filter(status=Ticket.OPEN_STATUS, assigned_to__isnull=False)
    detail = open_assigned.annotate(n=Count("followup")).filter(n=5).order_by("id").first()
    targets = iter(open_assigned.exclude(pk=detail.pk).order_by("-id")[: 2 * (WARMUP + RUNS)])
    staff_client, anonymous = Client(), Client()
    staff_client.force_login(staff)
    public = (
        f"/view/?ticket={detail.ticket_for_url}&email={detail.submitter_email}"
        f"&key={detail.secret_key}"
    )
    sent = iter(range(10**6))

    def submit():
        n = next(sent)
        return anonymous.post(
            "/tickets/submit/",
            {
                "queue": str(queue.pk),
                "title": f"Benchmark submission {n}: cannot download invoice",
                "body": "Hello, the invoice download link returns an error page. "
                "I tried two browsers. Order number 12345. Thanks!",
                "priority": "3",
                "due_date": "",
                "submitter_email": f"bench.customer{n % 50}@example.org",
            },
        )

    def reply():
        ticket = next(targets)
        return staff_client.post(
            f"/tickets/{ticket.pk}/update/",
            {
                "comment": "Thanks for the report. We have reset the export job; "
                "please try again and let us know.",
                "new_status": str(ticket.status),
                "public": "1",
                "title": ticket.title,
                "owner": str(ticket.assigned_to_id),
                "priority": str(ticket.priority),
                "queue": str(ticket.queue_id),
                "due_date": "",
                "time_spent": "",
            },
        )

    count("staff_ticket_detail", lambda: staff_client.get(f"/tickets/{detail.pk}/"))
    count("public_ticket_view", lambda: anonymous.get(public))
    count("public_submit_form_get", lambda: anonymous.get("/tickets/submit/"))
    count("public_submit_post", submit)
    count("staff_followup_post", reply)


if __name__ == "__main__":
    main()
