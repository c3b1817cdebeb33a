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

from django.db.models import Q

from tickets.expressions import AmongSubquery
from tickets.models import Ticket

# What the queue's search looks in (the ticket viewset's search_fields).
SEARCH_FIELDS = ["number", "subject", "order__number", "customer__name", "customer__email"]


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
