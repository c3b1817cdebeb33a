"""/anymail/…: the inbound webhook of settings.INBOUND_EMAIL_PROVIDER alone, taken from Anymail's
own URL patterns, or nothing when inbound email is off. Other providers' webhooks, and the tracking
webhooks (nothing here listens to delivery events), are not mounted: a 404, rather than a view
that accepts what it cannot check or fails for want of its provider's settings."""

from anymail import urls as anymail_urls
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def inbound_webhook_patterns(provider):
    """Anymail's inbound pattern(s) for the provider (Mandrill's webhook is one for everything)."""
    names = {f"{provider}_inbound_webhook", f"{provider}_webhook"}
    patterns = [pattern for pattern in anymail_urls.urlpatterns if pattern.name in names]
    if not patterns:
        raise ImproperlyConfigured(
            f"INBOUND_EMAIL_PROVIDER is {provider!r}, which has no inbound webhook in Anymail; "
            "name one that has, or leave it empty to turn inbound email off."
        )
    return patterns


app_name = anymail_urls.app_name
urlpatterns = (
    inbound_webhook_patterns(settings.INBOUND_EMAIL_PROVIDER)
    if settings.INBOUND_EMAIL_PROVIDER
    else []
)
