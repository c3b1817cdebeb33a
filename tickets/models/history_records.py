"""simple-history's records for tickets, made cheaper to write: each save of a ticket writes one."""

from django.db import connection
from django.utils.functional import cached_property
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name


class TicketHistoricalRecords(HistoricalRecords):
    """Each version keeps the ticket's tags as they were (tickets.history diffs them), copied in
    one INSERT … SELECT: simple-history's own copy reads the ticket back from the version, then
    its tag rows with their tickets and tags, then inserts them, about 1,700 Python calls a
    save. A ticket just created has no tags yet: nothing to copy."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            made = sender.__dict__[self.manager_name]
            setattr(
                sender,
                self.manager_name,
                _HistoryDescriptor(
                    made.model, manager=made.manager_class, queryset=made.queryset_class
                ),
            )

    def create_historical_record_m2ms(self, history_instance, instance):
        if history_instance.history_type == "+":
            return
        for field in history_instance._history_m2m_fields:
            self._copy_rows(field, self.m2m_models[field], history_instance.history_id, instance.pk)

    @staticmethod
    def _copy_rows(field, history_model, history_id, owner_pk):
        through = field.remote_field.through._meta
        columns = [column.column for column in through.concrete_fields]
        owner = through.get_field(get_m2m_field_name(field)).column
        history_column = history_model._meta.get_field("history").column
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(history_model._meta.db_table)} "
                f"({quote(history_column)}, {', '.join(map(quote, columns))}) "
                f"SELECT %s, {', '.join(map(quote, columns))} "
                f"FROM {quote(through.db_table)} WHERE {quote(owner)} = %s",
                [history_id, owner_pk],
            )


class _HistoryDescriptor(HistoryDescriptor):
    """simple-history's `ticket.history`, its manager class made once: making it (from_queryset)
    on every access cost about 1,200 calls, and each save reads it."""

    @cached_property
    def _manager_class(self):
        return self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance, owner):
        return self._manager_class(self.model, instance)
