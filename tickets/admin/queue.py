"""The ticket queue: Wagtail's snippet listing, with our columns, filters, shortcuts and order.

A page shows 50 tickets in 12 columns; the columns write their cells in Python
(supportsite/tables.py says why) with Wagtail's markup.
"""

from django.contrib.admin.utils import quote
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.snippets.views.snippets import IndexView

from accounts.roles import is_agent
from supportsite.exports import SafeSpreadsheetExportMixin
from supportsite.tables import CellRendererTable, td
from tickets.choices import PRESSING_PRIORITIES, Priority, Status
from tickets.permissions import can_delete_saved_view
from tickets.selectors import PRIORITY_ORDER, QUEUE_ORDER
from tickets.sla.state import BREACHED, sla_state
from tickets.sla.state import CHOICES as SLA_CHOICES

from . import saved_views
from .new_ticket import URL_NAME as NEW_TICKET_URL
from .paginator import QueuePaginator
from .saved_view_pages import SavedViewForm
from .search import search_condition
from .tags import TagsColumn, attach_tags

# The bulk bar's counts, which Wagtail's script words per kind of item (static/js/queue.js).
BULK_STRINGS = {
    "SINGULAR": _("1 ticket selected"),
    "PLURAL": _("%(objects)s tickets selected"),
    "ALL": _("All %(objects)s tickets on this screen selected"),
    "ALL_IN_LISTING": _("All tickets in listing selected"),
}


class QueueTable(CellRendererTable):
    """High and urgent rows are marked."""

    def get_row_classname(self, instance):
        if instance.priority in PRESSING_PRIORITIES:
            return f"ticket-row ticket-row--{instance.priority}"
        return "ticket-row"


class CheckboxColumn(BulkActionsCheckboxColumn):
    """Wagtail's bulk-action checkbox (wagtailadmin/bulk_actions/listing_checkbox_cell.html)."""

    def cell_renderer(self):
        label = gettext("Select")

        def render(instance):
            pk = quote(instance.pk)
            return format_html(
                '<td class="bulk-action-checkbox-cell"><input type="checkbox" data-object-id="{}"'
                ' data-bulk-action-checkbox class="bulk-action-checkbox" aria-label="{}"'
                ' aria-describedby="{}"/></td>',
                pk,
                label,
                f"{self.obj_type}_{pk}_title",
            )

        return render


class NumberColumn(TitleColumn):
    """The ticket number, linked to the ticket (wagtailadmin/tables/title_cell.html).

    `get_url` gives the URL of a ticket, or None where the user may not edit tickets.
    """

    def cell_renderer(self):
        url_of = self._get_url_func
        title_id_of = self._get_title_id_func

        def render(instance):
            title = format_html('<span id="{}">{}</span>', title_id_of(instance), instance.number)
            url = url_of(instance)
            if url:
                title = format_html('<a href="{}">{}</a>', url, title)
            return format_html(
                '<td class="title ticket-number"><div class="title-wrapper">{}</div></td>', title
            )

        return render


class TextColumn(Column):
    """A plain value; `value` is a function of the ticket (None shows nothing)."""

    def __init__(self, name, value, **kwargs):
        super().__init__(name, **kwargs)
        self.value = value

    def get_value(self, instance):
        return self.value(instance)

    def cell_renderer(self):
        def render(instance):
            value = self.value(instance)
            return td(self, "" if value is None else value)

        return render


class BadgeColumn(Column):
    """A choice field as a coloured badge, labelled with the choice's name."""

    def __init__(self, name, choices, **kwargs):
        super().__init__(name, **kwargs)
        self.choices = choices

    def cell_renderer(self):
        labels = {value: str(label) for value, label in self.choices}
        name = self.name

        def render(instance):
            value = getattr(instance, name)
            return td(
                self,
                format_html(
                    '<span class="support-badge support-badge--{}">{}</span>',
                    value,
                    labels.get(value, value),
                ),
            )

        return render


class SLAColumn(Column):
    """The SLA state as a badge, with the next due time."""

    def cell_renderer(self):
        now = timezone.now()
        labels = {state: str(label) for state, label in SLA_CHOICES}
        due_text = gettext("due %(due)s")

        def render(instance):
            state = sla_state(instance, now=now)
            if not state:
                return td(self, "")
            badge = format_html(
                '<span class="support-badge support-badge--sla-{}">{}</span>',
                state,
                labels.get(state),
            )
            due = (
                instance.first_response_due_at
                if instance.first_response_at is None
                else instance.resolution_due_at
            )
            if due and state != BREACHED:
                due = format_date(timezone.template_localtime(due), "SHORT_DATETIME_FORMAT")
                badge = format_html("{}<br><small>{}</small>", badge, due_text % {"due": due})
            return td(self, badge)

        return render


