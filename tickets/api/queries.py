"""The API's reads, built on tickets.permissions and tickets.selectors, each in a fixed number of
queries whatever the data size."""

import json

from django.db.models import Avg, Count, F, Prefetch, Q

from accounts.models import User
from accounts.roles import is_agent
from tickets import history as ticket_history
from tickets import selectors
from tickets.choices import Priority, Status
from tickets.models import Category, Ticket
from tickets.permissions import (
    visible_macros,
    visible_messages,
    visible_orders,
    visible_organizations,
    visible_tags,
    visible_teams,
    visible_tickets,
)
from tickets.reports import measures
from tickets.reports.measures import Percentile


def ticket_list(user):
    tickets = visible_tickets(user).select_related(
        "category", "team", "customer", "order", "assignee"
    )
    if is_agent(user):
        tickets = tickets.select_related("organization")
        tickets = tickets.prefetch_related("tags")
    return selectors.with_unread(tickets, user)


def ticket_detail(user, number):
    """The ticket with everything its detail shows, or Ticket.DoesNotExist if the user may not
    see it. Comments and history are attached as `api_comments` and `api_history`."""
    ticket = selectors.ticket_for_page(user, number, also=("team", "assignee", "organization"))
    ticket.api_comments = list(comments(user, ticket))
    ticket.api_history = history(user, ticket)
    return ticket


def comments(user, ticket):
    """The thread as this user may read it (customers never get internal notes)."""
    return (
        visible_messages(user, ticket)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


def history(user, ticket):
    """The ticket's changes, oldest first: every tracked field with who and why for staff,
    status changes alone for customers."""
    if not is_agent(user):
        return [
            {
                "field_changed": change.field,
                "old_value": change.old,
                "new_value": change.new,
                "created_at": revision.at,
            }
            for revision in ticket_history.customer_revisions(ticket)
            for change in revision.changes
        ]
    return [
        {
            "field_changed": change.field,
            "old_value": _value(change.old),
            "new_value": _value(change.new),
            "changed_by": revision.by,
            "change_reason": revision.reason,
            "created_at": revision.at,
        }
        for revision in ticket_history.revisions(ticket)
        for change in revision.changes
    ]


def _value(value):
    if value is None:
        return None
    if isinstance(value, User):
        return value.get_full_name()
    if isinstance(value, Category):
        return value.name
    if isinstance(value, Ticket):
        return value.number
    if isinstance(value, dict):  # the custom fields, by label
        return json.dumps(value, ensure_ascii=False)
    return str(value).lower() if isinstance(value, bool) else str(value)


def orders(user):
    """The orders this user may see, each with its lines and the tickets this user may see."""
    tickets = visible_tickets(user).order_by("-created_at", "-pk")
    return (
        visible_orders(user)
        .select_related("customer")
        .prefetch_related("lines", Prefetch("tickets", queryset=tickets))
        .order_by("-placed_at", "-pk")
    )


def categories():
    return Category.objects.filter(is_active=True)


def organizations(user):
    """Customers' organisations with their member counts (staff only), in one query."""
    return visible_organizations(user).annotate(member_count=Count("members")).order_by("name")


def tags(user):
    return visible_tags(user).order_by("name")


def macros(user):
    """The caller's personal macros and the team's, active ones, with what they set."""
    return (
        visible_macros(user)
        .filter(is_active=True)
        .select_related("category", "assignee")
        .prefetch_related("add_tags", "remove_tags")
        .order_by("title", "pk")
    )


def agents():
    return User.objects.agents().order_by("name", "email")


def teams(user):
    return visible_teams(user).prefetch_related(
        Prefetch("members", queryset=User.objects.order_by("name", "email"))
    )


# ── Stats ────────────────────────────────────────────────────────────────────────────────────


def _seconds(value):
    return None if value is None else round(value, 3)


def _sla(met, missed):
    total = met + missed
    return {"met": met, "breached": missed, "compliance": met / total if total else None}


def stats(tickets):
    """Counts by status, priority and category, median and average first-response and
    resolution times, and SLA compliance for `tickets`, measured as the reports measure them
    (tickets.reports.measures)."""
    figures = tickets.aggregate(
        total=Count("pk"),
        **{f"status_{value}": Count("pk", filter=Q(status=value)) for value in Status.values},
        **{f"priority_{value}": Count("pk", filter=Q(priority=value)) for value in Priority.values},
        median_first_response=Percentile(measures.seconds_to("response"), 0.5),
        median_resolution=Percentile(measures.seconds_to("resolution"), 0.5),
        average_first_response=Avg(measures.seconds_to("response")),
        average_resolution=Avg(measures.seconds_to("resolution")),
        response_met=Count("pk", filter=measures.met("response")),
        response_missed=Count("pk", filter=measures.missed("response")),
        resolution_met=Count("pk", filter=measures.met("resolution")),
        resolution_missed=Count("pk", filter=measures.missed("resolution")),
    )
    by_category = (
        tickets.order_by()
        .values("category_id", "category__name")
        .annotate(count=Count("pk"))
        .order_by(F("category__name").asc(nulls_last=True), "category_id")
    )
    return {
        "total": figures["total"],
        "by_status": {value: figures[f"status_{value}"] for value in Status.values},
        "by_priority": {value: figures[f"priority_{value}"] for value in Priority.values},
        "by_category": [
            {"id": row["category_id"], "name": row["category__name"], "count": row["count"]}
            for row in by_category
        ],
        "median_first_response_seconds": _seconds(figures["median_first_response"]),
        "median_resolution_seconds": _seconds(figures["median_resolution"]),
        "average_first_response_seconds": _seconds(figures["average_first_response"]),
        "average_resolution_seconds": _seconds(figures["average_resolution"]),
        "sla": {
            "first_response": _sla(figures["response_met"], figures["response_missed"]),
            "resolution": _sla(figures["resolution_met"], figures["resolution_missed"]),
        },
    }
