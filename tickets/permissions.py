"""Who may see and do what with tickets: the one policy every list, page, file and endpoint uses."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from accounts.roles import is_agent, is_support_admin

from .models import Attachment, Message, Order, Ticket


def visible_tickets(user):
    """Staff see every ticket; a customer only their own; anyone else nothing."""
    if not user.is_authenticated:
        return Ticket.objects.none()
    if is_agent(user):
        return Ticket.objects.all()
    return Ticket.objects.filter(customer=user)


def visible_messages(user, ticket):
    """The thread as this user may read it: customers never see internal notes."""
    messages = Message.objects.filter(ticket=ticket)
    if not is_agent(user):
        messages = messages.filter(is_internal=False)
    return messages


def visible_attachments(user):
    attachments = Attachment.objects.filter(ticket__in=visible_tickets(user))
    if not is_agent(user):
        attachments = attachments.exclude(message__is_internal=True)
    return attachments


def visible_orders(user):
    if not user.is_authenticated:
        return Order.objects.none()
    if is_agent(user):
        return Order.objects.all()
    return Order.objects.filter(customer=user)


def can_view_ticket(user, ticket):
    return user.is_authenticated and (is_agent(user) or ticket.customer_id == user.pk)


def is_participant(user, ticket):
    """Whom the ticket's conversation is with: whoever may see it but staff, who answer in the
    admin or the API (today, its customer). Only a participant's email may add to a ticket."""
    return can_view_ticket(user, ticket) and not is_agent(user)


def can_reassign(user, ticket=None):
    """Assign to anyone else: support admins any ticket; with `ticket`, also an agent their own
    ticket when settings.TICKETS_AGENTS_HAND_OVER lets agents hand theirs to a colleague."""
    if is_support_admin(user) or user.has_perm("tickets.assign_ticket"):
        return True
    return (
        ticket is not None
        and settings.TICKETS_AGENTS_HAND_OVER
        and is_agent(user)
        and ticket.assignee_id == user.pk
    )


def can_take(user, ticket):
    """Assign to oneself: an unassigned ticket (or one's own); someone else's only who may
    reassign any ticket."""
    return is_agent(user) and (ticket.assignee_id in (None, user.pk) or can_reassign(user))


def require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def require_staff(user):
    require(is_agent(user), "Only support staff may do this.")
