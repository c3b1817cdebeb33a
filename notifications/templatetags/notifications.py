from django import template

from ..views import unread_count_for

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """How many of the visitor's notifications are unread (one query per request at most)."""
    return unread_count_for(context.get("request"))
