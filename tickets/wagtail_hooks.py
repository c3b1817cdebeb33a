from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from accounts.roles import is_agent

from .admin.bulk_actions import AssignBulkAction, PriorityBulkAction, StatusBulkAction
from .admin.panels import dashboard_panels
from .admin.viewsets import SupportViewSetGroup
from .email_admin import EmailViewSetGroup
from .reports import urls as report_urls
from .reports.views import REPORTS

register_snippet(SupportViewSetGroup)

for bulk_action in (AssignBulkAction, StatusBulkAction, PriorityBulkAction):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_support_panels(request, panels):
    panels[:0] = dashboard_panels(request)


@hooks.register("insert_global_admin_css")
def support_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# The "Email" menu (tickets/email_admin.py): incoming emails, and what other apps add to it.
hooks.register("register_admin_viewset", EmailViewSetGroup)


# Support reports (tickets/reports/), in Wagtail's Reports menu.
@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("support/reports/", include(report_urls, namespace="support_reports"))]


class SupportReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_agent(request.user)


def _report_menu_item(view, order):
    return lambda: SupportReportMenuItem(
        view.page_title,
        reverse(f"support_reports:{view.name}"),
        name=f"support-{view.name.replace('_', '-')}",
        icon_name=view.header_icon,
        order=order,
    )


for order, view in enumerate(REPORTS, start=1300):
    hooks.register("register_reports_menu_item", _report_menu_item(view, order))
