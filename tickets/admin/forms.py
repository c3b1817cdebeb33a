from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from accounts.models import User
from tickets.choices import Priority, Status
from tickets.forms import MultipleFileField
from tickets.limits import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH
from tickets.models import CannedResponse
from tickets.permissions import can_reassign
from tickets.transitions import allowed_targets

from . import shortcuts

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
    # Set by the "Send and set to: …" button pressed (none: "Send" leaves the status be).
    then_status = forms.ChoiceField(required=False, choices=())

    def __init__(self, *args, ticket=None, **kwargs):
        super().__init__(*args, **kwargs)
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


def canned_responses():
    return CannedResponse.objects.filter(is_active=True).order_by("title")
