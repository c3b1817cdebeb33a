from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals  # noqa: F401


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-only user (name, business, phone)."""

    user_viewset = "accounts.viewsets.UserViewSet"
