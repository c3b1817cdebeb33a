"""Who may see and do what with tickets: the one policy every list, page, file and endpoint uses."""

from django.core.exceptions import PermissionDenied

from accounts.models import User
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


def can_reassign(user):
    return is_support_admin(user) or user.has_perm("tickets.assign_ticket")


def can_merge_across_customers(user):
    """Agents merge one customer's duplicates; support admins may join different customers'."""
    return is_support_admin(user)


def visible_customers(user):
    """Whom staff may open a ticket for: active accounts outside the support team."""
    if not user.is_authenticated or not is_agent(user):
        return User.objects.none()
    return User.objects.filter(is_active=True).exclude(pk__in=User.objects.agents().values("pk"))


def require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def require_staff(user):
    require(is_agent(user), "Only support staff may do this.")
