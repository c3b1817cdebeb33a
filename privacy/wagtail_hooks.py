from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from supportsite.reports import AdminReports

from . import reports
from .admin_views import admin_urls, menu_item
from .permissions import may_export_anyone

hooks.register("register_admin_urls", admin_urls)
hooks.register("register_settings_menu_item", menu_item)
# The retention report (privacy/reports.py), in Wagtail's Reports menu.
AdminReports("privacy", reports.REPORTS, prefix="privacy/reports/", menu_order=1500).register()


@hooks.register("register_user_listing_buttons")
def export_button(user, request_user):
    """ "Export data" in each account's menu of Settings › Users, for support admins."""
    if may_export_anyone(request_user):
        yield Button(
            _("Export data"),
            reverse("privacy_admin_export", args=[user.pk]),
            icon_name="download",
            priority=60,
        )
