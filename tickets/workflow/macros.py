"""Canned responses and macros: a reply and the changes it names, in one step."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..permissions import require_staff, visible_macros
from .base import locked
from .messages import post_message
from .status import assign, change_priority, change_status
from .tags import tag


@transaction.atomic
def apply_macro(ticket, *, by, macro, body=None, internal=False, attachments=()):
    """Apply a macro: post the reply (or note) first, then run its actions, each through its own
    workflow function with the reason "macro: <title>", so that the status the macro sets is the
    one the ticket keeps (a staff reply moves an open ticket to in progress). An action the
    ticket already satisfies is skipped. All or nothing: an action that cannot run is a
    ValidationError on "macro", and the reply and the other actions are undone."""
    require_staff(by)
    macro = (
        visible_macros(by)
        .filter(pk=macro.pk, is_active=True)
        .select_related("assignee")
        .prefetch_related("add_tags", "remove_tags")
        .first()
    )
    if macro is None:
        raise ValidationError({"macro": _("Choose one of your macros or the team's.")})
    if body is not None and (body.strip() or attachments):
        post_message(ticket, author=by, body=body, internal=internal, attachments=attachments)
    reason = _("macro: %(title)s") % {"title": macro.title}
    assignee = by if macro.assign_to_me else macro.assignee
    try:
        ticket = locked(ticket)
        if macro.set_status and ticket.status != macro.set_status:
            ticket = change_status(ticket, by=by, status=macro.set_status, reason=reason)
        if macro.set_priority and ticket.priority != macro.set_priority:
            ticket = change_priority(ticket, by=by, priority=macro.set_priority, reason=reason)
        if assignee is not None and ticket.assignee_id != assignee.pk:
            ticket = assign(ticket, by=by, assignee=assignee, reason=reason)
        ticket = tag(
            ticket,
            by=by,
            add=macro.add_tags.all(),
            remove=macro.remove_tags.all(),
            reason=reason,
        )
    except (ValidationError, PermissionDenied) as error:
        errors = getattr(error, "messages", None) or [str(error)]
        raise ValidationError(
            {
                "macro": _("The macro “%(title)s” could not run: %(errors)s")
                % {"title": macro.title, "errors": " ".join(errors)}
            }
        ) from error
    return ticket
