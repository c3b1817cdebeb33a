"""The suite runs on SQLite by default, on PostgreSQL when DATABASE_URL says so (CI does both)."""

import os

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


def test_suite_runs_on_the_database_named_by_database_url():
    url = os.environ.get("DATABASE_URL", "")

    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")


def test_search_uses_the_databases_own_full_text_engine():
    backends = {cls.__name__ for cls in type(get_search_backend()).__mro__}

    expected = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}
    assert expected[connection.vendor] in backends
