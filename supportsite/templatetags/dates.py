"""The site's dates, defined once: `{% moment value %}` for when something happened (date and
time), `{% day value %}` for a calendar day. Both render a <time> with the machine-readable
value and the locale's format in the current time zone, so a page shows one format per kind."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.html import format_html

register = template.Library()

MOMENT_FORMAT = "DATETIME_FORMAT"
DAY_FORMAT = "DATE_FORMAT"


def _time(value, fmt, css_class):
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_html(
        '<time datetime="{}"{}>{}</time>',
        value.isoformat(),
        format_html(' class="{}"', css_class) if css_class else "",
        format_date(value, fmt),
    )


@register.simple_tag
def moment(value, css_class=""):
    return _time(value, MOMENT_FORMAT, css_class)


@register.simple_tag
def day(value, css_class=""):
    return _time(value, DAY_FORMAT, css_class)


@register.filter
def as_moment(value):
    """The moment's text alone, for attributes and plain-text emails."""
    if value and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, MOMENT_FORMAT) if value else ""
