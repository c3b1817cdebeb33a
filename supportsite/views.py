from django.shortcuts import render
from django.utils.translation import gettext as _

DEFAULT_RETRY_AFTER = 60


def too_many_requests(response, error=None):
    """Make a page refused by a rate limit a 429 that says when to retry: when the limit's
    window ends (Ratelimited.retry_after, set by tickets.workflow), or in a minute."""
    response.status_code = 429
    response["Retry-After"] = str(getattr(error, "retry_after", None) or DEFAULT_RETRY_AFTER)
    return response


def rate_limited(request, exception=None):
    """django-ratelimit's RATELIMIT_VIEW: a clear page with status 429 and a hint when to retry.

    A view that kept what the visitor sent (a contact form's draft) names where to find it
    again as the exception's `resume_url`; the page links back to it."""
    response = render(
        request,
        "429.html",
        {
            "message": _("You are doing that too often. Please wait a minute and try again."),
            "resume_url": getattr(exception, "resume_url", None),
        },
    )
    return too_many_requests(response, exception)
