"""What the reports and the API's stats measure, defined once: durations in seconds, percentiles,
and when a ticket met or missed its SLA targets.

A target is missed when the SLA job recorded a breach (tickets.sla.jobs: it knows about paused
clocks) or when it was reached after its due time; it is met when it was reached in time.
Tickets still within their targets count neither way.
"""

import json

from django.db.models import Aggregate, F, Field, FloatField, Func, Q


class SecondsBetween(Func):
    """`end - start` in seconds, as a float (NULL when either is NULL)."""

    output_field = FloatField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        """date_part answers a float, where EXTRACT computes a numeric first (PostgreSQL 14+),
        several times slower over a year of tickets."""
        return self.as_sql(
            compiler,
            connection,
            template="date_part('epoch', %(expressions)s)",
            arg_joiner=" - ",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


class Percentile(Aggregate):
    """The continuous percentile (PostgreSQL's percentile_cont) of an expression; NULLs ignored.

    SQLite has no such function: tickets.reports.sqlite registers one with the same arithmetic on
    each new connection, as Django does for the aggregates SQLite lacks.
    """

    function = "PERCENTILE_CONT"
    name = "Percentile"
    output_field = FloatField()
    template = "%(function)s(%(expressions)s, %(fraction)s)%(filter)s"

    def __init__(self, expression, fraction, **extra):
        fraction = float(fraction)
        if not 0 <= fraction <= 1:
            raise ValueError("A percentile is a fraction between 0 and 1.")
        super().__init__(expression, fraction=repr(fraction), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s",
            **extra_context,
        )


class Percentiles(Aggregate):
    """Several continuous percentiles of one expression, as a list in the order of `fractions`
    (None when there is no value): PostgreSQL sorts the values once for all of them, where a
    Percentile each would sort them once each.

    On SQLite, tickets.reports.sqlite registers PERCENTILES_CONT, which answers a JSON list.
    """

    function = "PERCENTILE_CONT"
    name = "Percentiles"
    output_field = Field()
    template = "PERCENTILES_CONT(%(expressions)s, '%(fractions)s')%(filter)s"

    def __init__(self, expression, fractions, **extra):
        fractions = [float(fraction) for fraction in fractions]
        if not all(0 <= fraction <= 1 for fraction in fractions):
            raise ValueError("A percentile is a fraction between 0 and 1.")
        super().__init__(expression, fractions=json.dumps(fractions), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="%(function)s(ARRAY%(fractions)s::double precision[])"
            " WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s",
            **extra_context,
        )

    def get_db_converters(self, connection):
        return [self.as_list]

    @staticmethod
    def as_list(value, expression, connection):
        return json.loads(value) if isinstance(value, str) else value


# Per SLA target: when it was reached, when it was due, when the SLA job recorded its breach.
TARGETS = {
    "response": ("first_response_at", "first_response_due_at", "first_response_breached_at"),
    "resolution": ("resolved_at", "resolution_due_at", "resolution_breached_at"),
}


def seconds_to(target, prefix=""):
    """How long after its creation the ticket reached `target` (NULL while it has not)."""
    return SecondsBetween(F(f"{prefix}{TARGETS[target][0]}"), F(f"{prefix}created_at"))


def met(target, prefix=""):
    """Tickets that reached `target` by its due time, with no breach recorded."""
    reached, due, breached = (f"{prefix}{field}" for field in TARGETS[target])
    return Q(
        **{
            f"{reached}__isnull": False,
            f"{reached}__lte": F(due),
            f"{breached}__isnull": True,
        }
    )


def missed(target, prefix=""):
    """Tickets whose `target` was breached, or reached after its due time."""
    reached, due, breached = (f"{prefix}{field}" for field in TARGETS[target])
    return Q(**{f"{breached}__isnull": False}) | Q(**{f"{reached}__gt": F(due)})


def percent(part, whole):
    """part of whole in percent, one decimal; None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None
