from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportSiteConfig(AppConfig):
    """The project package doubles as an app for its site-wide views, tasks and commands."""

    name = "supportsite"
    verbose_name = _("Support site")

    def ready(self):
        from .csp import nonce_chooser_scripts

        nonce_chooser_scripts()
