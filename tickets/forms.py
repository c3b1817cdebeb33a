from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from . import limits
from .attachments import describe_limits
from .choices import Priority, customer_status_choices, statuses_like
from .models import Category, Feedback, Ticket
from .models.tickets import DESCRIPTION_MAX, DESCRIPTION_MIN, SUBJECT_MAX, SUBJECT_MIN
from .selectors import SORTS, orders_for_ticket_form

ACCEPTED_FILES = "image/*,.pdf,.txt,.csv,.log,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; size, count and type are checked by the workflow."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"multiple": True, "accept": ACCEPTED_FILES})
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", lazy(describe_limits, str)())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def apply_workflow_errors(form, error):
    """Show a workflow ValidationError next to the fields it names (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def ticket_fields(user, *, order=None):
    """The fixed fields of every contact form: a ticket's own fields, in the workflow's terms."""
    orders = orders_for_ticket_form(user) if user.is_authenticated else None
    fields = {
        "subject": forms.CharField(
            label=_("Subject"),
            min_length=SUBJECT_MIN,
            max_length=SUBJECT_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
            help_text=_("A short summary, e.g. “Missing items in my order”."),
        ),
        "description": forms.CharField(
            label=_("Description"),
            min_length=DESCRIPTION_MIN,
            max_length=DESCRIPTION_MAX,
            widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
            help_text=_("What happened, what you expected, and anything we should know."),
        ),
        "category": forms.ModelChoiceField(
            label=_("Category"),
            queryset=Category.objects.filter(is_active=True),
            required=False,
            empty_label=_("Choose a category"),
        ),
        "priority": forms.ChoiceField(
            label=_("Priority"),
            choices=[("", _("As usual for the category"))] + Priority.choices,
            required=False,
        ),
        "priority_justification": forms.CharField(
            label=_("Why is this high or urgent?"),
            required=False,
            max_length=Ticket._meta.get_field("priority_justification").max_length,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Needed for high and urgent priority."),
        ),
    }
    if orders is not None:
        fields["order"] = forms.ModelChoiceField(
            label=_("Order"),
            queryset=orders,
            required=False,
            to_field_name="number",
            initial=order,
            empty_label=_("Not about a specific order"),
        )
    fields["attachments"] = MultipleFileField(label=_("Attachments"))
    return fields


class TicketFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("Number, subject or order number")}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *customer_status_choices()],
        required=False,
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=[("", _("Any priority"))] + Priority.choices, required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("Any category"),
    )
    created_from = forms.DateField(
        label=_("Created from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    created_to = forms.DateField(
        label=_("Created to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("updated", _("Recently updated")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("priority", _("Priority")),
            ("status", _("Status")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("created_from"), cleaned.get("created_to")
        if start and end and start > end:
            raise ValidationError({"created_to": _("The end date is before the start date.")})
        if cleaned.get("sort") not in SORTS:
            cleaned["sort"] = "updated"
        return cleaned

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "statuses": statuses_like(data["status"]) if data["status"] else None,
            "priority": data["priority"],
            "category": data["category"],
            "created_from": data["created_from"],
            "created_to": data["created_to"],
            "query": data["q"].strip(),
            "sort": data["sort"],
        }


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=limits.MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = MultipleFileField(label=_("Attachments"))

    field_order = ["body", "attachments"]


class RatingCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything you'd like to tell us?"),
        max_length=Feedback._meta.get_field("comment").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your comment before sending it.")},
    )


class FeedbackForm(forms.Form):
    """A rating, one star button each (the ticket page), its words after (RatingCommentForm)."""

    rating = forms.TypedChoiceField(
        label=_("How would you rate the help you got?"),
        choices=[
            (5, _("5 stars: excellent")),
            (4, _("4 stars: good")),
            (3, _("3 stars: okay")),
            (2, _("2 stars: poor")),
            (1, _("1 star: very poor")),
        ],
        coerce=int,
    )
