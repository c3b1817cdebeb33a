from django import forms
from django.utils.translation import gettext_lazy as _


class CloseAccountForm(forms.Form):
    """The customer says, in so many words, that they understand it cannot be undone."""

    understood = forms.BooleanField(
        label=_("I understand that my account and what I wrote cannot be brought back."),
        error_messages={"required": _("Tick the box to say you understand.")},
    )
