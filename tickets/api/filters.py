"""Query parameters of the ticket list: filters, search and ordering. Bad values are a 400."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.roles import is_agent
from tickets.choices import Priority, Status
from tickets.models import Category, Ticket
from tickets.permissions import visible_orders, visible_organizations, visible_tags, visible_teams
from tickets.selectors import PRIORITY_ORDER

ME, UNASSIGNED, NONE = "me", "unassigned", "none"

ORDERINGS = {
    "-updated_at": ["-updated_at", "-pk"],
    "updated_at": ["updated_at", "pk"],
    "-created_at": ["-created_at", "-pk"],
    "created_at": ["created_at", "pk"],
    "priority": [PRIORITY_ORDER.asc(), "created_at", "pk"],
    "-priority": [PRIORITY_ORDER.desc(), "-created_at", "-pk"],
    "status": ["status", "-updated_at", "-pk"],
    "ticket_number": ["number"],
    "-ticket_number": ["-number"],
}
DEFAULT_ORDERING = ORDERINGS["-updated_at"]


class TicketFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, help_text="Repeat for several: ?status=open&status=in_progress"
    )
    priority = django_filters.MultipleChoiceFilter(choices=Priority.choices)
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.all(), help_text="A category id."
    )
    assignee = django_filters.CharFilter(
        method="filter_assignee",
        help_text="Staff only: an agent's id, `me` or `unassigned`.",
    )
    team = django_filters.CharFilter(
        method="filter_team",
        max_length=20,
        help_text="Staff only: a team's id, or `none` for tickets of no team.",
    )
    tag = django_filters.CharFilter(
        method="filter_tag",
        max_length=50,
        help_text="Staff only: tickets with this tag (its name, any case).",
    )
    organization = django_filters.CharFilter(
        method="filter_organization",
        max_length=18,
        help_text="Staff only: an organisation's id (GET /api/v1/organizations/).",
    )
    created_from = django_filters.DateFilter(
        field_name="created_at", lookup_expr="date__gte", help_text="Created on or after (date)."
    )
    created_to = django_filters.DateFilter(
        field_name="created_at", lookup_expr="date__lte", help_text="Created on or before (date)."
    )
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Part of the ticket number, the subject or the order number.",
    )
    ordering = django_filters.ChoiceFilter(
        method="filter_ordering",
        choices=[(value, value) for value in ORDERINGS],
        help_text="Sort order; `priority` is most pressing first. Default `-updated_at`.",
    )

    class Meta:
        model = Ticket
        fields = []

    def filter_assignee(self, queryset, name, value):
        if not is_agent(self.request.user):
            raise serializers.ValidationError(
                {"assignee": [_("Only support staff can filter by assignee.")]}
            )
        if value == ME:
            return queryset.filter(assignee=self.request.user)
        if value == UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        if not value.isdigit() or len(value) > 18:
            raise serializers.ValidationError(
                {"assignee": [_("Use an agent's id, “me” or “unassigned”.")]}
            )
        return queryset.filter(assignee_id=int(value))

    def filter_team(self, queryset, name, value):
        if not is_agent(self.request.user):
            raise serializers.ValidationError(
                {"team": [_("Only support staff can filter by team.")]}
            )
        if value == NONE:
            return queryset.filter(team__isnull=True)
        team = (
            visible_teams(self.request.user).filter(pk=value).first() if value.isdigit() else None
        )
        if team is None:
            raise serializers.ValidationError({"team": [_("Use a team's id, or “none”.")]})
        return queryset.filter(team=team)

    def filter_tag(self, queryset, name, value):
        if not is_agent(self.request.user):
            raise serializers.ValidationError({"tag": [_("Only support staff can filter by tag.")]})
        tag = visible_tags(self.request.user).filter(name__iexact=value.strip()).first()
        if tag is None:
            raise serializers.ValidationError({"tag": [_("No tag has this name.")]})
        return queryset.filter(tags=tag)

    def filter_organization(self, queryset, name, value):
        if not is_agent(self.request.user):
            raise serializers.ValidationError(
                {"organization": [_("Only support staff can filter by organisation.")]}
            )
        if (
            not value.isdigit()
            or not visible_organizations(self.request.user).filter(pk=int(value)).exists()
        ):
            raise serializers.ValidationError({"organization": [_("No organisation has this id.")]})
        return queryset.filter(organization_id=int(value))

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # Order numbers among the orders this user may see, as the portal's search does.
        orders = visible_orders(self.request.user).filter(number__icontains=value)
        return queryset.filter(
            Q(number__icontains=value)
            | Q(subject__icontains=value)
            | Q(order__in=orders.values("pk"))
        )

    def filter_ordering(self, queryset, name, value):
        return queryset.order_by(*ORDERINGS[value])
