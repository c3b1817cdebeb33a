from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Customers' rights over their data: export, erasure, retention schedules and redaction."""

    name = "privacy"
    verbose_name = _("Privacy")
