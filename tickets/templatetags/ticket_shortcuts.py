"""The agents' keyboard shortcuts in templates (tickets.admin.shortcuts)."""

from django import template

from accounts.roles import is_agent
from tickets.admin import shortcuts

register = template.Library()


@register.simple_tag
def shortcut_key(name):
    return shortcuts.key(name)


@register.simple_tag(takes_context=True)
def ticket_shortcuts(context):
    """The rows for Wagtail's keyboard-shortcuts dialog: for agents only. The dialog's template
    is rendered as an inclusion tag, whose context keeps the request but not its variables."""
    request = getattr(context, "request", None) or context.get("request")
    if request is None or not is_agent(request.user):
        return []
    return shortcuts.listed()
