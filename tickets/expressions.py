"""Query expressions the ticket queries share (the queue's search, who may see what)."""

from django.db.models import BooleanField, Expression, F, Subquery


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
