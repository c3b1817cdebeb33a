from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Customers' rights over their data: export, erasure, retention schedules and redaction."""

    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from tickets import signals

        from .receivers import record_redaction

        signals.redacted.connect(record_redaction, dispatch_uid="privacy-record-redaction")
