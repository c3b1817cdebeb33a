"""Searching the whole database for a text: every text or JSON column of every table, history
tables and tables Django has no model for included (read from the database itself)."""

from django.db import connection

TEXT_TYPES = {"CharField", "TextField", "JSONField", "EmailField", "SlugField", "URLField"}


def text_columns():
    """(table, column) for every text or JSON column of every table, history tables included."""
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in introspection.table_names(cursor):
            for column in introspection.get_table_description(cursor, table):
                if is_text(introspection, column):
                    yield table, column.name


def is_text(introspection, column):
    """Text, JSON, or of no declared type (SQLite's full-text tables): searched."""
    try:
        return introspection.get_field_type(column.type_code, column) in TEXT_TYPES
    except KeyError:
        return True


def traces_in_database(values):
    """{(table, column): [values found]} over the whole database."""
    quote = connection.ops.quote_name
    found = {}
    with connection.cursor() as cursor:
        for table, column in text_columns():
            for value in values:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 (names from introspection)
                    f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                    [f"%{value.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.setdefault((table, column), []).append(value)
    return found


def rows_containing(text):
    """(table, column) pairs where some row holds `text` (in any case)."""
    return sorted(traces_in_database([text]))
