"""The retention report (Reports menu): what the retention job did run by run, and what each
schedule has due now. For support admins, who read the privacy audit log."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from supportsite.reports import AdminReportView, ExportColumnsMixin

from . import retention
from .models import PrivacyAction


class RuleCountColumn(Column):
    """How many rows one rule handled in a run (details["counts"] of its audit-log entry)."""

    def __init__(self, rule):
        super().__init__(rule.name, label=rule.label)
        self.rule = rule

    def get_value(self, instance):
        return instance.details.get("counts", {}).get(self.rule.name, 0)


class RetentionReportView(ExportColumnsMixin, AdminReportView):
    page_title = _("Data retention")
    header_icon = "lock"
    name = "retention"
    permission_required = "privacy.view_privacyaction"
    results_template_name = "privacy/admin/retention_results.html"
    no_results_message = _("The retention job has not removed anything yet.")
    paginate_by = 50

    @property
    def columns(self):
        return [
            DateColumn("at", label=_("Run")),
            *(RuleCountColumn(rule) for rule in retention.RULES),
        ]

    def get_queryset(self):
        return PrivacyAction.objects.filter(kind=PrivacyAction.Kind.RETENTION).order_by(
            "-at", "-pk"
        )

    def to_row_dict(self, item):
        return {column.name: column.get_value(item) for column in self.columns}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["schedules"] = retention.due_now()
            context["settings_url"] = reverse(
                "wagtailsettings:edit", args=["privacy", "retentionsettings"]
            )
        return context


REPORTS = [RetentionReportView]
