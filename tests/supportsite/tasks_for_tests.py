"""Tasks the queue tests enqueue: they leave a trace the test can look for."""

from django.core.cache import cache
from django.tasks import task


@task
def record_visit(key, value):
    cache.set(key, value, timeout=300)
    return value
