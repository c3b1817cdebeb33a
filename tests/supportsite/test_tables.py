"""The columns that write their cells in Python write what Wagtail's cell templates write."""

import re

import pytest
from django.test import override_settings
from wagtail.admin.ui.tables import Column, NumberColumn, Table

from supportsite.tables import CellRendererTable, CountColumn, PlainColumn

ROWS = [
    {"day": "Mon 2 Mar 2026", "tickets": 1234567, "note": "<b>bold</b> & co", "empty": "  "},
    {"day": "Tue 3 Mar 2026", "tickets": 0, "note": None, "empty": ""},
]


def wagtails_cells(columns, rows):
    table = Table(columns, rows)
    return [
        column.render_cell_html(row, {"table": table, "row": None, "request": None})
        for row in rows
        for column in columns
    ]


def our_cells(columns, rows):
    renderers = [column.cell_renderer() for column in columns]
    return [render(row) for row in rows for render in renderers]


def squeezed(html):
    """Markup without the template's indentation: `<td >\n    5\n</td>` is `<td>5</td>`."""
    return re.sub(r"\s*\n\s*", "", html).replace("<td >", "<td>")


@pytest.mark.parametrize("use_thousand_separator", [False, True])
def test_plain_and_count_columns_write_wagtails_cells(use_thousand_separator):
    def columns(plain, count):
        return [
            plain("day", classname="day"),
            count("tickets"),
            plain("note", label="Note"),
            plain("empty"),
            plain("weekday", accessor=lambda row: row["day"][:3]),
            plain("tickets_plain", accessor="tickets"),
        ]

    with override_settings(USE_THOUSAND_SEPARATOR=use_thousand_separator):
        expected = [squeezed(cell) for cell in wagtails_cells(columns(Column, NumberColumn), ROWS)]
        assert our_cells(columns(PlainColumn, CountColumn), ROWS) == expected

    assert expected[1] == "<td>1,234,567</td>"
    assert expected[2] == "<td>&lt;b&gt;bold&lt;/b&gt; &amp; co</td>"
    assert expected[5] == "<td>1234567</td>"


def test_the_table_joins_the_cells_into_rows_with_wagtails_row_attributes():
    class MarkedTable(CellRendererTable):
        def get_row_classname(self, instance):
            return "busy" if instance["tickets"] else ""

    table = MarkedTable([PlainColumn("day"), CountColumn("tickets")], ROWS)

    assert table.body_html == (
        '<tr class="busy"><td>Mon 2 Mar 2026</td><td>1,234,567</td></tr>\n'
        "<tr><td>Tue 3 Mar 2026</td><td>0</td></tr>"
    )
    html = table.render_html({})
    assert "<thead>" in html and table.body_html in html
