from allauth.account.signals import email_confirmed, user_signed_up
from django.dispatch import receiver

from .organizations import join_by_verified_address
from .roles import make_customer


@receiver(user_signed_up)
def signed_up_users_are_customers(sender, request, user, **kwargs):
    make_customer(user)


@receiver(email_confirmed)
def verified_addresses_join_their_organization(sender, request, email_address, **kwargs):
    """Every way an address becomes verified (the sign-up's code or link, signing in with a
    code to an account email intake made, a changed address) ends in allauth's email_confirmed."""
    join_by_verified_address(email_address.user, email_address.email)
