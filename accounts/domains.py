"""Which email domains may name a customers' organisation: a domain name, never a webmail
provider's (anyone can get an address there) and never the help desk's own."""

import re
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$")

# Addresses anyone can get: a domain of these joins no organisation (everyone at gmail.com
# would otherwise see each other's tickets).
PUBLIC_EMAIL_DOMAINS = frozenset(
    {
        "aol.com",
        "gmail.com",
        "googlemail.com",
        "gmx.com",
        "gmx.de",
        "hey.com",
        "hotmail.com",
        "icloud.com",
        "live.com",
        "mac.com",
        "mail.com",
        "me.com",
        "msn.com",
        "outlook.com",
        "proton.me",
        "protonmail.com",
        "yahoo.com",
        "yandex.com",
        "zoho.com",
    }
)


def domain_of(address):
    return address.rpartition("@")[2].strip().lower()


def own_domains():
    """The help desk's own domains (its site and addresses): never a customer's organisation."""
    addresses = (
        settings.DEFAULT_FROM_EMAIL,
        settings.INBOUND_EMAIL_ADDRESS,
        settings.SUPPORT_TEAM_EMAIL,
    )
    domains = {domain_of(parseaddr(address)[1]) for address in addresses if address}
    domains.add((urlsplit(settings.SITE_URL).hostname or "").lower())
    return domains - {""}


def validate_domains(value):
    """Every line a domain name, none a webmail provider's or ours; all problems at once."""
    problems = []
    own = own_domains()
    for domain in (line.strip().lower() for line in value.splitlines()):
        if not domain:
            continue
        if not DOMAIN.match(domain):
            problems.append(_("“%(domain)s” is not a domain name.") % {"domain": domain})
        elif domain in PUBLIC_EMAIL_DOMAINS:
            problems.append(
                _("“%(domain)s” is a webmail domain anyone can sign up at.") % {"domain": domain}
            )
        elif domain in own:
            problems.append(_("“%(domain)s” is this help desk's own domain.") % {"domain": domain})
    if problems:
        raise ValidationError(problems)
