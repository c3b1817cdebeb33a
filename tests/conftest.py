import pytest
from django.core.cache import cache
from django.db import connection

from .factories import AgentFactory, CustomerFactory, EditorFactory, SupportAdminFactory


def pytest_collection_modifyitems(config, items):
    """Transactional tests (live_server included) flush the database afterwards. Without a
    serialized rollback the rows the migrations made (role groups, the home page, content types)
    would be gone, or re-made with other ids, for every test after them: refuse such tests."""
    offenders = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = marker.kwargs if marker else {}
        uses_live_server = "live_server" in getattr(item, "fixturenames", ())
        if (uses_live_server or kwargs.get("transaction")) and not kwargs.get(
            "serialized_rollback"
        ):
            offenders.append(item.nodeid)
    if offenders:
        raise pytest.UsageError(
            "Mark transactional tests with "
            "@pytest.mark.django_db(transaction=True, serialized_rollback=True): "
            + ", ".join(offenders)
        )


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate-limit counters live in the cache (Redis in CI): no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the block as if its transaction committed: events fire, emails
    are sent."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


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
