from wagtail import hooks

from supportsite.reports import AdminReports

from . import admin_views, reports

hooks.register("register_admin_urls", admin_views.admin_urls)
hooks.register("register_settings_menu_item", admin_views.menu_item)
hooks.register("register_user_listing_buttons", admin_views.export_button)
hooks.register("register_user_listing_buttons", admin_views.erase_button)
# The retention report (privacy/reports.py), in Wagtail's Reports menu.
AdminReports("privacy", reports.REPORTS, prefix="privacy/reports/", menu_order=1500).register()
