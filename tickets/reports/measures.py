"""What the reports and the API's stats measure, defined once: durations in seconds, percentiles,
and when a ticket met or missed its SLA targets.

A target is missed when the SLA job recorded a breach (tickets.sla.jobs: it knows about paused
clocks) or when it was reached after its due time; it is met when it was reached in time.
Tickets still within their targets count neither way.
"""

from django.db.models import Aggregate, F, FloatField, Func, Q


class SecondsBetween(Func):
    """`end - start` in seconds, as a float (NULL when either is NULL)."""

    output_field = FloatField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM (%(expressions)s))::double precision",
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


def first_response_seconds(prefix=""):
    return SecondsBetween(F(f"{prefix}first_response_at"), F(f"{prefix}created_at"))


def resolution_seconds(prefix=""):
    return SecondsBetween(F(f"{prefix}resolved_at"), F(f"{prefix}created_at"))


def _q(prefix, **lookups):
    return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})


def response_met(prefix=""):
    return _q(
        prefix,
        first_response_at__isnull=False,
        first_response_at__lte=F(f"{prefix}first_response_due_at"),
        first_response_breached_at__isnull=True,
    )


def response_missed(prefix=""):
    return _q(prefix, first_response_breached_at__isnull=False) | _q(
        prefix, first_response_at__gt=F(f"{prefix}first_response_due_at")
    )


def resolution_met(prefix=""):
    return _q(
        prefix,
        resolved_at__isnull=False,
        resolved_at__lte=F(f"{prefix}resolution_due_at"),
        resolution_breached_at__isnull=True,
    )


def resolution_missed(prefix=""):
    return _q(prefix, resolution_breached_at__isnull=False) | _q(
        prefix, resolved_at__gt=F(f"{prefix}resolution_due_at")
    )


def percent(part, whole):
    """part of whole in percent, one decimal; None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None
