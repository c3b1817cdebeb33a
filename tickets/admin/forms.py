from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from accounts.models import User
from tickets.choices import STAFF_SOURCES, Priority, Source, Status
from tickets.forms import MultipleFileField
from tickets.limits import EXTRA_FIELD_MAX_LENGTH, MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH
from tickets.models import CannedResponse, Category, Order, Team, Ticket
from tickets.models.tickets import DESCRIPTION_MAX, DESCRIPTION_MIN, SUBJECT_MAX, SUBJECT_MIN
from tickets.permissions import (
    can_reassign,
    visible_customers,
    visible_macros,
    visible_orders,
    visible_tickets,
)
from tickets.transitions import allowed_targets
from tickets.workflow import CORRECTABLE_FIELDS

from . import shortcuts
from .customers import customer_chooser_viewset

# The composer's "Send and set to: …" buttons, where the ticket may go from its status.
SEND_AND_SET = (Status.WAITING_ON_CUSTOMER, Status.IN_PROGRESS, Status.RESOLVED)


class AgentReplyForm(forms.Form):
    KIND_REPLY, KIND_NOTE = "reply", "note"

    kind = forms.ChoiceField(
        label=_("Send as"),
        choices=[(KIND_REPLY, _("Public reply")), (KIND_NOTE, _("Internal note"))],
        initial=KIND_REPLY,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = MultipleFileField(label=_("Attachments"))
    seen = forms.CharField(widget=forms.HiddenInput)
    # The macro chosen in the picker: its actions run when the message is sent.
    macro = forms.ModelChoiceField(
        queryset=CannedResponse.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("That macro is no longer available: choose one again."),
        },
    )
    # Set by the "Send and set to: …" button pressed (none: "Send" leaves the status be).
    then_status = forms.ChoiceField(required=False, choices=())

    def __init__(self, *args, user=None, ticket=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["macro"].queryset = macros_for(user)
        targets = allowed_targets(ticket.status) if ticket is not None else SEND_AND_SET
        self.fields["then_status"].choices = [("", "")] + [
            (status.value, status.label) for status in SEND_AND_SET if status in targets
        ]

    @property
    def send_and_set(self):
        """The statuses offered beside "Send", (value, label)."""
        return self.fields["then_status"].choices[1:]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        # The "s" shortcut focuses it (Wagtail's w-kbd controller).
        widget=forms.Select(
            attrs={
                "data-controller": "w-kbd",
                "data-w-kbd-key-value": shortcuts.key("status"),
                "data-w-kbd-action-value": "focus",
                "aria-keyshortcuts": shortcuts.key("status"),
            }
        ),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def __init__(self, *args, ticket, **kwargs):
        super().__init__(*args, initial={"status": ticket.status}, **kwargs)
        targets = allowed_targets(ticket.status)
        current = pgettext("status", "%(status)s (now)")
        self.fields["status"].choices = [
            (s.value, current % {"status": s.label} if s == ticket.status else s.label)
            for s in Status
            if s in targets or s == ticket.status
        ]


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def __init__(self, *args, ticket, **kwargs):
        super().__init__(*args, initial={"priority": ticket.priority}, **kwargs)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.agents().order_by("name", "email")


class TicketAssignForm(AssignForm):
    """One ticket's assignee picker, showing who has it now."""

    def __init__(self, *args, ticket, user, **kwargs):
        super().__init__(*args, initial={"assignee": ticket.assignee_id}, **kwargs)
        # Who may pick anyone (tickets.permissions); the others take tickets with "Assign to me".
        self.offered = can_reassign(user, ticket)


class TeamForm(forms.Form):
    """Hand the ticket to another team (workflow.change_team), with the reason its history keeps."""

    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.all(), required=False, empty_label=_("No team")
    )
    reason = forms.CharField(
        label=_("Why another team"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Required: kept in the ticket's history."),
    )

    prefix = "team"

    def __init__(self, *args, ticket, **kwargs):
        super().__init__(*args, initial={"team": ticket.team_id}, **kwargs)


def macros_for(user):
    """The canned responses and macros this agent may apply, with what their actions need."""
    return (
        visible_macros(user)
        .filter(is_active=True)
        .select_related("assignee")
        .prefetch_related("add_tags", "remove_tags")
        .order_by("title")
    )


class CorrectForm(forms.Form):
    """Correct a ticket's details (workflow.correct), shown with their current values."""

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("No category"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    order = forms.ModelChoiceField(
        label=_("Order"),
        queryset=Order.objects.none(),
        required=False,
        empty_label=_("Not about a specific order"),
    )
    resolution_notes = forms.CharField(
        label=_("Resolution notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    escalated = forms.BooleanField(label=_("Escalated"), required=False)
    # Required with any change: the workflow says so, with the fields' other errors at once.
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Required: kept in the ticket's history."),
    )

    prefix = "correct"

    def __init__(self, *args, ticket, user, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "category": ticket.category_id,
                "subject": ticket.subject,
                "order": ticket.order_id,
                "resolution_notes": ticket.resolution_notes,
                "escalated": ticket.escalated,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = (
            visible_orders(user).filter(customer=ticket.customer_id).order_by("-placed_at")
        )
        # The ticket's custom fields (the contact form's, by label), as text, after the others.
        self.extra_labels = {}
        reason = self.fields.pop("reason")
        for index, (label, value) in enumerate(ticket.extra_fields.items()):
            name = f"extra_{index}"
            self.extra_labels[name] = label
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=EXTRA_FIELD_MAX_LENGTH,
                initial=_as_text(value),
            )
        self.fields["reason"] = reason

    @property
    def custom_fields(self):
        """The custom fields, bound, for the template."""
        return [self[name] for name in self.extra_labels]

    def changes(self):
        changes = {
            name: self.cleaned_data[name]
            for name in CORRECTABLE_FIELDS
            if name in self.cleaned_data
        }
        extra = {
            label: self.cleaned_data[name]
            for name, label in self.extra_labels.items()
            if self.cleaned_data[name] != self.fields[name].initial
        }
        if extra:
            changes["extra_fields"] = extra
        return changes


def _as_text(value):
    """A custom field's value as the contact form kept it (text, a list of choices, a box)."""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


class MergeForm(forms.Form):
    """Merge this ticket into another, named by its number."""

    into = forms.CharField(
        label=_("Merge into ticket number"),
        max_length=Ticket._meta.get_field("number").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "TKT…"}),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    prefix = "merge"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_into(self):
        number = self.cleaned_data["into"].strip()
        target = visible_tickets(self.user).filter(number__iexact=number).first()
        if target is None:
            raise forms.ValidationError(_("No ticket has this number."))
        return target


class NewTicketForm(forms.Form):
    """A ticket staff open on a customer's behalf (workflow.open_ticket): an existing customer
    chosen, or a new one's email and name."""

    customer = forms.ModelChoiceField(
        label=_("Existing customer"), queryset=User.objects.none(), required=False
    )
    customer_email = forms.EmailField(
        label=_("Or a new customer's email"),
        required=False,
        help_text=_(
            "An account is made for a new address: the customer gets the receipt, with "
            "a link to sign in."
        ),
    )
    customer_name = forms.CharField(
        label=_("New customer's name"),
        required=False,
        max_length=User._meta.get_field("name").max_length,
    )
    source = forms.ChoiceField(
        label=_("Came in by"),
        choices=[(source.value, source.label) for source in STAFF_SOURCES],
        initial=Source.PHONE,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), min_length=SUBJECT_MIN, max_length=SUBJECT_MAX)
    description = forms.CharField(
        label=_("First message"),
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the customer asks, in their words where you can."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    order = forms.CharField(
        label=_("Order number"),
        required=False,
        max_length=Order._meta.get_field("number").max_length,
        help_text=_("One of the customer's orders, if the request is about one."),
    )
    attachments = MultipleFileField(label=_("Attachments"))

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {"priority": Priority.MEDIUM})
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["customer"].queryset = visible_customers(user)
        self.fields["customer"].widget = customer_chooser_viewset.widget_class(show_edit_link=False)

    def clean_order(self):
        number = self.cleaned_data["order"].strip()
        if not number:
            return None
        order = visible_orders(self.user).filter(number__iexact=number).first()
        if order is None:
            raise forms.ValidationError(_("No order has this number."))
        return order

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("customer") and cleaned.get("customer_email"):
            self.add_error(
                "customer_email", _("Choose an existing customer or enter a new one, not both.")
            )
        elif not cleaned.get("customer") and not cleaned.get("customer_email"):
            if "customer_email" not in self.errors:
                self.add_error("customer", _("Choose a customer, or enter a new customer's email."))
        return cleaned

    def workflow_arguments(self):
        data = self.cleaned_data
        return {
            "customer": data["customer"],
            "customer_email": data["customer_email"],
            "customer_name": data["customer_name"],
            "source": data["source"],
            "subject": data["subject"],
            "description": data["description"],
            "category": data["category"],
            "priority": data["priority"],
            "order": data["order"],
            "attachments": data["attachments"],
        }
