from django.shortcuts import render
from django.utils.translation import gettext as _


def rate_limited(request, exception=None):
    """django-ratelimit's RATELIMIT_VIEW: a clear page with status 429 and a hint when to retry."""
    response = render(
        request,
        "429.html",
        {"message": _("You are doing that too often. Please wait a minute and try again.")},
        status=429,
    )
    response["Retry-After"] = "60"
    return response
