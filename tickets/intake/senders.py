"""Who wrote an inbound message: a known account, or a new customer account for a new address,
which its owner claims by signing in with a one-time code sent to it (that verifies it)."""

from allauth.account.models import EmailAddress

from accounts.customers import create_customer, known_user

__all__ = ["known_user", "new_customer"]


def new_customer(address, name):
    """The address is a stranger's claim until its owner signs in: it is recorded unverified."""
    user = create_customer(address, name)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    return user
