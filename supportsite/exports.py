"""The admin's spreadsheet exports, safe to open: no cell of ours becomes a live formula.

A spreadsheet program reads a CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (`=HYPERLINK("http://evil", "x")` in a ticket subject would be a link in
the agent's sheet). SafeSpreadsheetExportMixin, put before Wagtail's SpreadsheetExportMixin in a
view's bases, prefixes such text with `'` in CSV (OWASP's advice), which shows the text as
written. Only text is touched: numbers (negative ones too) stay numbers. XLSX cells keep the text
unchanged: Wagtail's writer stores a string that openpyxl would take for a formula as a string
cell (`generate_xlsx_row`), which no spreadsheet evaluates.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """`value` with a `'` in front if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin:
    """Wagtail's spreadsheet export whose CSV cells are never formulas (see the module)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return neutralise_formula(value)
        return value


class SafeSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """A form page's submissions (the admin's list and its CSV/XLSX export)."""
