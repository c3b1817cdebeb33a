"""The reports' figures, each a fixed number of aggregate queries whatever the number of tickets.

Tickets are counted in the period by the date that matters for the figure: created tickets by
created_at, resolved ones by resolved_at, ratings by when they were given. Response times and
SLA compliance are those of the tickets created in the period.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property, reduce
from operator import and_

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User

from .. import conditions
from ..choices import ACTIVE_STATUSES, PRIORITY_RANK, Priority, Status
from ..models import Category, Feedback, Team, Ticket
from ..permissions import is_team_scoped, visible_tickets
from . import measures
from .measures import Percentile, Percentiles, percent


@dataclass
class Scope:
    """The period (whole days, both ends included, in the site's time zone), the filters, and
    whose report it is: `user` counts only the tickets they may see (None: every ticket, for
    scripts and tests)."""

    start: date
    end: date
    category: Category | None = None
    priority: str | None = None
    agent: User | None = None
    team: Team | None = None
    user: User | None = None

    @cached_property
    def bounds(self):
        tz = timezone.get_current_timezone()
        start = datetime.combine(self.start, time.min, tzinfo=tz)
        end = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz)
        return start, end

    @property
    def days(self):
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def during(self, field):
        start, end = self.bounds
        return Q(**{f"{field}__gte": start, f"{field}__lt": end})

    def filters(self, prefix=""):
        """The category, priority, agent and team filters on tickets reached through `prefix`,
        and the tickets the user may see (tickets.permissions) when they may not see all."""
        lookups = {
            "category": self.category,
            "priority": self.priority,
            "assignee": self.agent,
            "team": self.team,
        }
        condition = Q(**{f"{prefix}{name}": value for name, value in lookups.items() if value})
        if self.user is not None and is_team_scoped(self.user):
            condition &= Q(**{f"{prefix}pk__in": visible_tickets(self.user).values("pk")})
        return condition

    def tickets(self):
        return Ticket.objects.filter(self.filters()).order_by()

    def created(self):
        return self.tickets().filter(self.during("created_at"))


# The percentiles of each time, by the name of their figure.
STATS = {"median": 0.5, "p90": 0.9}


def time_measures(prefix="", among=None):
    """Counts, response and resolution times (median, 90th percentile, in seconds) and SLA
    results over tickets, or over those of them that meet `among`; `prefix` reaches them
    through a relation."""

    def where(*conditions):
        """The conditions and `among` together; None for every ticket (no FILTER at all)."""
        conditions = [condition for condition in (*conditions, among) if condition]
        return reduce(and_, conditions) if conditions else None

    first_response = measures.seconds_to("response", prefix)
    resolution = measures.seconds_to("resolution", prefix)
    return {
        "tickets": Count(f"{prefix}pk", filter=where()),
        "responded": Count(f"{prefix}first_response_at", filter=where()),
        "resolved": Count(f"{prefix}resolved_at", filter=where()),
        "first_response_times": Percentiles(first_response, STATS.values(), filter=where()),
        "resolution_times": Percentiles(resolution, STATS.values(), filter=where()),
        "response_met": Count(f"{prefix}pk", filter=where(measures.met("response", prefix))),
        "response_missed": Count(f"{prefix}pk", filter=where(measures.missed("response", prefix))),
        "resolution_met": Count(f"{prefix}pk", filter=where(measures.met("resolution", prefix))),
        "resolution_missed": Count(
            f"{prefix}pk", filter=where(measures.missed("resolution", prefix))
        ),
    }


def with_rates(row):
    """Add the SLA compliance as percentages and the times in hours, one decimal each: the
    numbers shown and exported."""
    met = row["response_met"] + row["resolution_met"]
    missed = row["response_missed"] + row["resolution_missed"]
    row["response_compliance"] = percent(
        row["response_met"], row["response_met"] + row["response_missed"]
    )
    row["resolution_compliance"] = percent(
        row["resolution_met"], row["resolution_met"] + row["resolution_missed"]
    )
    row["sla_compliance"] = percent(met, met + missed)
    for name in ("first_response", "resolution"):
        times = row.pop(f"{name}_times") or [None] * len(STATS)
        for stat, seconds in zip(STATS, times, strict=True):
            row[f"{name}_{stat}"] = seconds
            row[f"{name}_{stat}_hours"] = None if seconds is None else round(seconds / 3600, 1)
    return row


def daily_volume(scope):
    """Tickets created and resolved on each day of the period. COUNT(*), not of ids: the dates'
    indexes answer it alone (index-only scans)."""
    tickets = scope.tickets()
    created = dict(
        tickets.filter(scope.during("created_at"))
        .values_list(TruncDate("created_at"))
        .annotate(count=Count("*"))
    )
    resolved = dict(
        tickets.filter(scope.during("resolved_at"))
        .values_list(TruncDate("resolved_at"))
        .annotate(count=Count("*"))
    )
    return [
        {"day": day, "created": created.get(day, 0), "resolved": resolved.get(day, 0)}
        for day in scope.days
    ]


def summary(scope, days=None):
    """The headline figures of the period; `days`, its daily_volume when already counted, gives
    the tickets resolved in the period without counting them again."""
    figures = with_rates(
        scope.created().aggregate(
            **time_measures(),
            still_open=Count("pk", filter=conditions.ACTIVE),
        )
    )
    if days is None:
        resolved = scope.tickets().filter(scope.during("resolved_at")).count()
    else:
        resolved = sum(day["resolved"] for day in days)
    figures["resolved_in_period"] = resolved
    figures.update(satisfaction_summary(scope))
    return figures


def by_status(scope):
    """How the tickets created in the period stand now: the backlog is the unresolved ones."""
    counts = dict(scope.created().values_list("status").annotate(count=Count("pk")))
    total = sum(counts.values())
    return [
        {
            "status": status.value,
            "label": status.label,
            "tickets": counts.get(status.value, 0),
            "percent": percent(counts.get(status.value, 0), total),
            "backlog": status in ACTIVE_STATUSES,
        }
        for status in Status
    ]


def by_priority(scope):
    """Response times and SLA compliance per priority, most pressing first, then all together:
    one pass over the period's tickets, each priority's figures filtered from it (grouped by
    priority, they would be sorted by it first, then read again for "all priorities")."""
    groups = [
        (priority.value, priority.label, Q(priority=priority.value))
        for priority in sorted(Priority, key=PRIORITY_RANK.get)
    ]
    groups.append(("", gettext("All priorities"), Q()))
    figures = scope.created().aggregate(
        **{
            f"{n}_{name}": measure
            for n, (_, _, among) in enumerate(groups)
            for name, measure in time_measures(among=among).items()
        }
    )
    table = []
    for n, (value, label, _) in enumerate(groups):
        row = {name: figures[f"{n}_{name}"] for name in time_measures()}
        table.append(with_rates({**row, "priority": value, "label": label}))
    return table


def by_category(scope):
    """Each category's tickets created in the period, busiest first."""
    rows = (
        scope.created()
        .values("category_id", "category__name")
        .annotate(
            **time_measures(),
            still_open=Count("pk", filter=conditions.ACTIVE),
            rating=Avg("feedback__rating"),
        )
        .order_by("-tickets", F("category__name").asc(nulls_last=True))
    )
    return [with_rates(row) for row in rows]


def by_team(scope):
    """Each team's tickets created in the period, busiest first (those of no team too)."""
    rows = (
        scope.created()
        .values("team_id", "team__name")
        .annotate(
            **time_measures(),
            still_open=Count("pk", filter=conditions.ACTIVE),
            rating=Avg("feedback__rating"),
        )
        .order_by("-tickets", F("team__name").asc(nulls_last=True))
    )
    return [with_rates(row) for row in rows]


def by_tag(scope):
    """Each tag's tickets created in the period, busiest first; a ticket counts under each of
    its tags, and tags on none of them are left out."""
    return list(
        scope.created()
        .filter(tags__isnull=False)
        .values(tag=F("tags__name"))
        .annotate(
            tickets=Count("pk"),
            still_open=Count("pk", filter=conditions.ACTIVE),
            resolved=Count("resolved_at"),
        )
        .order_by("-tickets", "tag")
    )


def by_organization(scope):
    """Each organisation's tickets created in the period, busiest first (tickets of customers
    in no organisation are left out)."""
    return list(
        scope.created()
        .filter(organization__isnull=False)
        .values(organization_name=F("organization__name"))
        .annotate(
            tickets=Count("pk"),
            still_open=Count("pk", filter=conditions.ACTIVE),
            resolved=Count("resolved_at"),
            rating=Avg("feedback__rating"),
        )
        .order_by("-tickets", "organization_name")
    )


def satisfaction_summary(scope):
    """Average rating and how many of each star, for ratings given in the period."""
    ratings = Feedback.objects.filter(scope.during("created_at"), scope.filters("ticket__"))
    counts = dict(ratings.order_by().values_list("rating").annotate(count=Count("pk")))
    total = sum(counts.values())
    average = sum(stars * count for stars, count in counts.items()) / total if total else None
    return {
        "ratings": total,
        "rating_average": None if average is None else round(average, 2),
        "rating_distribution": [
            {"stars": stars, "count": count, "percent": percent(count, total)}
            for stars, count in ((stars, counts.get(stars, 0)) for stars in range(5, 0, -1))
        ],
    }


def ratings(scope):
    """The ratings given in the period, newest first."""
    return (
        Feedback.objects.filter(scope.during("created_at"), scope.filters("ticket__"))
        .select_related("ticket__customer", "ticket__assignee")
        .order_by("-created_at", "-pk")
    )


def per_agent(scope):
    """Each agent's tickets: assigned (created in the period), resolved in the period, median
    first response and average rating given in the period; every (active) agent, most resolved
    first.

    Each figure is one query grouped by assignee over the period's tickets alone: joined from the
    agents, every ticket they ever held would be read."""
    tickets = scope.tickets().filter(assignee__isnull=False).values_list("assignee")
    created = {
        agent: (assigned, median)
        for agent, assigned, median in tickets.filter(scope.during("created_at")).annotate(
            assigned=Count("*"), median=Percentile(measures.seconds_to("response"), 0.5)
        )
    }
    resolved = dict(tickets.filter(scope.during("resolved_at")).annotate(resolved=Count("*")))
    rated = {
        agent: (count, average)
        for agent, count, average in Feedback.objects.filter(
            scope.during("created_at"), scope.filters("ticket__"), ticket__assignee__isnull=False
        )
        .order_by()
        .values_list("ticket__assignee")
        .annotate(ratings=Count("*"), rating=Avg("rating"))
    }
    agents = User.objects.agents()
    if scope.agent:
        agents = agents.filter(pk=scope.agent.pk)
    rows = list(agents.order_by("name", "email"))
    for agent in rows:
        agent.assigned, agent.first_response_median = created.get(agent.pk, (0, None))
        agent.resolved = resolved.get(agent.pk, 0)
        agent.ratings, agent.rating = rated.get(agent.pk, (0, None))
    # A stable sort: agents with the same counts stay in the database's order of names.
    return sorted(rows, key=lambda agent: (-agent.resolved, -agent.assigned))
