"""The background queues really run tasks: the database queue always, Redis (RQ) when configured."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.tasks import TaskResultStatus

from tests.supportsite.tasks_for_tests import record_visit

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_queue_holds_a_task_until_the_worker_runs_it(database_queue):
    result = record_visit.enqueue("visit-db", "from the database queue")

    assert result.status == TaskResultStatus.READY
    assert cache.get("visit-db") is None

    call_command("run_worker", burst=True)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "from the database queue"
    assert cache.get("visit-db") == "from the database queue"


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redis_queue_runs_tasks_through_an_rq_worker(settings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL=redis://…")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

    result = record_visit.enqueue("visit-rq", "from redis")
    call_command("run_worker", burst=True)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert cache.get("visit-rq") == "from redis"
