"""The "database" search backend, with prefix matching on SQLite.

Wagtail's database backend picks PostgreSQL full-text search (with English stemming) on PostgreSQL
and FTS5 on SQLite. FTS5 as Wagtail sets it up does no stemming, so "refund" would not find
"Refunds"; matching each search word as a word prefix gives SQLite most of what stemming gives.
"""

from functools import cache

from wagtail.search.backends.database import SearchBackend as database_backend


@cache
def _prefix_sqlite_backend():
    # Imported only on SQLite: the module's models exist only there.
    from wagtail.search.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class PrefixSearchQueryCompiler(SQLiteSearchQueryCompiler):
        LAST_TERM_IS_PREFIX = True

    class PrefixSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = PrefixSearchQueryCompiler

    return SQLiteSearchBackend, PrefixSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if type(backend).__module__.endswith(".sqlite.sqlite"):
        sqlite_backend, prefix_backend = _prefix_sqlite_backend()
        if isinstance(backend, sqlite_backend):
            return prefix_backend(params)
    return backend
