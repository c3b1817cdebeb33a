"""`{% nonce_attr %}`: ` nonce="…"` with the current request's CSP nonce, also in templates
rendered without a request (form widgets, Wagtail panels)."""

from django import template

from supportsite.csp import nonce_attr as current_nonce_attr

register = template.Library()


@register.simple_tag
def nonce_attr():
    return current_nonce_attr()
