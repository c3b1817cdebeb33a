from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_erasure_urls():
    return [
        path("privacy/erase/", admin_views.find_view, name="privacy_erase_find"),
        path("privacy/erase/<int:pk>/", admin_views.erase_view, name="privacy_erase"),
    ]


hooks.register("register_settings_menu_item", admin_views.erase_menu_item)
hooks.register("register_user_listing_buttons", admin_views.user_listing_buttons)
