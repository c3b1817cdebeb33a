"""percentile_cont for SQLite, registered on each new connection (see measures.Percentile and
measures.Percentiles)."""

import json
import math

from django.db.backends.signals import connection_created


def percentile_cont(values, fraction):
    """PostgreSQL's percentile_cont of sorted `values`: linear interpolation between the two
    nearest values."""
    position = (len(values) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    return values[lower] + (values[upper] - values[lower]) * (position - lower)


class PercentileCont:
    """percentile_cont(fraction) WITHIN GROUP (ORDER BY value)."""

    def __init__(self):
        self.values = []
        self.fraction = 0.5

    def step(self, value, fraction):
        if value is not None:
            self.values.append(value)
            self.fraction = fraction

    def finalize(self):
        if not self.values:
            return None
        return percentile_cont(sorted(self.values), self.fraction)


class PercentilesCont(PercentileCont):
    """percentile_cont(ARRAY[fractions…]) WITHIN GROUP (ORDER BY value), as a JSON list."""

    def finalize(self):
        if not self.values:
            return None
        values = sorted(self.values)
        return json.dumps([percentile_cont(values, f) for f in json.loads(self.fraction)])


def register_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("PERCENTILE_CONT", 2, PercentileCont)
        connection.connection.create_aggregate("PERCENTILES_CONT", 2, PercentilesCont)


def connect():
    connection_created.connect(register_functions, dispatch_uid="tickets_sqlite_functions")
