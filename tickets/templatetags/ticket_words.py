"""Customer-facing words in templates: a status as customers read it (tickets.choices)."""

from django import template

from tickets.choices import customer_label

register = template.Library()


@register.filter
def customer_status(status):
    """{{ ticket.status|customer_status }}: "Awaiting your reply", not "Waiting on customer"."""
    return customer_label(status)
