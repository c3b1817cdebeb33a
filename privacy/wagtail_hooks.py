from supportsite.reports import AdminReports

from . import reports

# The retention report (privacy/reports.py), in Wagtail's Reports menu.
AdminReports("privacy", reports.REPORTS, prefix="privacy/reports/", menu_order=1500).register()
