"""The Content-Security-Policy's two request-time parts that Django's own CSP support
(settings.SECURE_CSP, django.middleware.csp) leaves to the project.

- Framing: a response that allows same-origin framing by X-Frame-Options gets
  `frame-ancestors 'self'` instead of the policy's `'none'`, so the two headers say the same
  thing and each view decides once. So does a page Wagtail renders for its preview panel (a
  "dummy" request run through the middleware inside the preview view, whose own response
  header would otherwise be kept).
- Nonces where no request is at hand: Wagtail still renders a few inline scripts from form
  widgets and panels (wagtail/wagtail#1288), whose templates see no request. The current
  request's nonce is kept in a context variable for the `{% nonce_attr %}` tag
  (supportsite/templatetags/csp.py) and for chooser widgets (`nonce_chooser_scripts`).
"""

from contextvars import ContextVar

from django.conf import settings
from django.middleware.csp import get_nonce
from django.utils.csp import CSP
from django.utils.html import format_html
from django.utils.safestring import mark_safe

_current_nonce = ContextVar("csp_nonce", default=None)


def current_nonce():
    """The nonce of the request being answered, or None outside a request."""
    return _current_nonce.get()


def nonce_attr():
    nonce = current_nonce()
    return format_html(' nonce="{}"', nonce) if nonce is not None else ""


class CSPContextMiddleware:
    """Publishes the request's nonce to templates without a request, and lets a view's
    X-Frame-Options: SAMEORIGIN widen frame-ancestors to 'self'. Sits after Django's
    ContentSecurityPolicyMiddleware, which writes the header from what this leaves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_nonce.set(get_nonce(request))
        try:
            response = self.get_response(request)
        finally:
            _current_nonce.reset(token)
        framed = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        if framed or getattr(request, "is_dummy", False):
            config = getattr(response, "_csp_config", None) or settings.SECURE_CSP
            if config:
                response._csp_config = {**config, "frame-ancestors": [CSP.SELF]}
        return response


def nonce_chooser_scripts():
    """Wagtail's chooser widgets (page, snippet, image, document) follow their markup with an
    inline `<script>` that starts the chooser, written in Python rather than a template. Give
    that script the request's nonce."""
    from wagtail.admin.widgets.chooser import BaseChooser

    render = BaseChooser.render

    def render_with_nonce(self, name, value, attrs=None, renderer=None):
        html = render(self, name, value, attrs=attrs, renderer=renderer)
        markup, tag, script = html.rpartition("<script>")
        if not tag:
            return html
        return mark_safe(f"{markup}<script{nonce_attr()}>{script}")  # noqa: S308 (Wagtail's own output)

    BaseChooser.render = render_with_nonce
