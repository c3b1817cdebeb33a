"""Read-side queries for the portal: scoped by tickets.permissions, in fixed query counts."""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q

from accounts.roles import is_agent

from . import history
from .choices import PRIORITY_RANK_EXPRESSION
from .models import Attachment, Message, TicketReadState
from .permissions import portal_tickets, visible_orders, visible_tickets
from .sla.state import NEXT_DUE_EXPRESSION

PRIORITY_ORDER = PRIORITY_RANK_EXPRESSION
# The agents' queue: most pressing first, then the soonest SLA target (none last), then oldest.
# Read from tickets_active_due_order_idx (active tickets) or tickets_due_order_idx.
QUEUE_ORDER = [PRIORITY_ORDER.asc(), NEXT_DUE_EXPRESSION.asc(nulls_last=True), "created_at"]

SORTS = {
    "updated": ["-updated_at"],
    "newest": ["-created_at"],
    "oldest": ["created_at"],
    "priority": [PRIORITY_ORDER.asc(), "created_at"],
    "status": ["status", "-updated_at"],
}


def with_unread(tickets, user):
    """Mark tickets with replies from the other side since this user last read them: one
    indexed EXISTS per ticket (a ticket never read, or read before that reply, is unread)."""
    other_side = "last_customer_message_at" if is_agent(user) else "last_staff_message_at"
    read_since = TicketReadState.objects.filter(
        ticket=OuterRef("pk"), user=user, last_read_at__gte=OuterRef(other_side)
    )
    return tickets.annotate(
        unread=ExpressionWrapper(
            Q(**{f"{other_side}__isnull": False}) & ~Exists(read_since),
            output_field=BooleanField(),
        )
    )


def my_tickets(
    user,
    *,
    statuses=None,
    priority=None,
    category=None,
    created_from=None,
    created_to=None,
    query="",
    sort="updated",
    scope="",
):
    """The portal's list: the tickets the customer takes part in (portal_tickets: their own,
    those they are copied on, perhaps their organisation's), or with scope="mine" their own
    alone."""
    tickets = portal_tickets(user).select_related("category", "order", "customer")
    if scope == "mine":
        tickets = tickets.filter(customer=user)
    elif scope == "organization":
        tickets = tickets.exclude(customer=user)
    if statuses:
        tickets = tickets.filter(status__in=statuses)
    if priority:
        tickets = tickets.filter(priority=priority)
    if category:
        tickets = tickets.filter(category=category)
    if created_from:
        tickets = tickets.filter(created_at__date__gte=created_from)
    if created_to:
        tickets = tickets.filter(created_at__date__lte=created_to)
    if query:
        # Match order numbers among the orders the customer sees, not by joining every order.
        matching_orders = visible_orders(user).filter(number__icontains=query)
        tickets = tickets.filter(
            Q(number__icontains=query)
            | Q(subject__icontains=query)
            | Q(order__in=matching_orders.values("pk"))
        )
    return with_unread(tickets, user).order_by(*SORTS.get(sort, SORTS["updated"]))


def ticket_for_page(user, number, *, also=()):
    """The ticket as the portal shows it, or Ticket.DoesNotExist if this user may not see it.
    `also`: more relations to read with it (the API shows staff the team, assignee and
    organisation; the portal's page does not, and every join costs the query's planning).
    It carries `unread` for this user (with_unread), so reading it marks it read only if need be."""
    return (
        with_unread(visible_tickets(user), user)
        .select_related("category", "customer", "feedback", "order", *also)
        .prefetch_related(
            "order__lines",
            "ccs",
            Prefetch(
                "attachments",
                queryset=Attachment.objects.filter(message__isnull=True),
                to_attr="ticket_attachments",
            ),
        )
        .get(number=number)
    )


def merged_target(user, ticket):
    """The ticket a merged one goes on as, if this user may see it (else None)."""
    if not ticket.merged_into_id:
        return None
    return visible_tickets(user).filter(pk=ticket.merged_into_id).first()


def public_thread(ticket, *, after=None):
    """The customer-visible thread, oldest first, with authors and files in two more queries."""
    messages = (
        Message.objects.filter(ticket=ticket, is_internal=False)
        .select_related("author")
        .prefetch_related("attachments")
    )
    if after is not None:
        messages = messages.filter(pk__gt=after)
    return messages


def customer_status_history(ticket):
    """Status changes a customer may see: when, from what, to what (who and why stay internal)."""
    return [
        {"at": revision.at, "old": change.old, "new": change.new}
        for revision in history.customer_revisions(ticket)
        for change in revision.changes
    ]


def my_orders(user):
    """The customer's orders and their organisation's, each with the tickets about it that
    this customer may see."""
    return visible_orders(user).prefetch_related(
        "lines",
        Prefetch("tickets", queryset=visible_tickets(user).order_by("-created_at")),
    )


def orders_for_ticket_form(user):
    return visible_orders(user).order_by("-placed_at")
