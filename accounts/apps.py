from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

        from . import receivers  # noqa: F401 (sign-ups, verified addresses)
        from .models import AgentApplication

        register_permission_policy(
            AgentApplication,
            WorkflowOnlyPermissionPolicy(AgentApplication, forbidden=("add", "change", "delete")),
        )


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-only user (name, business, phone)."""

    user_viewset = "accounts.viewsets.UserViewSet"
