from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from supportsite.reports import AdminReports

from .admin.bulk_actions import (
    AssignBulkAction,
    PriorityBulkAction,
    StatusBulkAction,
    TagBulkAction,
)
from .admin.customers import customer_chooser_viewset
from .admin.macros import MacroDeleteBulkAction
from .admin.merge_bulk_action import MergeBulkAction
from .admin.panels import dashboard_panels
from .admin.viewsets import SupportViewSetGroup, ticket_views_menu_item
from .email_admin import EmailViewSetGroup
from .reports.views import REPORTS

register_snippet(SupportViewSetGroup)
hooks.register("register_admin_menu_item", ticket_views_menu_item)

for bulk_action in (
    AssignBulkAction,
    StatusBulkAction,
    PriorityBulkAction,
    TagBulkAction,
    MergeBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)
# After Wagtail's own delete for snippets, which it replaces for macros.
hooks.register("register_bulk_action", MacroDeleteBulkAction, order=1)


@hooks.register("construct_homepage_panels")
def add_support_panels(request, panels):
    panels[:0] = dashboard_panels(request)


@hooks.register("insert_global_admin_css")
def support_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# The customer chooser of the "New ticket" page (tickets/admin/customers.py).
hooks.register("register_admin_viewset", lambda: customer_chooser_viewset)


# The "Email" menu (tickets/email_admin.py): incoming emails, and what other apps add to it.
hooks.register("register_admin_viewset", EmailViewSetGroup)


# Support reports (tickets/reports/), in Wagtail's Reports menu.
AdminReports("support", REPORTS, prefix="support/reports/", menu_order=1300).register()
