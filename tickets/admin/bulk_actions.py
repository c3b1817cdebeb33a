"""Bulk assign, status, priority and tag changes in the queue, each ticket through the workflow."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from accounts.roles import is_agent
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.limits import REASON_MAX_LENGTH
from tickets.models import Ticket

from .forms import AssignForm
from .tags import TagBulkForm
from .ticket_access import visible_selection


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)


class StatusBulkForm(ReasonForm):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)


class PriorityBulkForm(ReasonForm):
    priority = forms.ChoiceField(label=_("New priority"), choices=Priority.choices)


class TicketBulkAction(SnippetBulkAction):
    """Applies one workflow call per ticket; tickets it cannot change are reported, not forced."""

    models = [Ticket]
    template_name = "tickets/admin/bulk_action.html"
    workflow_call = None

    def dispatch(self, request, *args, **kwargs):
        if not is_agent(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, ticket):
        return True

    def get_actionable_objects(self):
        return visible_selection(self.request), {"items_with_no_access": []}

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "options": self.cleaned_form.cleaned_data,
        }

    @classmethod
    def execute_action(cls, objects, user=None, options=None, **kwargs):
        changed, refused = 0, []
        for ticket in objects:
            try:
                cls.apply(ticket, user, options)
            except (ValidationError, PermissionDenied) as error:
                reasons = " ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"{ticket.number}: {reasons}")
            else:
                changed += 1
        kwargs["self"].refused = refused
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d ticket changed.", "%(count)d tickets changed.", num_parent_objects
        ) % {"count": num_parent_objects}
        if self.refused:
            message += " " + str(_("Not changed: %(list)s")) % {"list": "; ".join(self.refused)}
        return message


class AssignBulkAction(TicketBulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected tickets")
    form_class = AssignForm

    @staticmethod
    def apply(ticket, user, options):
        workflow.assign(ticket, by=user, assignee=options["assignee"], reason=options["reason"])


class StatusBulkAction(TicketBulkAction):
    display_name = _("Change status")
    action_type = "change_status"
    aria_label = _("Change the status of the selected tickets")
    form_class = StatusBulkForm

    @staticmethod
    def apply(ticket, user, options):
        workflow.change_status(ticket, by=user, status=options["status"], reason=options["reason"])


class PriorityBulkAction(TicketBulkAction):
    display_name = _("Change priority")
    action_type = "change_priority"
    aria_label = _("Change the priority of the selected tickets")
    form_class = PriorityBulkForm

    @staticmethod
    def apply(ticket, user, options):
        workflow.change_priority(
            ticket, by=user, priority=options["priority"], reason=options["reason"]
        )


class TagBulkAction(TicketBulkAction):
    display_name = _("Tag tickets")
    action_type = "tag"
    aria_label = _("Add or remove tags on the selected tickets")
    form_class = TagBulkForm

    @staticmethod
    def apply(ticket, user, options):
        workflow.tag(
            ticket, by=user, add=options["add"], remove=options["remove"], reason=options["reason"]
        )
