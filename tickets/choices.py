from django.db import models
from django.utils.translation import gettext_lazy as _

from .expressions import Ranked


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_ON_CUSTOMER = "waiting_on_customer", _("Waiting on customer")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")

    @property
    def customer_label(self):
        """The status in the customer's words (pages, emails and the API they read); the
        team's label (`label`) stays the admin's."""
        return CUSTOMER_LABELS[self]


CUSTOMER_LABELS = {
    Status.OPEN: _("We're on it"),
    Status.IN_PROGRESS: _("We're on it"),
    Status.WAITING_ON_CUSTOMER: _("Awaiting your reply"),
    Status.RESOLVED: _("Solved"),
    Status.CLOSED: _("Closed"),
}


def customer_label(status):
    """The customer's word for a status value (a Status or its stored string)."""
    return CUSTOMER_LABELS[Status(status)]


def customer_status_choices():
    """One choice per customer label (the first status that bears it), for customers' filters."""
    choices = {}
    for status in Status:
        choices.setdefault(str(status.customer_label), (status.value, status.customer_label))
    return list(choices.values())


def statuses_like(status):
    """The statuses a customer cannot tell from this one: all that share its customer label."""
    label = customer_label(status)
    return [other.value for other in Status if str(other.customer_label) == str(label)]


# Not yet resolved or closed: the backlog, the SLA's concern, what agents still have to do.
ACTIVE_STATUSES = (Status.OPEN, Status.IN_PROGRESS, Status.WAITING_ON_CUSTOMER)
# Active and not waiting on the customer: the agents' move, while the SLA clock runs.
RUNNING_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
# Done with, for now or for good.
SOLVED_STATUSES = (Status.RESOLVED, Status.CLOSED)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


# Sort key: most pressing first. The expression is indexed (tickets_queue_order_idx), so the
# queue's default order reads the index instead of sorting every ticket.
PRIORITY_RANK = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.MEDIUM: 2, Priority.LOW: 3}
PRIORITY_RANK_EXPRESSION = Ranked(
    "priority", tuple((priority.value, rank) for priority, rank in PRIORITY_RANK.items())
)
# Raised above the usual: they need a justification; the queue marks them and has a view of them.
PRESSING_PRIORITIES = (Priority.URGENT, Priority.HIGH)


class Source(models.TextChoices):
    WEB = "web", _("Web")
    EMAIL = "email", _("Email")
    API = "api", _("API")
    AGENT = "agent", _("Agent")
    PHONE = "phone", _("Phone")


# How staff may say a ticket they open on a customer's behalf came in.
STAFF_SOURCES = (Source.AGENT, Source.PHONE)


class OrderStatus(models.TextChoices):
    PLACED = "placed", _("Placed")
    PREPARING = "preparing", _("Preparing")
    OUT_FOR_DELIVERY = "out_for_delivery", _("Out for delivery")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")
