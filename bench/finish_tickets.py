"""Give the benchmark database a help desk's usual mix: most tickets finished, a few still open.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/supportsite_bench \\
        python bench/finish_tickets.py --keep-percent 2
    … run bench/agent_queue.py …
    python bench/finish_tickets.py --restore

bench/generate_tickets.py spreads the statuses evenly, so 60% of its tickets are unfinished: views
of unfinished work find their rows at once there, however they search. This closes all but
`--keep-percent` of the unfinished tickets (1 in 50 by default), keeping their statuses in a table
of their own so that --restore puts them back.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

SAVED = "bench_saved_status"
UNFINISHED = "('open', 'in_progress', 'waiting_on_customer')"


def finish(keep_percent):
    every = round(100 / keep_percent)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {SAVED} AS SELECT id, status FROM tickets_ticket"
            f" WHERE status IN {UNFINISHED} AND id %% %s <> 0",
            [every],
        )
        cursor.execute(
            f"UPDATE tickets_ticket t SET status = 'closed' FROM {SAVED} s WHERE s.id = t.id"
        )
        return cursor.rowcount


def restore():
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE tickets_ticket t SET status = s.status FROM {SAVED} s WHERE s.id = t.id"
        )
        count = cursor.rowcount
        cursor.execute(f"DROP TABLE {SAVED}")
        return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-percent", type=float, default=2.0)
    parser.add_argument("--restore", action="store_true")
    args = parser.parse_args()
    if args.restore:
        print(f"Gave {restore()} tickets their status back.")
    else:
        print(f"Closed {finish(args.keep_percent)} tickets.")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE tickets_ticket")


if __name__ == "__main__":
    main()
