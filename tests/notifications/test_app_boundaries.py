"""Dependencies point one way: notifications imports tickets and accounts, never the reverse,
and its modules import one another without a cycle. Moving the models kept their tables."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations import SeparateDatabaseAndState
from django.db.migrations.loader import MigrationLoader

from notifications.models import EmailDelivery, Notification

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("accounts", "notifications", "supportsite", "tickets")


def _modules():
    """{dotted module name: path} for the project's packages."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _imports(name, path):
    """The dotted names a module imports, relative imports resolved."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _graph(modules):
    graph = {}
    for name, path in modules.items():
        if "migrations" in name.split("."):
            continue
        targets = set()
        for imported in _imports(name, path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


@pytest.mark.parametrize("app", ["tickets", "accounts"])
def test_the_app_imports_nothing_from_notifications(app):
    modules = _modules()
    offenders = {
        name: imported
        for name, path in modules.items()
        if name.split(".")[0] == app
        for imported in _imports(name, path)
        if imported.split(".")[0] == "notifications"
    }
    assert offenders == {}


def test_no_import_cycle_runs_through_the_notifications_app():
    graph = _graph(_modules())

    def reaches(start, goal):
        seen, todo = set(), [start]
        while todo:
            for target in graph.get(todo.pop(), ()):
                if target == goal:
                    return True
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return False

    cycles = [name for name in graph if name.startswith("notifications") and reaches(name, name)]
    assert cycles == []


@pytest.mark.django_db
def test_the_moved_models_keep_their_tables():
    assert Notification._meta.db_table == "tickets_notification"
    assert EmailDelivery._meta.db_table == "tickets_emaildelivery"
    assert {"tickets_notification", "tickets_emaildelivery"} <= set(
        connection.introspection.table_names()
    )


@pytest.mark.parametrize(
    ("app", "migration"),
    [("tickets", "0010_notifications_moved_to_their_app"), ("notifications", "0001_initial")],
)
def test_moving_the_models_changes_no_table(app, migration):
    operations = MigrationLoader(None).get_migration(app, migration).operations

    assert operations
    for operation in operations:
        assert isinstance(operation, SeparateDatabaseAndState)
        assert operation.database_operations == []
