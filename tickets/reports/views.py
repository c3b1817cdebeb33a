"""The support reports: Wagtail report views sharing one filter form (period, category, priority,
agent, team). Each shows its figures above a table, and exports that table to CSV and XLSX."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, Table, TitleColumn

from supportsite.reports import AdminReportView, ExportColumnsMixin
from supportsite.tables import CellRendererTable, CountColumn, PlainColumn

from ..choices import Priority
from . import charts, figures
from .filters import ReportFilterSet


def _ticket_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


class FigureColumn(PlainColumn):
    """A number with locale-aware formatting; a dash when there is none (no ticket to measure)."""

    def format(self, value):
        return "–" if value is None else intcomma(value)


def _hours(name, label):
    return FigureColumn(f"{name}_hours", label=label)


def _day(row):
    return date_format(row["day"], "D j M Y")


TIME_COLUMNS = [
    CountColumn("tickets", label=_("Tickets")),
    CountColumn("responded", label=_("Answered")),
    _hours("first_response_median", _("First response, median (h)")),
    _hours("first_response_p90", _("First response, 90th pct (h)")),
    CountColumn("resolved", label=_("Resolved")),
    _hours("resolution_median", _("Resolution, median (h)")),
    _hours("resolution_p90", _("Resolution, 90th pct (h)")),
    FigureColumn("response_compliance", label=_("First response in time (%)")),
    FigureColumn("resolution_compliance", label=_("Resolved in time (%)")),
    FigureColumn("sla_compliance", label=_("SLA met (%)")),
]


class SupportReportView(ExportColumnsMixin, AdminReportView):
    """For agents and support admins, who hold the permission (supportsite.models.Report); the
    figures come from tickets.reports.figures."""

    permission_required = "supportsite.view_support_reports"
    filterset_class = ReportFilterSet
    table_class = CellRendererTable
    results_template_name = "tickets/reports/results.html"
    figures_template_name = None
    paginate_by = None

    @cached_property
    def scope(self):
        return self.filters.scope()

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_filename(self):
        return f"{self.name}-{self.scope.start:%Y%m%d}-{self.scope.end:%Y%m%d}"

    def get_figures(self):
        return {}

    @cached_property
    def header_more_buttons(self):
        """The exports are buttons on the page itself (results.html), not in the header's menu."""
        export_urls = {self.csv_export_url, self.xlsx_export_url}
        return [button for button in super().header_more_buttons if button.url not in export_urls]

    def report_links(self):
        """The other reports, for the same period and filters."""
        params = self.request.GET.copy()
        for name in ("export", "p", "ordering", "_w_filter_fragment"):
            params.pop(name, None)
        query = f"?{params.urlencode()}" if params else ""
        return [
            {
                "label": report.page_title,
                "url": reverse(f"{self.url_namespace}:{report.name}") + query,
                "current": report.name == self.name,
            }
            for report in REPORTS
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scope"] = self.scope
        if not self.is_export:
            context["report_links"] = self.report_links()
            priority = self.scope.priority
            context["priority_label"] = Priority(priority).label if priority else ""
            context.update(self.get_figures())
        return context


class VolumeReportView(SupportReportView):
    """Tickets created and resolved each day, with the period's headline figures."""

    name = "volume"
    page_title = _("Support overview")
    header_icon = "tasks"
    figures_template_name = "tickets/reports/volume.html"
    columns = [
        PlainColumn("day", label=_("Day"), accessor=_day),
        CountColumn("created", label=_("Created")),
        CountColumn("resolved", label=_("Resolved")),
    ]

    def get_queryset(self):
        return figures.daily_volume(self.scope)

    def get_figures(self):
        series = [("created", _("created")), ("resolved", _("resolved"))]
        return {
            "summary": figures.summary(self.scope, days=self.object_list),
            "chart": charts.daily_bars(self.object_list, series),
        }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The export ends with the headline figures the page shows above its table."""
        summary = figures.summary(self.scope, days=queryset)
        return super().as_spreadsheet([*queryset, *self.headline_rows(summary)], spreadsheet_format)

    @staticmethod
    def headline_rows(summary):
        rating = summary["rating_average"]
        figures_shown = [
            (_("Total"), summary["tickets"], summary["resolved_in_period"]),
            (_("Still open"), summary["still_open"], None),
            (_("First response, median (h)"), summary["first_response_median_hours"], None),
            (_("Resolution, median (h)"), summary["resolution_median_hours"], None),
            (_("SLA met (%)"), summary["sla_compliance"], None),
            (_("Average rating"), None if rating is None else round(rating, 2), None),
        ]
        return [{"day": None, "created": None, "resolved": None}] + [
            {"day": str(label), "created": value, "resolved": resolved}
            for label, value, resolved in figures_shown
        ]


class StatusReportView(SupportReportView):
    """Where the period's tickets stand now; the unresolved ones are the backlog."""

    name = "status"
    page_title = _("Tickets by status")
    header_icon = "list-ul"
    figures_template_name = "tickets/reports/status.html"
    columns = [
        PlainColumn("label", label=_("Status")),
        CountColumn("tickets", label=_("Tickets")),
        FigureColumn("percent", label=_("Share (%)")),
    ]

    def get_queryset(self):
        return figures.by_status(self.scope)

    def get_figures(self):
        return {"backlog": sum(row["tickets"] for row in self.object_list if row["backlog"])}


class ResponseTimesReportView(SupportReportView):
    """First-response and resolution times and SLA compliance, per priority."""

    name = "response_times"
    page_title = _("Response times and SLA")
    header_icon = "time"
    table_classname = "listing support-report-table--compact"
    figures_template_name = "tickets/reports/response_times.html"
    columns = [PlainColumn("label", label=_("Priority")), *TIME_COLUMNS]

    def get_queryset(self):
        return figures.by_priority(self.scope)

    def get_figures(self):
        return {"overall": self.object_list[-1]}


class SatisfactionReportView(SupportReportView):
    """Ratings given in the period: average, distribution, and each rating with its comment."""

    name = "satisfaction"
    page_title = _("Satisfaction")
    header_icon = "pick"
    figures_template_name = "tickets/reports/satisfaction.html"
    paginate_by = 50
    table_class = Table  # links and dates, 50 rows a page: Wagtail's own cells
    columns = [
        DateColumn("created_at", label=_("Rated")),
        TitleColumn(
            "ticket",
            label=_("Ticket"),
            accessor="ticket.number",
            get_url=lambda rating: _ticket_url(rating.ticket),
        ),
        Column("customer", label=_("Customer"), accessor="ticket.customer.get_full_name"),
        Column("agent", label=_("Agent"), accessor="ticket.assignee.get_full_name"),
        NumberColumn("rating", label=_("Rating")),
        Column("comment", label=_("Comment")),
    ]
    list_export = [
        "created_at",
        "ticket.number",
        "ticket.customer.email",
        "ticket.assignee.email",
        "rating",
        "comment",
    ]
    export_headings = {
        "created_at": _("Rated"),
        "ticket.number": _("Ticket"),
        "ticket.customer.email": _("Customer"),
        "ticket.assignee.email": _("Agent"),
        "rating": _("Rating"),
        "comment": _("Comment"),
    }

    def get_queryset(self):
        return figures.ratings(self.scope)

    def get_figures(self):
        return {"satisfaction": figures.satisfaction_summary(self.scope)}


class AgentsReportView(SupportReportView):
    """Each agent's load, speed and ratings over the period."""

    name = "agents"
    page_title = _("Agents")
    header_icon = "group"
    columns = [
        PlainColumn("name", label=_("Agent"), accessor="get_full_name"),
        CountColumn("assigned", label=_("Assigned")),
        CountColumn("resolved", label=_("Resolved")),
        _hours("first_response_median", _("First response, median (h)")),
        FigureColumn("rating_average", label=_("Average rating")),
        CountColumn("ratings", label=_("Ratings")),
    ]
    list_export = [
        "get_full_name",
        "email",
        "assigned",
        "resolved",
        "first_response_median_hours",
        "rating_average",
        "ratings",
    ]
    export_headings = {
        "get_full_name": _("Agent"),
        "email": _("Email"),
        "assigned": _("Assigned"),
        "resolved": _("Resolved"),
        "first_response_median_hours": _("First response, median (h)"),
        "rating_average": _("Average rating"),
        "ratings": _("Ratings"),
    }

    def get_queryset(self):
        agents = list(figures.per_agent(self.scope))
        for agent in agents:
            seconds = agent.first_response_median
            agent.first_response_median_hours = (
                None if seconds is None else round(seconds / 3600, 1)
            )
            agent.rating_average = None if agent.rating is None else round(agent.rating, 2)
        return agents


class CategoriesReportView(SupportReportView):
    """The categories customers need most help with, busiest first."""

    name = "categories"
    page_title = _("Categories")
    header_icon = "folder-open-inverse"
    columns = [
        PlainColumn("name", label=_("Category")),
        CountColumn("tickets", label=_("Tickets")),
        CountColumn("still_open", label=_("Still open")),
        CountColumn("resolved", label=_("Resolved")),
        _hours("resolution_median", _("Resolution, median (h)")),
        FigureColumn("sla_compliance", label=_("SLA met (%)")),
        FigureColumn("rating_average", label=_("Average rating")),
    ]

    def get_queryset(self):
        rows = figures.by_category(self.scope)
        for row in rows:
            row["name"] = row["category__name"] or _("No category")
            row["rating_average"] = None if row["rating"] is None else round(row["rating"], 2)
        return rows


class TeamsReportView(SupportReportView):
    """Each team's tickets of the period: how many, how fast, how well rated."""

    name = "teams"
    page_title = _("Teams")
    header_icon = "group"
    columns = [
        PlainColumn("name", label=_("Team")),
        CountColumn("tickets", label=_("Tickets")),
        CountColumn("still_open", label=_("Still open")),
        CountColumn("resolved", label=_("Resolved")),
        _hours("first_response_median", _("First response, median (h)")),
        _hours("resolution_median", _("Resolution, median (h)")),
        FigureColumn("sla_compliance", label=_("SLA met (%)")),
        FigureColumn("rating_average", label=_("Average rating")),
    ]

    def get_queryset(self):
        rows = figures.by_team(self.scope)
        for row in rows:
            row["name"] = row["team__name"] or _("No team")
            row["rating_average"] = None if row["rating"] is None else round(row["rating"], 2)
        return rows


class TagsReportView(SupportReportView):
    """How many of the period's tickets carry each tag: what the team sorts its work by."""

    name = "tags"
    page_title = _("Tags")
    header_icon = "tag"
    columns = [
        PlainColumn("tag", label=_("Tag")),
        CountColumn("tickets", label=_("Tickets")),
        CountColumn("still_open", label=_("Still open")),
        CountColumn("resolved", label=_("Resolved")),
    ]

    def get_queryset(self):
        return figures.by_tag(self.scope)


class OrganizationsReportView(SupportReportView):
    """How many of the period's tickets each customer organisation opened: the businesses that
    need the team most."""

    name = "organizations"
    page_title = _("Organisations")
    header_icon = "group"
    columns = [
        PlainColumn("organization_name", label=_("Organisation")),
        CountColumn("tickets", label=_("Tickets")),
        CountColumn("still_open", label=_("Still open")),
        CountColumn("resolved", label=_("Resolved")),
        FigureColumn("rating_average", label=_("Average rating")),
    ]

    def get_queryset(self):
        rows = figures.by_organization(self.scope)
        for row in rows:
            row["rating_average"] = None if row["rating"] is None else round(row["rating"], 2)
        return rows


REPORTS = [
    VolumeReportView,
    StatusReportView,
    ResponseTimesReportView,
    SatisfactionReportView,
    AgentsReportView,
    CategoriesReportView,
    TeamsReportView,
    TagsReportView,
    OrganizationsReportView,
]
