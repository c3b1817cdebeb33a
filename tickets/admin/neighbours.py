"""The next and the previous ticket in the queue's default view and order (j and k on the ticket
view): the agent's teams' (or all) active tickets, most pressing first. From a ticket outside
it (solved, say), the neighbours are still the active tickets around its place in that order.

A keyset query: the tickets ordered after (or before) this one by the queue's terms, then by pk,
the first of them. Each term's nulls are placed explicitly, so the order and the comparison agree
on every database.
"""

from django.db.models import F, OrderBy, Q

from tickets.permissions import visible_tickets
from tickets.selectors import QUEUE_ORDER

from . import saved_views


def neighbour(ticket, user, *, step):
    """The ticket after (step=1) or before (step=-1) `ticket` in the queue, or None."""
    terms = _terms()
    keys = {f"queue_key_{n}": expression for n, (expression, _, _) in enumerate(terms)}
    visible = visible_tickets(user)
    here = visible.annotate(**keys).filter(pk=ticket.pk).values(*keys).first()
    tickets = saved_views.apply(None, visible, user).annotate(**keys)
    if here is None:
        return None
    # Going back is going forward in the reversed order.
    directions = [
        (name, descending, nulls_last) if step > 0 else (name, not descending, not nulls_last)
        for name, (_, descending, nulls_last) in zip(keys, terms, strict=True)
    ]
    after, equal = Q(pk__in=[]), Q()
    for name, descending, nulls_last in directions:
        after |= equal & _beyond(name, here[name], descending, nulls_last)
        equal &= Q(**{f"{name}__isnull": True}) if here[name] is None else Q(**{name: here[name]})
    ordering = [
        OrderBy(
            F(name),
            descending=descending,
            nulls_last=nulls_last or None,
            nulls_first=not nulls_last or None,
        )
        for name, descending, nulls_last in directions
    ]
    return tickets.filter(after).order_by(*ordering).first()


def _terms():
    """(expression, descending, nulls_last) for each term of the queue's order, then pk."""
    terms = []
    for term in [*QUEUE_ORDER, "pk"]:
        if isinstance(term, str):
            descending = term.startswith("-")
            expression = F(term.lstrip("-"))
            nulls_last = not descending
        else:
            expression, descending = term.expression, term.descending
            nulls_last = term.nulls_last if term.nulls_last or term.nulls_first else not descending
        terms.append((expression, descending, nulls_last))
    return terms


def _beyond(name, value, descending, nulls_last):
    """Rows whose `name` comes after `value` in this direction and null placement."""
    if value is None:
        return Q(**{f"{name}__isnull": False}) if not nulls_last else Q(pk__in=[])
    later = Q(**{f"{name}__lt" if descending else f"{name}__gt": value})
    return later | Q(**{f"{name}__isnull": True}) if nulls_last else later
