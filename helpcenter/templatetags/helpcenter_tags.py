import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from helpcenter import cache, feedback
from helpcenter.forms import FeedbackForm
from helpcenter.visibility import audience_key

register = template.Library()

CONTACT_PATH = "/contact/"
# Characters that could end the <script> element or start markup inside it.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def contact_url(**params):
    """The default contact page (a stable route, see DESIGN.md), pre-filled from `params`."""
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{CONTACT_PATH}?{urlencode(params)}" if params else CONTACT_PATH


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD script element, safe whatever the strings contain."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(  # noqa: S308 - the JSON is escaped for a script element above
        f'<script type="application/ld+json">{text.translate(_JSON_SCRIPT_ESCAPES)}</script>'
    )


@register.simple_tag(takes_context=True)
def article_feedback_form(context):
    """The article's "Was this article helpful?" form: the one just posted, or one for the
    visitor's vote so far."""
    if "feedback_form" in context:
        return context["feedback_form"]
    return FeedbackForm(vote=feedback.current_vote(context["page"], context["request"]))


@register.simple_tag(takes_context=True)
def fragment_cache(context):
    """Timeout and key parts for {% wagtailpagecache %}, which adds the page's own state, the
    site, and skips previews: the content version and the visitor's audience."""
    return {
        "timeout": cache.FRAGMENT_TIMEOUT,
        "version": cache.content_version(),
        "audience": audience_key(context["request"]),
    }
