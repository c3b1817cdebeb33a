import functools

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accounts.models import Organization, User
from tickets.choices import Priority, Status
from tickets.models import Category, Tag, Team, Ticket
from tickets.permissions import visible_tickets
from tickets.sla.state import CHOICES as SLA_CHOICES
from tickets.sla.state import sla_filter

from . import saved_views
from .search import SEARCH_FIELDS, search_condition

ME, UNASSIGNED = "me", "unassigned"


def agent_choices():
    agents = User.objects.agents().order_by("name", "email")
    return [(ME, _("Me")), (UNASSIGNED, _("Unassigned"))] + [
        (str(agent.pk), agent.get_full_name()) for agent in agents
    ]


class AssigneeFilter(django_filters.ChoiceFilter):
    """Assignee, with "me" and "unassigned" as choices of their own."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        if value == ME:
            return queryset.filter(assignee=self.parent.request.user)
        if value == UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=value)


class TicketFilterSet(WagtailFilterSet):
    view = django_filters.ChoiceFilter(
        label=_("View"),
        choices=saved_views.CHOICES,
        method="filter_view",
        empty_label=None,
    )
    # distinct=False: these filter the ticket's own columns, so no row can repeat, and a DISTINCT
    # over every column would make PostgreSQL sort all matching tickets before the LIMIT.
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Status"),
        distinct=False,
    )
    priority = django_filters.MultipleChoiceFilter(
        choices=Priority.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Priority"),
        distinct=False,
    )
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.all(), label=_("Category"), empty_label=_("All")
    )
    team = django_filters.ModelChoiceFilter(
        queryset=Team.objects.all(),
        label=_("Team"),
        empty_label=_("Any"),
        null_label=_("No team"),
        distinct=False,
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        queryset=Tag.objects.order_by("name"),
        label=_("Tag"),
        empty_label=_("Any"),
        distinct=False,  # one tag: a ticket carries it once
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), label=_("Organisation"), empty_label=_("Any")
    )
    assignee = AssigneeFilter(label=_("Assignee"), choices=agent_choices, empty_label=_("Anyone"))
    sla = django_filters.ChoiceFilter(
        label=_("SLA"), choices=SLA_CHOICES, method="filter_sla", empty_label=_("Any")
    )
    escalated = django_filters.BooleanFilter(label=_("Escalated"))
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Created"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Ticket
        fields = [
            "view",
            "status",
            "priority",
            "category",
            "team",
            "tag",
            "organization",
            "assignee",
            "sla",
            "escalated",
            "created_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The form validates, renders and names the active filter from the choices: one query
        # for the agents per page, not one each time.
        self.filters["assignee"].extra["choices"] = functools.cache(agent_choices)

    def filter_view(self, queryset, name, value):
        return saved_views.apply(value, queryset, self.request.user) if value else queryset

    def filter_queryset(self, queryset):
        """Without a view, statuses or a search chosen, the queue shows the user's default view
        (their teams' active tickets, or every active ticket). Statuses chosen are listed
        whatever they are; a search looks through every ticket (an agent looks a number up
        whatever became of its ticket)."""
        queryset = super().filter_queryset(queryset)
        chosen = self.form.cleaned_data
        if not (chosen.get("view") or chosen.get("status") or self.data.get("q", "").strip()):
            queryset = saved_views.apply(None, queryset, self.request.user)
        return queryset

    def filter_sla(self, queryset, name, value):
        return queryset.filter(sla_filter(value)) if value else queryset


def saved_view_tickets(view, request):
    """The tickets a saved view lists for this user: its filters and search, as the queue
    applies them to what the user may see (none when its filters no longer validate)."""
    params = QueryDict(view.query)
    filters = TicketFilterSet(params, queryset=visible_tickets(request.user), request=request)
    if not filters.is_valid():
        return Ticket.objects.none()
    tickets = filters.qs
    if params.get("q", "").strip():
        tickets = tickets.filter(search_condition(SEARCH_FIELDS, params["q"].strip()))
    return tickets
