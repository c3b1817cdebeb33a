from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import APIToken

from .models import AgentApplication, User, phone_validator


class ProfileFieldsMixin:
    """The fields a customer tells us about themselves, shared by sign-up and the profile page."""

    def _configure_profile_fields(self):
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["business_name"].widget.attrs.update({"autocomplete": "organization"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})


class SignupForm(ProfileFieldsMixin, forms.Form):
    """Extra sign-up fields; allauth's own form supplies email and password."""

    name = User._meta.get_field("name").formfield(required=True, label=_("Your name"))
    business_name = User._meta.get_field("business_name").formfield(
        help_text=_("The restaurant or shop you order for, if any.")
    )
    phone = User._meta.get_field("phone").formfield(validators=[phone_validator])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._configure_profile_fields()

    def signup(self, request, user):
        user.name = self.cleaned_data["name"]
        user.business_name = self.cleaned_data["business_name"]
        user.phone = self.cleaned_data["phone"]
        user.save(update_fields=["name", "business_name", "phone"])


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "business_name", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self._configure_profile_fields()


class AgentApplicationForm(forms.ModelForm):
    class Meta:
        model = AgentApplication
        fields = ["name", "phone", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "motivation": _("Tell us about your experience and when you could work."),
        }


class APITokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=APIToken._meta.get_field("name").max_length,
        help_text=_("What will use it, e.g. “Inventory script”. You can revoke it at any time."),
    )
