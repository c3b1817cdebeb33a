"""Site-wide housekeeping jobs, enqueued by the scheduler (settings.PERIODIC_TASKS)."""

from django.conf import settings
from django.core.management import call_command
from django.tasks import task
from wagtail.admin.models import EditingSession


@task
def publish_scheduled_pages():
    """Wagtail's scheduled publishing and unpublishing of help-center pages."""
    call_command("publish_scheduled", verbosity=0)


@task
def prune_task_results():
    """Drop finished results of the database queue after two weeks (RQ expires its own)."""
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
        call_command("prune_db_task_results", min_age_days=14, verbosity=0)


@task
def prune_editing_sessions():
    """Editing sessions silent for an hour: Wagtail's editors drop them when they open; the
    ticket view, opened far more often (tickets.admin.presence), leaves it to this job."""
    EditingSession.cleanup()
