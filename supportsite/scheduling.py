"""The scheduler's clock: which periodic jobs are due, enqueued at most once per period.

Any number of scheduler processes may run (one per machine, say): each period of each job is
claimed with an atomic cache `add`, so only the first claimant enqueues it.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task_path: str
    every: int

    def slot(self, now):
        return int(now // self.every)

    def claim(self, now):
        """True for exactly one caller per period, whichever process asks first."""
        key = f"scheduler:{self.name}:{self.slot(now)}"
        return cache.add(key, 1, timeout=self.every * 2)


def periodic_jobs():
    return [
        PeriodicJob(name=name, task_path=spec["task"], every=int(spec["every"]))
        for name, spec in settings.PERIODIC_TASKS.items()
    ]


def enqueue_due_jobs(now, jobs=None):
    """Enqueue every job whose current period is unclaimed; return the names enqueued."""
    enqueued = []
    for job in jobs if jobs is not None else periodic_jobs():
        if job.claim(now):
            import_string(job.task_path).enqueue()
            enqueued.append(job.name)
            logger.info("Enqueued periodic job %s", job.name)
    return enqueued
