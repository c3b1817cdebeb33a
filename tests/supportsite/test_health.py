"""`/healthz` says whether the database, the cache and the task queue answer, and nothing else."""

import importlib
import json
import logging
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection

pytestmark = pytest.mark.django_db


def test_a_healthy_site_answers_ok_for_each_part(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
    }


def test_a_part_that_does_not_answer_is_named_without_its_error(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("redis at 10.0.0.7:6379 refused the password hunter2")

    monkeypatch.setattr(cache, "set", broken)
    with caplog.at_level(logging.ERROR, logger="supportsite.health"):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "failing",
        "checks": {"database": "ok", "cache": "failing", "tasks": "ok"},
    }
    assert b"10.0.0.7" not in response.content
    assert "refused" in caplog.text  # the operator finds the cause in the log


def test_the_database_queue_is_reached_through_its_table(
    settings, client, django_assert_num_queries
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with django_assert_num_queries(2):  # SELECT 1, and the queue's table
        response = client.get("/healthz")

    assert response.status_code == 200


def test_only_safe_methods_are_answered(client):
    assert client.post("/healthz").status_code == 405


def test_migrate_makes_the_database_cache_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "health_test_cache",
        }
    }
    migration = importlib.import_module("supportsite.migrations.0003_cache_table")
    try:
        migration.create_cache_table(None, SimpleNamespace(connection=connection))
        assert "health_test_cache" in connection.introspection.table_names()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS health_test_cache")
