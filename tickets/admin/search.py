"""The queue's search: text in any part of a ticket's number or subject, its order's number or
its customer's name or email, as Wagtail's own search finds it, but with indexes.

Wagtail ORs `icontains` over the ticket joined to its order and customer: no index can serve a
condition spread over three tables, so every ticket was read (130 ms on 100,000, for the count
and again for the page). Here the condition stays on the ticket table: its own fields as they
are, a related field as "order_id / customer_id among the rows that match", and on PostgreSQL
that list is an array computed once (`= ANY(ARRAY(SELECT …))`), which the foreign key's index
serves. So PostgreSQL can combine the five conditions with a BitmapOr of indexes (trigram indexes
on UPPER(column), migration 0008) when few tickets match, or walk the queue's order index and
stop at the first page when most do. A plain `IN (SELECT …)` inside an OR is a filter no index
serves; a UNION of one query per field was fast for a ticket number but made a common word
(100,000 matches) build and sort every match (480 ms).
"""

from django.db.models import BooleanField, Expression, F, Q, Subquery

from tickets.models import Ticket

# What the queue's search looks in (the ticket viewset's search_fields).
SEARCH_FIELDS = ["number", "subject", "order__number", "customer__name", "customer__email"]


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


def search_condition(fields, text):
    """Tickets with `text` in any of `fields` (paths from Ticket, as in the viewset's
    search_fields: "subject", "order__number", "customer__email")."""
    condition = Q()
    for path in fields:
        relation, _, rest = path.partition("__")
        if not rest:
            condition |= Q(**{f"{path}__icontains": text})
            continue
        related = Ticket._meta.get_field(relation).related_model
        matching = related._default_manager.filter(**{f"{rest}__icontains": text})
        matching = matching.order_by().values("pk")
        condition |= Q(AmongSubquery(relation, matching))
    return condition
