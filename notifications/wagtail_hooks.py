from django.urls import path
from wagtail import hooks

from .email_admin import OutgoingEmailViewSet, notifications_menu_item
from .views import notification_list

hooks.register("register_admin_viewset", OutgoingEmailViewSet)
hooks.register("register_admin_menu_item", notifications_menu_item)


@hooks.register("register_admin_urls")
def register_notification_urls():
    template = {"template": "notifications/admin_list.html"}
    return [path("notifications/", notification_list, template, name="admin_notifications")]
