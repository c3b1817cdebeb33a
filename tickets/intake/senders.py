"""Who wrote an inbound message: a known account, or a new customer account for a new address,
which its owner claims by signing in with a one-time code sent to it (that verifies it)."""

from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import make_customer


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


def new_customer(address, name):
    user = User.objects.create_user(email=address, name=name)
    make_customer(user)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    return user
