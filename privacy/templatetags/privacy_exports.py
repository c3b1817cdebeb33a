"""The account page's "Download my data" block (templates/privacy/includes/download_data.html)."""

from django import template

from privacy import export_requests

register = template.Library()


@register.simple_tag(takes_context=True)
def data_export_status(context):
    """{% data_export_status as data_export %}: the signed-in user's latest copy and limit."""
    return export_requests.status(context["request"].user)
