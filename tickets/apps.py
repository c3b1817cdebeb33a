from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("Tickets")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

        from .intake import receivers  # noqa: F401 (connects the inbound email webhook)
        from .models import Ticket
        from .reports import sqlite

        sqlite.connect()

        register_permission_policy(Ticket, WorkflowOnlyPermissionPolicy(Ticket))
