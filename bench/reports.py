"""Time the support and help-center reports in-process on the benchmark database.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/reports.py --runs 20

The first run gives the generated tickets (bench/generate_tickets.py) a year of history: creation
spread over 365 days, first responses, resolutions, SLA due times, ratings on a third of the
resolved tickets. It gives the help center (bench/helpcenter.py builds it if it is missing) a year
too: 20,000 contact-form deflections, 20,000 searches followed by a ticket, 73,000 daily search
counts and 100,000 article votes. It does so once, in one transaction (it checks for the
ratings), and leaves numbers, customers and assignees as they are, so the other benchmarks keep
their meaning.
"""

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import SUPPORT_ADMINS  # noqa: E402
from bench.helpcenter import build_help_center  # noqa: E402
from bench.portal import measure  # noqa: E402
from helpcenter.models import TopicPage  # noqa: E402
from tickets.models import Feedback, Ticket  # noqa: E402

ADMIN = "admin@bench.example.com"

HISTORY = """
UPDATE tickets_ticket SET
    created_at = now() - (id % 365) * interval '1 day' - (id * 37 % 1440) * interval '1 minute';
UPDATE tickets_ticket SET
    first_response_due_at = created_at + CASE priority
        WHEN 'urgent' THEN interval '1 hour' WHEN 'high' THEN interval '4 hours'
        WHEN 'medium' THEN interval '8 hours' ELSE interval '24 hours' END,
    resolution_due_at = created_at + CASE priority
        WHEN 'urgent' THEN interval '8 hours' WHEN 'high' THEN interval '24 hours'
        WHEN 'medium' THEN interval '48 hours' ELSE interval '120 hours' END,
    first_response_at = CASE WHEN status = 'open' AND id % 3 = 0 THEN NULL
        ELSE created_at + (id % 48 + 1) * interval '15 minutes' END,
    resolved_at = CASE WHEN status IN ('resolved', 'closed')
        THEN created_at + (id % 96 + 2) * interval '1 hour' END,
    closed_at = CASE WHEN status = 'closed'
        THEN created_at + (id % 96 + 2) * interval '1 hour' + interval '7 days' END;
UPDATE tickets_ticket SET first_response_breached_at = first_response_due_at
    WHERE first_response_at IS NULL AND first_response_due_at < now();
INSERT INTO tickets_feedback (ticket_id, rating, comment, created_at)
    SELECT id, 1 + id % 5, CASE WHEN id % 10 = 0 THEN 'Generated comment.' ELSE '' END,
        resolved_at + interval '2 hours'
    FROM tickets_ticket WHERE resolved_at IS NOT NULL AND id % 3 = 0;
INSERT INTO tickets_deflection (page_id, session_key, query, ticket_id, opened_at)
    SELECT (ARRAY(SELECT page_ptr_id FROM helpcenter_articlepage ORDER BY 1))[1 + n % 200],
        'bench-' || n, 'generated question',
        CASE WHEN n % 4 = 0 THEN (SELECT min(id) FROM tickets_ticket) + n END,
        now() - (n % 365) * interval '1 day'
    FROM generate_series(1, 20000) AS n;
INSERT INTO helpcenter_unansweredsearch (query, results, topic_id, ticket_id, searched_at)
    SELECT 'generated query ' || (n % 500), n % 3,
        CASE WHEN n % 7 > 0
            THEN (ARRAY(SELECT page_ptr_id FROM helpcenter_topicpage ORDER BY 1))[1 + n % 30] END,
        t.id, t.created_at - interval '10 minutes'
    FROM generate_series(1, 20000) AS n
    JOIN tickets_ticket t ON t.id = (SELECT min(id) FROM tickets_ticket) + n * 4;
INSERT INTO helpcenter_dailysearchcount (date, query, searches, searches_without_results)
    SELECT current_date - d, 'generated query ' || q, 1 + (d * q) % 20,
        CASE WHEN q % 5 = 0 THEN 1 + (d * q) % 20 ELSE 0 END
    FROM generate_series(0, 364) AS d, generate_series(1, 200) AS q
    ON CONFLICT DO NOTHING;
INSERT INTO helpcenter_articlefeedback (page_id, visitor, helpful, comment, created_at, updated_at)
    SELECT (ARRAY(SELECT page_ptr_id FROM helpcenter_articlepage ORDER BY 1))[1 + n % 1500],
        'bench-year:' || n, n % 4 > 0, CASE WHEN n % 20 = 0 THEN 'Generated comment.' ELSE '' END,
        now() - (n % 365) * interval '1 day', now() - (n % 365) * interval '1 day'
    FROM generate_series(1, 100000) AS n
    ON CONFLICT DO NOTHING;
ANALYZE;
"""


def prepare():
    if Feedback.objects.exists():
        return
    if not TopicPage.objects.filter(slug="bench-topic-0").exists():
        print("Building the help center (first run only)…")
        build_help_center()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in HISTORY.split(";"):
            if statement.strip():
                cursor.execute(statement)
    print(f"Gave the tickets a year of history; {Feedback.objects.count()} ratings.\n")


def admin():
    user, created = User.objects.get_or_create(email=ADMIN, defaults={"name": "Bench Admin"})
    user.groups.add(Group.objects.get(name=SUPPORT_ADMINS))
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    prepare()
    client = Client()
    client.force_login(admin())

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if response.streaming:
                b"".join(response.streaming_content)

        return run

    year = "?period_from=" + str(Ticket.objects.earliest("created_at").created_at.date())
    print(f"{Ticket.objects.count()} tickets in the database.\n")
    print("| what | median ms | p95 ms | CPU ms | queries |")
    print("| --- | --- | --- | --- | --- |")
    for name in ("volume", "status", "response_times", "satisfaction", "agents", "categories"):
        url = reverse(f"support_reports:{name}")
        measure(f"{name}, last 30 days", get(url), args.runs)
        measure(f"{name}, whole year", get(url + year), args.runs)
    volume = reverse("support_reports:volume")
    measure("volume, whole year, CSV", get(f"{volume}{year}&export=csv"), args.runs)
    measure("volume, whole year, XLSX", get(f"{volume}{year}&export=xlsx"), args.runs)
    month = str((timezone.now() - timedelta(days=30)).date())
    for name, date_filter in (
        ("searches", "date"),
        ("failed_searches", "date"),
        ("feedback", "period"),
        ("deflections", "opened_at"),
        ("content_gaps", "searched_at"),
    ):
        url = reverse(f"helpcenter_reports:{name}")
        measure(f"{name}, last 30 days", get(f"{url}?{date_filter}_after={month}"), args.runs)
        measure(f"{name}, all (a year)", get(url), args.runs)


if __name__ == "__main__":
    main()
