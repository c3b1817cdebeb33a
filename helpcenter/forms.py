from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from tickets.forms import KeepsUploads, require_justification_if_needed, ticket_fields

from .models.search_stats import QUERY_MAX_LENGTH

COMMENT_MAX_LENGTH = 1000


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the help center"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _(
                "Please use at most %(limit_value)d characters (you typed %(show_value)d)."
            ),
        },
    )
    tag = forms.SlugField(required=False, max_length=100, widget=forms.HiddenInput)

    def terms(self):
        """The cleaned search terms and tag, or empty ones when the form is invalid."""
        if not self.is_valid():
            return "", ""
        return self.cleaned_data["q"], self.cleaned_data["tag"]


class FeedbackForm(forms.Form):
    """Yes or no, and an optional comment: one form posted by plain buttons, no script needed."""

    helpful = forms.TypedChoiceField(
        label=_("Was this article helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Please answer yes or no."),
            "invalid_choice": _("Please answer yes or no."),
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Please keep your comment to %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, vote=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vote = vote
        self.fields["comment"].label = (
            _("What was missing or unclear?") if self.said_no else _("Anything we could add?")
        )
        self.fields["comment"].help_text = _(
            "Read by our editors, not by support: to get an answer about your account or an "
            "order, contact support."
        )

    @property
    def stage(self):
        """What to ask next: "ask" (yes or no), "comment" (optional), or "done"."""
        if self.is_bound:
            return "ask" if "helpful" in self.errors else "comment"
        if self.vote is None:
            return "ask"
        return "done" if self.vote.comment else "comment"

    @property
    def answer(self):
        """The visitor's yes or no, as posted or as stored."""
        if self.is_bound:
            return self.data.get("helpful")
        if self.vote is not None:
            return "yes" if self.vote.helpful else "no"
        return None

    @property
    def said_no(self):
        return self.answer == "no"


# Our words for the mistakes an editor's extra fields can report (Django's own are too technical).
EXTRA_FIELD_MESSAGES = {
    forms.EmailField: _("Please enter an email address, like name@example.com."),
    forms.URLField: _("Please enter a web address, like https://example.com."),
    forms.DecimalField: _("Please enter a number."),
    forms.IntegerField: _("Please enter a whole number."),
    forms.DateTimeField: _("Please enter a date and time, like 2026-12-31 14:30."),
    forms.DateField: _("Please enter a date, like 2026-12-31."),
    forms.ChoiceField: _("Please choose one of the answers offered."),
}


class ContactForm(KeepsUploads, BaseForm):
    """The ticket's own fields first, then whatever fields the editor added to the page.

    Every field is checked in one round (the justification by the workflow's rule, the files by
    the attachment checks), so the customer sees all that needs correcting at once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_field_names = list(self.fields)
        for field in self.fields.values():
            _use_our_words(field)
        self.fields = {
            **ticket_fields(self.user),
            **self.fields,
            "follow_up": forms.CharField(required=False, widget=forms.HiddenInput),
        }
        require_justification_if_needed(self)

    def extra_values(self):
        return {name: self.cleaned_data.get(name) for name in self.extra_field_names}


def _use_our_words(field):
    field.error_messages["required"] = _("Please answer this question.")
    for kind, message in EXTRA_FIELD_MESSAGES.items():
        if isinstance(field, kind):
            field.error_messages["invalid"] = message
            field.error_messages["invalid_choice"] = message
            break


class ContactFormBuilder(FormBuilder):
    """Builds a contact page's ContactForm from the fields its editor added (its form_builder)."""

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)
