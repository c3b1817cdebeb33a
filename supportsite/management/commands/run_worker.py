from django.core.management import call_command
from django.core.management.base import BaseCommand

from supportsite import task_queue


class Command(BaseCommand):
    help = (
        "Run a background worker for the configured task backend: the database queue's "
        "db_worker, or an RQ worker (with its scheduler, for deferred tasks) when on Redis."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="Run the tasks waiting now, then exit."
        )

    def handle(self, *args, burst, **options):
        queues = task_queue.queue_names()
        if task_queue.backend() == task_queue.RQ_BACKEND:
            call_command(
                "rqworker",
                *queues,
                job_class="django_tasks_rq.backend.Job",
                with_scheduler=True,
                burst=burst,
            )
        else:
            call_command(
                "db_worker",
                queue_name=",".join(queues),
                batch=burst,
                reload=False,
                startup_delay=False,
            )
