from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("Tickets")

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.permissions import register_permission_policy

        from supportsite.access import changed as access_changed
        from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

        from .intake import receivers  # noqa: F401 (connects the inbound email webhook)
        from .models import SavedView, Team, Ticket
        from .reports import sqlite

        sqlite.connect()
        email_confirmed.connect(_link_copied_tickets, dispatch_uid="tickets_link_copied_tickets")

        register_permission_policy(Ticket, WorkflowOnlyPermissionPolicy(Ticket))
        # The sidebar's "Ticket views" menu lists the saved views, and "My teams" for members of
        # a team (supportsite.admin_chrome keeps the sidebar).
        for signal in (post_save, post_delete):
            signal.connect(access_changed, sender=SavedView, dispatch_uid="access-changed")
            signal.connect(access_changed, sender=Team, dispatch_uid="access-changed")
        m2m_changed.connect(
            access_changed, sender=Team.members.through, dispatch_uid="access-changed"
        )


def _link_copied_tickets(request, email_address, **kwargs):
    from .workflow import link_confirmed_address

    link_confirmed_address(email_address.user, email_address.email)
