from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

DEFAULT_RETRY_AFTER = 60

# The admin and each visitor's own pages: nothing there for a search engine to index.
ROBOTS_DISALLOW = [
    "/admin/",
    "/accounts/",
    "/tickets/",
    "/orders/",
    "/notifications/",
    "/api/",
    "/_allauth/",
]


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


@require_safe
def robots_txt(request):
    """Crawlers keep out of private areas and find the sitemap at the site's real address."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
