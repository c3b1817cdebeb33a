"""What the admin's report views share."""


class ExportColumnsMixin:
    """A report view that exports its table's columns, under the same headings as shown."""

    @property
    def list_export(self):
        return [column.name for column in self.columns]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}
