"""percentile_cont for SQLite, registered on each new connection (see measures.Percentile)."""

import math

from django.db.backends.signals import connection_created


class PercentileCont:
    """PostgreSQL's percentile_cont: linear interpolation between the two nearest values."""

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
        values = sorted(self.values)
        position = (len(values) - 1) * self.fraction
        lower, upper = math.floor(position), math.ceil(position)
        return values[lower] + (values[upper] - values[lower]) * (position - lower)


def register_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("PERCENTILE_CONT", 2, PercentileCont)


def connect():
    connection_created.connect(register_functions, dispatch_uid="tickets_sqlite_functions")
