"""Admin tables whose cells the columns write in Python.

Wagtail renders each cell of a listing through its own template (a Context, a render, tags and
filters per cell). For the queue's 500 cells a page, or the 1,100 of a year's support overview,
that costs more than the page's SQL. Columns here work out once per table whatever is the same for
every row (labels, formats, the time now) and return a function from a row to its cell
(`cell_renderer`); CellRendererTable joins them. The markup is Wagtail's (same classes and
attributes, so its styles and scripts work unchanged).
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.ui.tables import Column, Table


def td(column, content):
    """A cell as Wagtail's wagtailadmin/tables/cell.html writes it."""
    if column.classname:
        return format_html('<td class="{}">{}</td>', column.classname, content)
    return format_html("<td>{}</td>", content)


class CellRendererTable(Table):
    """Wagtail's table (wagtailadmin/tables/table.html) with the rows written by the columns'
    cell renderers: every column must have `cell_renderer()`."""

    template_name = "supportsite/table.html"

    @cached_property
    def body_html(self):
        renderers = [column.cell_renderer() for column in self.columns.values()]
        rows = []
        for instance in self.data:
            cells = mark_safe("".join([render(instance) for render in renderers]))
            rows.append(format_html("<tr{}>{}</tr>", flatatt(self.get_row_attrs(instance)), cells))
        return mark_safe("\n".join(rows))


class PlainColumn(Column):
    """Wagtail's Column: the value as text (numbers unlocalized), nothing for an empty value."""

    def format(self, value):
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    def cell_renderer(self):
        empty = self.empty_value_display

        def render(instance):
            value = self.format(self.get_value(instance))
            return td(self, value if str(value).strip() else empty)

        return render


class CountColumn(PlainColumn):
    """Wagtail's NumberColumn: a number with the locale's thousands separator."""

    def format(self, value):
        return "" if value is None else intcomma(value)
