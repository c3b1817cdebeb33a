"""Count the Python function calls one request to an agent's page makes (cProfile).

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \
        python bench/call_counts.py ticket queue

Unlike a time, the count does not drift with the machine's load or clock: the same code and data
give the same figure, so it can weigh one part of a page against another (take the part out,
count again) where timings of a few milliseconds cannot.
"""

import argparse
import cProfile
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.agent_queue import AGENT, QUEUE  # noqa: E402
from tickets.models import Ticket  # noqa: E402

RUNS = 5


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", choices=["ticket", "queue", "dashboard"])
    args = parser.parse_args()

    client = Client()
    client.force_login(User.objects.get(email=AGENT))
    ticket = Ticket.objects.order_by("-pk").first()
    urls = {"ticket": f"{QUEUE}edit/{ticket.pk}/", "queue": QUEUE, "dashboard": "/admin/"}
    for page in args.pages:
        url = urls[page]
        for _ in range(3):  # warm up: templates compiled, caches filled
            client.get(url)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(RUNS):
            client.get(url)
        profile.disable()
        print(f"{page}: {pstats.Stats(profile).total_calls // RUNS} calls per request")


if __name__ == "__main__":
    main()
