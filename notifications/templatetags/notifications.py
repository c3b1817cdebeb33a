from django import template

from ..views import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """How many of the visitor's notifications are unread (one query per request at most)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if not hasattr(request, "unread_notifications"):
        request.unread_notifications = unread_count(user)
    return request.unread_notifications
