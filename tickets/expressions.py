"""Query expressions the ticket queries share (the queue's search, who may see what)."""

import re

from django.db.models import BooleanField, Expression, F, Func, IntegerField, Subquery


class AmongSubquery(Expression):
    """`column IN (subquery)`; on PostgreSQL `column = ANY(ARRAY(subquery))`, so that an index on
    the column can serve it inside an OR."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, queryset):
        super().__init__()
        self.column = F(column) if isinstance(column, str) else column
        self.subquery = queryset if isinstance(queryset, Subquery) else Subquery(queryset)

    def get_source_expressions(self):
        return [self.column, self.subquery]

    def set_source_expressions(self, exprs):
        self.column, self.subquery = exprs

    def as_sql(self, compiler, connection, template="{column} IN {subquery}"):
        column_sql, column_params = compiler.compile(self.column)
        subquery_sql, subquery_params = compiler.compile(self.subquery)
        sql = template.format(column=column_sql, subquery=subquery_sql)
        return sql, (*column_params, *subquery_params)

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, template="{column} = ANY(ARRAY{subquery})")


class Ranked(Func):
    """A column's values ranked, `CASE WHEN column = 'value' THEN rank … END`, with the values
    and ranks written into the SQL: a bound parameter would make each use a different
    expression to PostgreSQL (psycopg binds them on the server), one that no index on the
    expression serves and that SELECT DISTINCT refuses to order by."""

    output_field = IntegerField()

    def __init__(self, column, ranks, **extra):
        """`ranks`: (value, rank) pairs, in the order the CASE tests them (an index on the
        expression serves only the same expression, order included)."""
        self.ranks = tuple((value, int(rank)) for value, rank in ranks)
        if not all(re.fullmatch(r"\w+", value) for value, _rank in self.ranks):
            raise ValueError("Ranked values are written into the SQL: words only.")
        super().__init__(F(column) if isinstance(column, str) else column, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        whens = " ".join(f"WHEN {column} = '{value}' THEN {rank}" for value, rank in self.ranks)
        return f"CASE {whens} ELSE NULL END", params
