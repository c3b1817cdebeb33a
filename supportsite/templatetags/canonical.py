"""`{% canonical_link %}`: the page's one address, on SITE_URL's host, for search engines.

A Wagtail page's is its full URL (its Site follows SITE_URL: supportsite.site_address); any other
view's is its path on SITE_URL, without the query string (filters, search terms, page numbers).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_link(context):
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page):
        url = page.get_full_url(request)
    else:
        url = settings.SITE_URL + request.path if request else None
    return format_html('<link rel="canonical" href="{}">', url) if url else ""
