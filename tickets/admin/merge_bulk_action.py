"""The queue's "Merge tickets" bulk action: the selected tickets into the one chosen among them,
in one workflow.merge call."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tickets import workflow
from tickets.limits import REASON_MAX_LENGTH
from tickets.permissions import visible_tickets

from .bulk_actions import TicketBulkAction


class MergeBulkForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("The ticket that goes on; the others close into it."),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def __init__(self, *args, tickets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tickets
        self.fields["into"].label_from_instance = lambda ticket: str(ticket)


class MergeBulkAction(TicketBulkAction):
    display_name = _("Merge tickets")
    action_type = "merge"
    aria_label = _("Merge the selected tickets into one of them")
    form_class = MergeBulkForm

    def get_form_kwargs(self):
        selected = self.request.GET.getlist("id")
        tickets = (
            visible_tickets(self.request.user)
            .filter(pk__in=[pk for pk in selected if pk.isdigit()])
            .order_by("created_at", "pk")
        )
        return {**super().get_form_kwargs(), "tickets": tickets}

    @classmethod
    def execute_action(cls, objects, user=None, options=None, **kwargs):
        view = kwargs["self"]
        into = options["into"]
        duplicates = [ticket for ticket in objects if ticket.pk != into.pk]
        try:
            workflow.merge(duplicates, into=into, by=user, reason=options["reason"])
        except (ValidationError, PermissionDenied) as error:
            view.refused = [" ".join(getattr(error, "messages", [str(error)]))]
            return 0, 0
        view.refused, view.into = [], into
        return len(duplicates), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.refused:
            return str(_("Nothing merged: %(reason)s")) % {"reason": "; ".join(self.refused)}
        return ngettext(
            "%(count)d ticket merged into %(number)s.",
            "%(count)d tickets merged into %(number)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "number": self.into.number}
