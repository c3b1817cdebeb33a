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
        self.forget_access_on_change()
        self.forget_admin_config_on_change()

    def forget_access_on_change(self):
        """Kept sidebars and permissions (supportsite.access) follow a change to who may open
        what at once (the tickets app adds saved views and teams)."""
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import GroupCollectionPermission, GroupPagePermission
        from wagtail.users.models import UserProfile

        from .access import changed

        User = get_user_model()
        for through in (
            User.groups.through,
            User.user_permissions.through,
            Group.permissions.through,
        ):
            m2m_changed.connect(
                changed,
                sender=through,
                dispatch_uid=f"access-changed-{through._meta.label}",
            )
        for model in (Group, GroupPagePermission, GroupCollectionPermission, UserProfile):
            for signal in (post_save, post_delete):
                signal.connect(
                    changed,
                    sender=model,
                    dispatch_uid=f"access-changed-{model._meta.label}",
                )
        post_delete.connect(changed, sender=User, dispatch_uid="access-changed-user")

    def forget_admin_config_on_change(self):
        """The admin scripts' kept configuration (supportsite.admin_chrome) lists the locales."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from .admin_chrome import forget_config

        for signal in (post_save, post_delete):
            signal.connect(forget_config, sender=Locale, dispatch_uid="admin-config-locales")