class UpdatedColumn(DateColumn):
    """How long ago, with the date in a tooltip (wagtailadmin/shared/human_readable_date.html)."""

    def cell_renderer(self):
        tooltip_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
        name = self.name

        def render(instance):
            value = getattr(instance, name)
            if not value:
                return td(self, "")
            local = timezone.template_localtime(value)
            return td(
                self,
                format_html(
                    '<button type="button" class="w-human-readable-date"'
                    ' data-controller="w-tooltip" data-w-tooltip-content-value="{}"'
                    ' data-w-tooltip-placement-value="top"><time'
                    ' class="w-human-readable-date__date" datetime="{}">{}</time></button>',
                    format_date(local, tooltip_format),
                    local.isoformat(),  # the "c" format
                    capfirst(timesince_simple(value)),
                ),
            )

        return render


def _full_name(user):
    return user.get_full_name() if user is not None else None


class TicketIndexView(SafeSpreadsheetExportMixin, IndexView):
    table_class = QueueTable
    paginator_class = QueuePaginator

    @cached_property
    def columns(self):
        return [
            CheckboxColumn("bulk_actions", obj_type="snippet"),
            NumberColumn(
                "number",
                label=_("Number"),
                sort_key="number",
                get_url=self.edit_url_maker(),
                get_title_id=lambda ticket: f"snippet_{ticket.pk}_title",
            ),
            TextColumn("subject", lambda ticket: ticket.subject, label=_("Subject")),
            TextColumn("customer", lambda ticket: _full_name(ticket.customer), label=_("Customer")),
            TextColumn("category", lambda ticket: ticket.category, label=_("Category")),
            TextColumn("team", lambda ticket: ticket.team, label=_("Team")),
            TagsColumn("tags", label=_("Tags")),
            BadgeColumn("priority", Priority.choices, label=_("Priority"), sort_key="priority"),
            BadgeColumn("status", Status.choices, label=_("Status"), sort_key="status"),
            TextColumn("assignee", lambda ticket: _full_name(ticket.assignee), label=_("Assignee")),
            SLAColumn("sla", label=_("SLA")),
            UpdatedColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
        ]

    @cached_property
    def header_buttons(self):
        """Staff open tickets on a customer's behalf (tickets.admin.new_ticket)."""
        if not is_agent(self.request.user):
            return []
        return [HeaderButton(_("New ticket"), url=reverse(NEW_TICKET_URL), icon_name="plus")]

    def edit_url_maker(self):
        """A function from a ticket to its edit URL, with one reverse() per page, not per row."""
        if not (self.edit_url_name and self.user_has_permission("change")):
            return lambda ticket: None
        marker = "987654321"
        before, _, after = reverse(self.edit_url_name, args=[int(marker)]).rpartition(marker)
        return lambda ticket: f"{before}{quote(ticket.pk)}{after}"

    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("customer", "category", "team", "assignee")
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = attach_tags(object_list)
        return paginator, page, page.object_list, is_paginated

    def order_queryset(self, queryset):
        ordering = self.ordering
        if not ordering or ordering == "priority":
            return queryset.order_by(*QUEUE_ORDER)
        if ordering == "-priority":
            return queryset.order_by(PRIORITY_ORDER.desc(), "created_at")
        return queryset.order_by(ordering, "pk")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_condition(self.search_fields, self.search_query))

    def get_paginator(self, *args, **kwargs):
        # A search's count is not estimated (see paginator.py): it says "more than 1,000".
        return super().get_paginator(*args, estimate=not self.is_searching, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        numbers = saved_views.counts(user)
        urls = saved_views.urls()
        context["shortcuts"] = [
            (view.label, urls[key], numbers.get(key))
            for key, view in saved_views.offered(user).items()
            if view.shortcut
        ]
        context["all_tickets_url"] = urls[saved_views.ALL]
        context["saved_views"] = [
            (view, saved_views.saved_view_url(view), can_delete_saved_view(user, view))
            for view in saved_views.listed(self.request)
        ]
        context["save_view_form"] = SavedViewForm(
            initial={"query": self.request.GET.urlencode()}, owner=user
        )
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        context["bulk_strings"] = {key: str(text) for key, text in BULK_STRINGS.items()}
        return context

    def bulk_action_buttons(self):
        """The bulk bar's buttons: only the actions this user may take (no Delete for agents)."""
        opts = self.model._meta
        actions = bulk_action_registry.get_bulk_actions_for_model(opts.app_label, opts.model_name)
        return [
            ListingButton(
                action.display_name,
                reverse(
                    "wagtail_bulk_action",
                    args=[opts.app_label, opts.model_name, action.action_type],
                ),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in sorted(actions, key=lambda action: action.action_priority)
            if action.action_type != "delete" or self.user_has_permission("delete")
        ]
