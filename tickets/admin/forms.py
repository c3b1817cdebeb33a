from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from tickets.choices import Priority, Status
from tickets.forms import MultipleFileField
from tickets.limits import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH
from tickets.models import CannedResponse
from tickets.permissions import visible_macros
from tickets.transitions import allowed_targets


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

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["macro"].queryset = macros_for(user)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def __init__(self, *args, ticket, **kwargs):
        super().__init__(*args, **kwargs)
        targets = allowed_targets(ticket.status)
        self.fields["status"].choices = [(s.value, s.label) for s in Status if s in targets]


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)


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


def macros_for(user):
    """The canned responses and macros this agent may apply, with what their actions need."""
    return (
        visible_macros(user)
        .filter(is_active=True)
        .select_related("assignee")
        .prefetch_related("add_tags", "remove_tags")
        .order_by("title")
    )
