from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class SupportSiteConfig(AppConfig):
    """The project package doubles as an app for its site-wide views, tasks and commands."""

    name = "supportsite"
    verbose_name = _("Support site")

    def ready(self):
        from .csp import nonce_chooser_scripts
        from .site_address import check_default_site

        nonce_chooser_scripts()
        checks.register(check_default_site, checks.Tags.database)
