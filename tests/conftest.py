import pytest
from django.core.cache import cache
from django.db import connection

from .factories import AgentFactory, CustomerFactory, EditorFactory, SupportAdminFactory


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate-limit counters live in the cache (Redis in CI): no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def customer(db):
    return CustomerFactory()


@pytest.fixture
def agent(db):
    return AgentFactory()


@pytest.fixture
def support_admin(db):
    return SupportAdminFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")

