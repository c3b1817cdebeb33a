"""Who joins a customers' organisation (which domains may name one: accounts.domains).

Membership is earned by a verified address only: a sign-up, or an account email intake made for
a sender, joins the organisation of its address's domain once the address is verified (allauth's
email_confirmed, connected in accounts.receivers), never on the strength of a claim. Support
admins may also add anyone by hand (the user's "organisation" in the admin).
"""

from django.db import transaction

from .domains import PUBLIC_EMAIL_DOMAINS, domain_of
from .models import Organization


def organization_for_address(address):
    """The organisation whose domains include this address's, or None."""
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
