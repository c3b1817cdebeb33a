"""The ticket queue: Wagtail's snippet listing, with our columns, filters, shortcuts and order."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    Table,
    TitleColumn,
)
from wagtail.snippets.views.snippets import IndexView

from tickets.selectors import PRIORITY_ORDER
from tickets.sla.state import CHOICES as SLA_CHOICES
from tickets.sla.state import sla_state

from .filters import ME, UNASSIGNED

SHORTCUTS = [
    (_("My tickets"), {"assignee": ME, "status": ["open", "in_progress", "waiting_on_customer"]}),
    (_("Unassigned"), {"assignee": UNASSIGNED, "status": ["open", "in_progress"]}),
    (_("Urgent & high"), {"priority": ["urgent", "high"], "status": ["open", "in_progress"]}),
    (_("Waiting on customer"), {"status": ["waiting_on_customer"]}),
]


class QueueTable(Table):
    """High and urgent rows are marked so they stand out in the queue."""

    def get_row_classname(self, instance):
        if instance.priority in ("urgent", "high"):
            return f"ticket-row ticket-row--{instance.priority}"
        return "ticket-row"


class BadgeColumn(Column):
    cell_template_name = "tickets/admin/cells/badge.html"

    def __init__(self, name, display, **kwargs):
        super().__init__(name, **kwargs)
        self.display = display

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["label"] = getattr(instance, self.display)()
        return context


class SLAColumn(Column):
    """The SLA state as a badge, with the next due time."""

    cell_template_name = "tickets/admin/cells/sla.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = state = sla_state(instance)
        context["label"] = dict(SLA_CHOICES).get(state)
        context["due"] = (
            instance.first_response_due_at
            if instance.first_response_at is None
            else instance.resolution_due_at
        )
        return context


class TicketIndexView(IndexView):
    table_class = QueueTable

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            TitleColumn(
                "number",
                label=_("Number"),
                sort_key="number",
                get_url=lambda ticket: self.get_edit_url(ticket),
                get_title_id=lambda ticket: f"snippet_{ticket.pk}_title",
            ),
            Column("subject", label=_("Subject")),
            Column("customer", label=_("Customer"), accessor="customer.get_full_name"),
            Column("category", label=_("Category")),
            BadgeColumn("priority", "get_priority_display", label=_("Priority"), sort_key="priority"),
            BadgeColumn("status", "get_status_display", label=_("Status"), sort_key="status"),
            Column("assignee", label=_("Assignee"), accessor="assignee.get_full_name"),
            SLAColumn("sla", label=_("SLA")),
            DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("customer", "category", "assignee")

    def order_queryset(self, queryset):
        ordering = self.ordering
        if not ordering:
            return queryset.order_by(PRIORITY_ORDER.asc(), "created_at")
        if ordering in ("priority", "-priority"):
            rank = PRIORITY_ORDER.desc() if ordering == "-priority" else PRIORITY_ORDER.asc()
            return queryset.order_by(rank, "created_at")
        return queryset.order_by(ordering, "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        index = reverse(self.index_url_name)
        context["shortcuts"] = [
            (label, f"{index}?{urlencode(params, doseq=True)}") for label, params in SHORTCUTS
        ]
        return context
