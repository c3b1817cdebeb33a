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


def waiting(queue):
    """Tasks in `queue` waiting for a worker (0 for in-process backends, which keep none)."""
    if backend() == RQ_BACKEND:
        import django_rq

        return django_rq.get_queue(queue).count
    if backend() == DATABASE_BACKEND:
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.ready().filter(queue_name=queue).count()
    return 0


def failed(queue):
    """Failed tasks of `queue` that the backend still keeps."""
    if backend() == RQ_BACKEND:
        import django_rq

        return django_rq.get_queue(queue).failed_job_registry.count
    if backend() == DATABASE_BACKEND:
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.failed().filter(queue_name=queue).count()
    return 0
