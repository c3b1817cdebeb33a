"""`{% contact_request_waiting as waiting %}`: whether this visitor's contact form is held in
their session (helpcenter.contact_drafts) until they sign in, so the sign-in and sign-up pages
can say their message is safe and will be sent."""

from django import template

from helpcenter.contact_drafts import SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_request_waiting(context):
    request = context.get("request")
    return bool(request is not None and request.session.get(SESSION_KEY))
