from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpCenterConfig(AppConfig):
    name = "helpcenter"
    verbose_name = _("Help center")

    def ready(self):
        from . import forms, panels, signals
        from .models import ArticlePage, ContactPage

        # The view layer attaches itself to the page models, which import none of it.
        ArticlePage.edit_handler = panels.article_edit_handler()
        ContactPage.form_builder = forms.ContactFormBuilder
        signals.connect()
