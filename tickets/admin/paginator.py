"""Counting the queue: exactly up to a thousand tickets, beyond that "about N" from PostgreSQL.

COUNT(*) reads every matching row: 10 to 20 ms for the 100,000 tickets of the benchmark, on
every page view, to print one number. The queue reads instead the ids of at most EXACT_UP_TO + 1
matching tickets (LIMIT); when there are more, it shows PostgreSQL's own estimate of the rows
the filtered query returns, rounded to two significant figures and always labelled "about"
("About 100,000 tickets", "Page 1 of about 2,000"). A search shows "more than 1,000" ("Page 1 of
at least 21") instead: the planner cannot estimate text patterns well (it said 50,000 for a
search that matched all 100,000), and a lower bound is never wrong. Other databases count
exactly, as before.

Past the exact count, pages are not limited by the estimate: a page exists when it has rows, and
"next" is offered when one more row follows (one extra row is fetched). A page past the end
(an estimate that was too high) falls back to an exact count and shows the real last page.

Queries stay flat whatever the number of tickets: on PostgreSQL one EXPLAIN (when an estimate
may be shown), the bounded list of ids and the page.
"""

import json
from math import floor, log10

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db import connections
from django.utils.functional import cached_property
from django.utils.translation import gettext
from wagtail.admin.paginator import WagtailPaginator

EXACT_UP_TO = 1000
EXACT, ABOUT, MORE = "exact", "about", "more"


def can_estimate(queryset):
    """Only PostgreSQL's planner is asked; other databases count exactly, as before."""
    return connections[queryset.db].vendor == "postgresql"


def planner_estimate(queryset):
    """How many rows PostgreSQL expects the query to return (no rows are read)."""
    plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def round_estimate(rows):
    """Two significant figures: an estimate is not more precise than that."""
    if rows < 100:
        return rows
    step = 10 ** (floor(log10(rows)) - 1)
    return int(round(rows / step) * step)


class UncountedPage(Page):
    """A page whose paginator only knows that there are more than EXACT_UP_TO rows."""

    def __init__(self, object_list, number, paginator, *, followed):
        super().__init__(object_list, number, paginator)
        self.followed = followed

    def has_next(self):
        return self.followed

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1


class QueuePaginator(WagtailPaginator):
    exact_up_to = EXACT_UP_TO

    def __init__(self, object_list, per_page, *, estimate=True, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.estimate = estimate

    @cached_property
    def counted(self):
        """(number, kind): kind EXACT, ABOUT (the planner's estimate) or MORE (a lower bound)."""
        queryset = self.object_list
        if not can_estimate(queryset):
            return queryset.count(), EXACT
        estimate = planner_estimate(queryset) if self.estimate else None
        # The ids rather than a bounded COUNT: as cheap, and a small result's page is then read
        # by primary key (see page()).
        ids = list(queryset.order_by().values_list("pk", flat=True)[: self.exact_up_to + 1])
        if len(ids) <= self.exact_up_to:
            self.ids = ids
            return len(ids), EXACT
        if estimate is None or estimate <= self.exact_up_to:
            return self.exact_up_to + 1, MORE
        return round_estimate(estimate), ABOUT

    @property
    def count(self):
        return self.counted[0]

    @property
    def kind(self):
        return self.counted[1]

    @property
    def is_exact(self):
        return self.kind == EXACT

    def validate_number(self, number):
        if self.is_exact:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(gettext("That page number is not an integer")) from error
        if number < 1:
            raise EmptyPage(gettext("That page number is less than 1"))
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.is_exact:
            # At most exact_up_to tickets match, and counted() has their ids: the page reads
            # them by primary key and sorts them. Left to itself, with a LIMIT, PostgreSQL may
            # walk the queue's order index in search of a few tickets spread through it (a
            # search for a ticket number: 110 ms instead of 3).
            objects = self.object_list
            if getattr(self, "ids", None):
                objects = objects.filter(pk__in=self.ids)
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = max(top, self.count)
            return self._get_page(objects[bottom:top], number, self)
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            # Past the end: the estimate was too high. Count, and show the real last page.
            self.counted = (self.object_list.count(), EXACT)
            self.__dict__.pop("num_pages", None)
            return super().page(self.num_pages)
        return UncountedPage(
            rows[: self.per_page], number, self, followed=len(rows) > self.per_page
        )

    @property
    def count_label(self):
        """The number as the page says it: "1,234", "about 100,000" or "more than 1,000"."""
        if self.kind == ABOUT:
            return gettext("about %(count)s") % {"count": intcomma(self.count)}
        if self.kind == MORE:
            return gettext("more than %(count)s") % {"count": intcomma(self.exact_up_to)}
        return intcomma(self.count)

    @property
    def num_pages_label(self):
        if self.kind == ABOUT:
            return gettext("about %(count)s") % {"count": intcomma(self.num_pages)}
        if self.kind == MORE:
            # More than exact_up_to tickets fill at least this many pages.
            return gettext("at least %(count)s") % {"count": intcomma(self.num_pages)}
        return intcomma(self.num_pages)

    @property
    def items_count_label(self):
        if self.is_exact:
            return super().items_count_label
        return f"{self.count_label} {self.verbose_name_plural}"
