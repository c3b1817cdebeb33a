"""Prometheus metrics at `/metrics` (prometheus_client): how long requests take per view, and
gauges read from the database when Prometheus scrapes (the task queue's waiting and failed
tasks here; apps add theirs to STATE_COLLECTORS, as notifications does for emails by state).

The endpoint answers only a request bearing METRICS_TOKEN (`Authorization: Bearer …`); without
the setting it is not there (404). Under gunicorn, each worker writes its samples to
PROMETHEUS_MULTIPROC_DIR (gunicorn.conf.py makes one) and a scrape adds them up.
"""

import os
import time

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from . import task_queue

REQUEST_SECONDS = Histogram(
    "supportsite_request_duration_seconds",
    "Time to answer a request, by the view that answered it.",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10),
)
UNMATCHED = "<unmatched>"


class RequestMetricsMiddleware:
    """Times each request and files it under its view's URL name (not its path: a bounded set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or match._func_path) if match else UNMATCHED
        REQUEST_SECONDS.labels(view=view, method=request.method).observe(
            time.perf_counter() - started
        )
        return response


class TaskQueueCollector:
    def collect(self):
        waiting = GaugeMetricFamily(
            "supportsite_tasks_waiting", "Background tasks waiting for a worker.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "supportsite_tasks_failed",
            "Background tasks that failed (among those the queue still keeps).",
            labels=["queue"],
        )
        for name in task_queue.queue_names():
            waiting.add_metric([name], task_queue.waiting(name))
            failed.add_metric([name], task_queue.failed(name))
        yield waiting
        yield failed


# Read at each scrape; apps append theirs in AppConfig.ready().
STATE_COLLECTORS = [TaskQueueCollector()]


def _registry():
    registry = CollectorRegistry()
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        multiprocess.MultiProcessCollector(registry)  # every worker's samples
    else:
        registry.register(REQUEST_SECONDS)  # one process: its own
    for collector in STATE_COLLECTORS:
        registry.register(collector)
    return registry


@never_cache
@require_safe
def metrics(request):
    token = settings.METRICS_TOKEN
    offered = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not token or not constant_time_compare(offered, token):
        raise Http404
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
