"""`/healthz`, for load balancers and orchestrators: can this web process reach the database,
the cache and the task queue? 200 when all three answer, 503 naming the one that did not; the
answer holds no data and no error text (the log has the error)."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import task_queue

logger = logging.getLogger(__name__)
CACHE_KEY = "healthz"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    cache.set(CACHE_KEY, "ok", 10)
    if cache.get(CACHE_KEY) != "ok":
        raise RuntimeError("the cache did not keep a value")


CHECKS = {"database": _database, "cache": _cache, "tasks": task_queue.reach}


def _state(name, check):
    try:
        check()
    except Exception:
        logger.exception("Health check: %s does not answer", name)
        return "failing"
    return "ok"


@never_cache
@require_safe
def healthz(request):
    checks = {name: _state(name, check) for name, check in CHECKS.items()}
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks},
        status=200 if healthy else 503,
    )
