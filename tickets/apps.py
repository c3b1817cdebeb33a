from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("Tickets")

    def ready(self):
        from allauth.account.signals import email_confirmed
        from wagtail.permissions import register_permission_policy

        from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

        from .intake import receivers  # noqa: F401 (connects the inbound email webhook)
        from .models import Ticket
        from .reports import sqlite

        sqlite.connect()
        email_confirmed.connect(_link_copied_tickets, dispatch_uid="tickets_link_copied_tickets")

        register_permission_policy(Ticket, WorkflowOnlyPermissionPolicy(Ticket))


def _link_copied_tickets(request, email_address, **kwargs):
    from .workflow import link_confirmed_address

    link_confirmed_address(email_address.user, email_address.email)
