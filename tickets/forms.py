from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from . import limits, workflow
from .attachments import (
    MEGABYTE,
    accepted_endings,
    describe_limits,
    sort_uploads,
    too_large_message,
    too_many_files,
    too_many_message,
    wrong_type_message,
)
from .choices import Priority, customer_status_choices, statuses_like
from .models import Category, Feedback, Ticket
from .models.tickets import DESCRIPTION_MAX, DESCRIPTION_MIN, SUBJECT_MAX, SUBJECT_MIN
from .selectors import SORTS, orders_for_ticket_form

ACCEPTED_FILES = "image/*,.pdf,.txt,.csv,.log,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf"


class OrderNumberChoices(forms.models.ModelChoiceIterator):
    """The orders as their numbers, read as plain values: an order's label is its number
    (Order.__str__), and a customer may have hundreds, each of which the model iterator would
    make a model instance and a wrapped value of (half of the contact page's work at 200)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for number in self.queryset.values_list("number", flat=True):
            yield (number, number)


class OrderChoiceField(forms.ModelChoiceField):
    """One of the customer's orders, chosen by its number."""

    iterator = OrderNumberChoices

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="number", **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


def _file_limits_attrs():
    """The attachment limits (tickets.limits, tickets.attachments) for the browser's own checks
    before upload (static/js/uploads.js); the server checks again. Messages are the server's,
    with `{name}` for the file's name, translated when the page is."""
    return {
        "multiple": True,
        "accept": ACCEPTED_FILES,
        "data-max-files": limits.MAX_FILES,
        "data-max-bytes": limits.MAX_FILE_SIZE_MB * MEGABYTE,
        "data-endings": " ".join(accepted_endings()),
        "data-too-large": lazy(too_large_message, str)("{name}"),
        "data-wrong-type": lazy(wrong_type_message, str)("{name}"),
        "data-too-many": lazy(too_many_message, str)(),
        "data-left-out": _("Those files were left out; the others will be sent."),
    }


class MultipleFileField(forms.FileField):
    """Several files in one input; size, count and type are checked by KeepsUploads (the form)
    and again by the workflow, both with tickets.attachments."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", lazy(describe_limits, str)())
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("One of the files could not be read: please choose it again."),
                "missing": _("One of the files did not arrive: please choose it again."),
                "empty": _("One of the files is empty: choose another or leave it out."),
                "max_length": _("One of the files has too long a name: please rename it."),
            },
        )
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), **_file_limits_attrs()}

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


# The name of the button that removes one kept file from a form (its value: the file's id).
REMOVE_UPLOAD = "remove_upload"


class KeepsUploads:
    """A form with an `attachments` field whose good files survive a refused post.

    `kept` are the files kept from earlier posts (tickets.kept_uploads), sent with this one.
    Each new file is checked on its own, so that every refused file is named at once, and those
    that passed (`accepted_uploads`) can be kept while the sender corrects the rest.
    """

    def __init__(self, *args, kept=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = list(kept)
        self.accepted_uploads = []

    def clean_attachments(self):
        checked, errors = sort_uploads(self.cleaned_data.get("attachments") or [])
        self.accepted_uploads = [upload for upload, _content_type in checked]
        too_many = too_many_files(len(self.accepted_uploads) + len(self.kept))
        if too_many is not None:
            errors.insert(0, too_many)
        if errors:
            raise ValidationError(errors)
        return self.accepted_uploads


class CCField(forms.CharField):
    """Email addresses typed in one box (commas, spaces or lines between them), checked by the
    workflow's rule (workflow.cc_problems) so that every bad one is named at once; cleaned to
    the list of addresses. The box keeps what was typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Keep others informed (CC)"))
        kwargs.setdefault(
            "help_text",
            _(
                "Email addresses of people to copy on replies, separated by commas "
                "(at most %(count)d). They can answer by email too."
            )
            % {"count": limits.CC_MAX},
        )
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2, "autocomplete": "email"}))
        super().__init__(required=False, max_length=2000, **kwargs)
        self.customer_email = ""

    def clean(self, value):
        text = super().clean(value)
        addresses = workflow.split_addresses(text)
        problems, _wanted = workflow.cc_problems(addresses, customer_email=self.customer_email)
        if problems:
            raise ValidationError(problems)
        return addresses


