"""The background task queue as the configured backend keeps it: a database table
(django-tasks-db) or RQ on Redis (django-tasks-rq); settings.TASKS picks one."""

from django.conf import settings

RQ_BACKEND = "django_tasks_rq.RQBackend"
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def backend():
    return settings.TASKS["default"]["BACKEND"]


def queue_names():
    return settings.TASKS["default"].get("QUEUES", ["default"])


def reach():
    """Raise unless the queue's store answers (nothing to reach for in-process backends)."""
    if backend() == RQ_BACKEND:
        import django_rq

        for name in queue_names():
            django_rq.get_connection(name).ping()
    elif backend() == DATABASE_BACKEND:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()
