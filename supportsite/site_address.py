"""The Wagtail Site's address follows SITE_URL, so full page URLs (sitemap, canonical links,
JSON-LD) point at the real site rather than at the `localhost` Wagtail starts with.

Wagtail keeps a hostname and a port, and derives the scheme from the port (443 is https, any
other http): an https address on another port cannot be expressed, and the check says so.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url=None):
    """(hostname, port) of `url`, by default SITE_URL, as a Wagtail Site holds them."""
    parts = urlsplit(url or settings.SITE_URL)
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def follow_site_url(site_model):
    """Give the default Site SITE_URL's hostname and port; True when it changed."""
    hostname, port = site_address()
    site = site_model.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def check_default_site(app_configs=None, **kwargs):
    """Warn (on `migrate`, or `check --database default`) when the default Site is elsewhere."""
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []
    if site is None or site.root_url == settings.SITE_URL.rstrip("/"):
        return []
    return [
        checks.Warning(
            f"The default Wagtail Site is {site.root_url}, but SITE_URL is {settings.SITE_URL}: "
            "sitemap, canonical and JSON-LD links point at the Site.",
            hint="Set the Site's hostname and port in Settings › Sites to SITE_URL's (https "
            "needs port 443 there), or correct SITE_URL.",
            id="supportsite.W001",
        )
    ]
