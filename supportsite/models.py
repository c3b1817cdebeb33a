from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):  # noqa: DJ008 (no rows, nothing to name)
    """No rows: it holds the permissions to read the admin's reports, as Wagtail's own `Admin`
    model holds `access_admin`.

    A report reads many models (tickets, ratings, votes, searches), so no model's own view
    permission says who may read it. The two families have different readers (agents for the
    ticket reports, editors for the help-center ones; support admins both), hence two
    permissions. They live beside the report base view that checks them
    (`supportsite.reports.AdminReportView`), one place for both families;
    `supportsite/migrations/0002_grant_report_permissions.py` gives them to the role groups.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_support_reports", _("Can view the support reports")),
            ("view_helpcenter_reports", _("Can view the help-center reports")),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
