import time

from django.core.management.base import BaseCommand

from supportsite.scheduling import enqueue_due_jobs, periodic_jobs


class Command(BaseCommand):
    help = "Enqueue the periodic jobs of settings.PERIODIC_TASKS when they fall due (runs forever)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick", type=float, default=5.0, help="Seconds between looks at the clock."
        )
        parser.add_argument(
            "--once", action="store_true", help="Enqueue what is due now, then exit."
        )

    def handle(self, *args, tick, once, **options):
        jobs = periodic_jobs()
        self.stdout.write(
            "Scheduler started: " + ", ".join(f"{job.name} every {job.every}s" for job in jobs)
        )
        while True:
            for name in enqueue_due_jobs(time.time(), jobs):
                self.stdout.write(f"Enqueued {name}")
            if once:
                return
            time.sleep(tick)
