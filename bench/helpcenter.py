"""Time the help center in-process: home, topic, article and FAQ pages, search, suggestions.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/helpcenter.py --runs 50

Builds a large help center the first time (30 topics of 50 articles, an FAQ page of 200
questions, votes), indexes it for search, then prints median and 95th percentile in
milliseconds and SQL queries per request, for pages with their cached fragments cold (cache
cleared before each request) and warm.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpcenter.models import (  # noqa: E402
    ArticleFeedback,
    ArticlePage,
    FAQItem,
    FAQPage,
    HomePage,
    TopicPage,
)
from helpcenter.search import suggest_articles  # noqa: E402

TOPICS = 30
ARTICLES_PER_TOPIC = 50
FAQ_ITEMS = 200
WORDS = (
    "delivery window driver invoice refund credit order crate limes avocados chilled frozen "
    "account team member payment card standing cut-off substitution route depot"
).split()


def paragraph(n):
    return " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(60)).capitalize() + "."


@transaction.atomic
def build_help_center():
    """Pages are added live without revisions: fast to build, served like published ones."""
    home = HomePage.objects.get()
    now = timezone.now()
    for t in range(TOPICS):
        topic = home.add_child(
            instance=TopicPage(title=f"Bench topic {t}", slug=f"bench-topic-{t}")
        )
        for a in range(ARTICLES_PER_TOPIC):
            n = t * ARTICLES_PER_TOPIC + a
            article = topic.add_child(
                instance=ArticlePage(
                    title=f"Bench article {n} about {WORDS[n % len(WORDS)]}",
                    slug=f"bench-article-{n}",
                    summary=paragraph(n)[:200],
                    body=[
                        {"type": "text", "value": f"<p>{paragraph(n + k)}</p>"} for k in range(6)
                    ],
                    last_published_at=now,
                    first_published_at=now,
                )
            )
            ArticleFeedback.objects.bulk_create(
                ArticleFeedback(page=article, visitor=f"bench:{v}", helpful=v % 3 != 0)
                for v in range(n % 7)
            )
    faq = home.add_child(instance=FAQPage(title="Bench FAQ", slug="bench-faq"))
    FAQItem.objects.bulk_create(
        FAQItem(
            page=faq,
            sort_order=n,
            question=f"Question {n} about {WORDS[n % len(WORDS)]}?",
            answer=f"<p>{paragraph(n)}</p>",
        )
        for n in range(FAQ_ITEMS)
    )
    call_command("update_index", verbosity=0)


def measure(name, action, runs, cold=False):
    """Time without query capture (it slows the driver down), then count queries on one more run."""

    def run():
        if cold:
            cache.clear()
        action()

    run()  # warm up the process
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        action()
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(f"| {name} | {statistics.median(timings):.1f} | {p95:.1f} | {len(captured)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    if not TopicPage.objects.filter(slug="bench-topic-0").exists():
        print("Building the help center (first run only)…")
        build_help_center()
    client = Client()

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    article = ArticlePage.objects.get(slug="bench-article-777")
    topic = article.get_parent()
    print(f"{ArticlePage.objects.count()} articles, {FAQItem.objects.count()} FAQ answers.\n")
    print("| what | median ms | p95 ms | CPU ms | queries |")
    print("| --- | --- | --- | --- | --- |")
    for cold in (True, False):
        state = "cold" if cold else "warm"
        measure(f"GET / ({state})", get("/"), args.runs, cold)
        measure(f"GET topic, 50 articles ({state})", get(topic.url), args.runs, cold)
        measure(f"GET article ({state})", get(article.url), args.runs, cold)
        measure(f"GET FAQ, 200 answers ({state})", get("/bench-faq/"), args.runs, cold)
    measure("GET /search/?q=refund", get("/search/?q=refund"), args.runs)
    measure("GET /search/?q=refund+limes&page=3", get("/search/?q=refund+limes&page=3"), args.runs)
    measure("GET /search/?q=pallets (no results)", get("/search/?q=pallets"), args.runs)
    measure("suggest_articles('late driver')", lambda: suggest_articles("late driver"), args.runs)


if __name__ == "__main__":
    main()
