"""Customers' organisations: which email domains may name one, and who joins it.

Membership is earned by a verified address only: a sign-up, or an account email intake made for
a sender, joins the organisation of its address's domain once the address is verified (allauth's
email_confirmed, connected in accounts.receivers), never on the strength of a claim. Support
admins may also add anyone by hand (the user's "organisation" in the admin).
"""

import re
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
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


def check_organization(organization):
    """A domain belongs to one organisation only; its admin is one of its members."""
    from .models import Organization

    errors = {}
    others = Organization.objects.exclude(pk=organization.pk)
    taken = {domain: other for other in others for domain in other.domain_list}
    clashes = [
        _("“%(domain)s” already belongs to %(name)s.") % {"domain": domain, "name": taken[domain]}
        for domain in organization.domain_list
        if domain in taken
    ]
    if clashes:
        errors["domains"] = clashes
    admin = organization.admin
    if admin is not None and (organization.pk is None or admin.organization_id != organization.pk):
        errors["admin"] = _("Choose one of the organisation's members (add them to it first).")
    if errors:
        raise ValidationError(errors)


def organization_for_address(address):
    """The organisation whose domains include this address's, or None."""
    from .models import Organization

    domain = domain_of(address)
    if not domain or domain in PUBLIC_EMAIL_DOMAINS:
        return None
    candidates = Organization.objects.filter(domains__icontains=domain)
    return next((org for org in candidates if domain in org.domain_list), None)


@transaction.atomic
def join_by_verified_address(user, address):
    """Put the user in the organisation of their just-verified address's domain, unless they
    already belong to one (a support admin's choice, or an earlier address, stands)."""
    if user.organization_id is not None:
        return None
    organization = organization_for_address(address)
    if organization is not None:
        user.organization = organization
        user.save(update_fields=["organization"])
    return organization
