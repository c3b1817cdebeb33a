from django.urls import path
from wagtail import hooks

from .email_admin import OutgoingEmailViewSet, failing_emails_warning, notifications_menu_item
from .views import notification_list

hooks.register("register_admin_viewset", OutgoingEmailViewSet)
hooks.register("register_admin_menu_item", notifications_menu_item)


@hooks.register("register_admin_urls")
def register_notification_urls():
    template = {"template": "notifications/admin_list.html"}
    return [path("notifications/", notification_list, template, name="admin_notifications")]


@hooks.register("construct_homepage_panels")
def warn_of_failing_emails(request, panels):
    panels[:0] = failing_emails_warning(request.user)
