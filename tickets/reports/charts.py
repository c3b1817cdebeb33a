"""Bar charts drawn on the server as SVG: no JavaScript, and the same rows follow as a table."""

import math
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.html import format_html_join

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 28
MAX_LABELS = 10


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    title: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list = field(default_factory=list)
    y_ticks: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT

    def bars_html(self):
        """The bars as SVG, written here: a year is 732 bars, too many for a template loop."""
        return format_html_join(
            "\n",
            '<rect class="support-chart__bar--{}" x="{}" y="{}" width="{}" height="{}">'
            "<title>{}</title></rect>",
            ((b.series, b.x, b.y, b.width, b.height, b.title) for b in self.bars),
        )


def _nice_ceiling(value):
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above value, so the axis has round ticks."""
    if value <= 4:
        return 4
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def daily_bars(rows, series):
    """Grouped bars, one group per day: rows are dicts with a `day` and a value per series key;
    series is a list of (key, label)."""
    chart = Chart()
    if not rows:
        return chart
    top = _nice_ceiling(max(row[key] for row in rows for key, _label in series))
    plot_height = chart.baseline - TOP
    slot = (chart.right - chart.left) / len(rows)
    bar_width = slot * 0.8 / len(series)
    for index, row in enumerate(rows):
        day = date_format(row["day"], "SHORT_DATE_FORMAT")
        for offset, (key, label) in enumerate(series):
            value = row[key]
            height = plot_height * value / top
            chart.bars.append(
                Bar(
                    x=round(chart.left + index * slot + slot * 0.1 + offset * bar_width, 2),
                    y=round(chart.baseline - height, 2),
                    width=round(max(bar_width - 1, 1), 2),
                    height=round(height, 2),
                    series=key,
                    title=f"{day}: {value} {label}",
                )
            )
    for step in range(5):
        value = top * step / 4
        chart.y_ticks.append(
            {"y": round(chart.baseline - plot_height * step / 4, 2), "label": f"{value:g}"}
        )
    every = math.ceil(len(rows) / MAX_LABELS)
    for index in range(0, len(rows), every):
        chart.x_labels.append(
            {
                "x": round(chart.left + (index + 0.5) * slot, 2),
                "label": date_format(rows[index]["day"], "j M"),
            }
        )
    return chart
