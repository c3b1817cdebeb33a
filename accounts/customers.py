"""Customers' accounts found by an email address, or made for one: by email intake for whoever
writes, and by staff opening a ticket on a caller's behalf."""

from allauth.account.models import EmailAddress

from .models import User
from .roles import make_customer


def known_user(address):
    """The account with this address as its email, or as a verified extra address."""
    user = User.objects.filter(email__iexact=address).first()
    if user is None:
        extra = (
            EmailAddress.objects.filter(email__iexact=address, verified=True)
            .select_related("user")
            .first()
        )
        user = extra.user if extra else None
    return user


def create_customer(address, name=""):
    """A customer account with no usable password: its owner signs in with a one-time code sent
    to the address (and may then set a password)."""
    user = User.objects.create_user(email=address, name=name)
    make_customer(user)
    return user
