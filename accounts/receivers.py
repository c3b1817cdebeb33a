from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from .roles import make_customer


@receiver(user_signed_up)
def signed_up_users_are_customers(sender, request, user, **kwargs):
    make_customer(user)