class CCForm(forms.Form):
    """Copy more people on a ticket (the ticket page, the admin's ticket view)."""

    cc = CCField(label=_("Add people to keep informed"))

    def __init__(self, *args, ticket=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cc"].required = True
        self.fields["cc"].error_messages["required"] = _("Type at least one email address.")
        if ticket is not None:
            self.fields["cc"].customer_email = ticket.customer.email


def apply_workflow_errors(form, error):
    """Show a workflow ValidationError next to the fields it names (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def ticket_fields(user, *, order=None):
    """The fixed fields of every contact form: a ticket's own fields, in the workflow's terms,
    with messages in our words."""
    orders = orders_for_ticket_form(user) if user.is_authenticated else None
    fields = {
        "subject": forms.CharField(
            label=_("Subject"),
            min_length=SUBJECT_MIN,
            max_length=SUBJECT_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
            help_text=_("A short summary, e.g. “Missing items in my order”."),
            error_messages={
                "required": _("Tell us in a few words what this is about."),
                "min_length": _(
                    "Please write a subject of at least %(limit_value)d characters, "
                    "e.g. “Missing items in my order”."
                ),
                "max_length": _(
                    "Please keep the subject to %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
        ),
        "description": forms.CharField(
            label=_("Description"),
            min_length=DESCRIPTION_MIN,
            max_length=DESCRIPTION_MAX,
            widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
            help_text=_("What happened, what you expected, and anything we should know."),
            error_messages={
                "required": _("Tell us what happened, so that we can help."),
                "min_length": _(
                    "Please tell us a little more: at least %(limit_value)d characters, "
                    "so that we can help without asking back."
                ),
                "max_length": _(
                    "Please keep the description to %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            },
        ),
        "category": forms.ModelChoiceField(
            label=_("Category"),
            queryset=Category.objects.filter(is_active=True),
            required=False,
            empty_label=_("Choose a category"),
            error_messages={"invalid_choice": _("Choose one of the categories offered.")},
        ),
        "priority": forms.ChoiceField(
            label=_("Priority"),
            choices=[("", _("As usual for the category"))] + Priority.choices,
            required=False,
            error_messages={"invalid_choice": _("Choose one of the priorities offered.")},
        ),
        "priority_justification": forms.CharField(
            label=_("Why is this high or urgent?"),
            required=False,
            max_length=Ticket._meta.get_field("priority_justification").max_length,
            widget=forms.Textarea(
                attrs={
                    "rows": 2,
                    "data-needed-for": " ".join(
                        value for value in Priority.values if workflow.needs_justification(value)
                    ),
                }
            ),
            help_text=_("Needed for high and urgent priority."),
            error_messages={
                "required": workflow.missing_justification(),
                "max_length": _(
                    "Please keep this to %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
        ),
    }
    # Required only for some priorities: never marked "(optional)" (includes/form_field.html).
    fields["priority_justification"].required_when = True
    if orders is not None:
        fields["order"] = OrderChoiceField(
            label=_("Order"),
            queryset=orders,
            required=False,
            initial=order,
            empty_label=_("Not about a specific order"),
            error_messages={"invalid_choice": _("Choose one of your own orders.")},
        )
    fields["cc"] = CCField()
    if user.is_authenticated:
        fields["cc"].customer_email = user.email
    fields["attachments"] = MultipleFileField(label=_("Attachments"))
    return fields


def require_justification_if_needed(form):
    """Make the priority's justification required when the chosen priority needs one (the
    workflow's rule), so that its message comes with the form's other errors."""
    priority = form["priority"].value()
    form.fields["priority_justification"].required = workflow.needs_justification(priority)


class TicketFilterForm(forms.Form):
    """The portal list's filters; "whose" only for members who see their organisation's tickets."""

    whose = forms.ChoiceField(
        label=_("Opened by"),
        required=False,
        choices=[
            ("", _("Me and my organisation")),
            ("mine", _("Mine")),
            ("organization", _("My organisation")),
        ],
    )
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

    def __init__(self, *args, shows_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not shows_organization:
            del self.fields["whose"]

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
            "scope": data.get("whose", ""),
        }


class ReplyForm(KeepsUploads, forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=limits.MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write your reply."),
            "max_length": _(
                "Please keep your reply to %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
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
