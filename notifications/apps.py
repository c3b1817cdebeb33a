from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Who hears about what: in-app notifications and email, in answer to the signals of the
    tickets and accounts apps (which never import this one)."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from supportsite.metrics import STATE_COLLECTORS

        from . import receivers
        from .metrics import EmailCollector

        receivers.connect()
        STATE_COLLECTORS.append(EmailCollector())
