"""The reports' figures, each a fixed number of aggregate queries whatever the number of tickets.

Tickets are counted in the period by the date that matters for the figure: created tickets by
created_at, resolved ones by resolved_at, ratings by when they were given. Response times and
SLA compliance are those of the tickets created in the period.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from django.db.models import Avg, Case, Count, F, Q, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User

from .. import conditions
from ..choices import ACTIVE_STATUSES, PRIORITY_RANK, Priority, Status
from ..models import Category, Feedback, Team, Ticket
from ..permissions import is_team_scoped, visible_tickets
from . import measures
from .measures import Percentile, percent


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


def time_measures(prefix=""):
    """Counts, response and resolution times (median, 90th percentile, in seconds) and SLA
    results over tickets; `prefix` reaches them through a relation."""
    first_response = measures.seconds_to("response", prefix)
    resolution = measures.seconds_to("resolution", prefix)
    return {
        "tickets": Count(f"{prefix}pk"),
        "responded": Count(f"{prefix}first_response_at"),
        "resolved": Count(f"{prefix}resolved_at"),
        "first_response_median": Percentile(first_response, 0.5),
        "first_response_p90": Percentile(first_response, 0.9),
        "resolution_median": Percentile(resolution, 0.5),
        "resolution_p90": Percentile(resolution, 0.9),
        "response_met": Count(f"{prefix}pk", filter=measures.met("response", prefix)),
        "response_missed": Count(f"{prefix}pk", filter=measures.missed("response", prefix)),
        "resolution_met": Count(f"{prefix}pk", filter=measures.met("resolution", prefix)),
        "resolution_missed": Count(f"{prefix}pk", filter=measures.missed("resolution", prefix)),
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
        for stat in ("median", "p90"):
            seconds = row[f"{name}_{stat}"]
            row[f"{name}_{stat}_hours"] = None if seconds is None else round(seconds / 3600, 1)
    return row


def daily_volume(scope):
    """Tickets created and resolved on each day of the period."""
    tickets = scope.tickets()
    created = dict(
        tickets.filter(scope.during("created_at"))
        .values_list(TruncDate("created_at"))
        .annotate(count=Count("pk"))
    )
    resolved = dict(
        tickets.filter(scope.during("resolved_at"))
        .values_list(TruncDate("resolved_at"))
        .annotate(count=Count("pk"))
    )
    return [
        {"day": day, "created": created.get(day, 0), "resolved": resolved.get(day, 0)}
        for day in scope.days
    ]


def summary(scope):
    """The headline figures of the period."""
    figures = with_rates(
        scope.created().aggregate(
            **time_measures(),
            still_open=Count("pk", filter=conditions.ACTIVE),
        )
    )
    figures["resolved_in_period"] = scope.tickets().filter(scope.during("resolved_at")).count()
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
    """Response times and SLA compliance per priority, most pressing first, then all together."""
    created = scope.created()
    rows = {row["priority"]: row for row in created.values("priority").annotate(**time_measures())}
    table = []
    for priority in sorted(Priority, key=PRIORITY_RANK.get):
        row = rows.get(priority.value) or created.none().aggregate(**time_measures())
        table.append(with_rates({**row, "priority": priority.value, "label": priority.label}))
    everything = created.aggregate(**time_measures())
    table.append(with_rates({**everything, "priority": "", "label": gettext("All priorities")}))
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
    first response and average rating given in the period."""
    agents = User.objects.agents()
    if scope.agent:
        agents = agents.filter(pk=scope.agent.pk)
    own = scope.filters("assigned_tickets__")
    created = own & scope.during("assigned_tickets__created_at")
    rated = own & scope.during("assigned_tickets__feedback__created_at")
    return (
        agents.annotate(
            assigned=Count("assigned_tickets", filter=created),
            resolved=Count(
                "assigned_tickets", filter=own & scope.during("assigned_tickets__resolved_at")
            ),
            first_response_median=Percentile(
                Case(When(created, then=measures.seconds_to("response", "assigned_tickets__"))),
                0.5,
            ),
            ratings=Count("assigned_tickets__feedback", filter=rated),
            rating=Avg("assigned_tickets__feedback__rating", filter=rated),
        )
        .filter(Q(assigned__gt=0) | Q(resolved__gt=0) | Q(is_active=True))
        .order_by("-resolved", "-assigned", "name", "email")
    )
