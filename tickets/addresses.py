"""The help desk's own email addresses: mail from them is a loop, and none of them is ever a
ticket's CC (copying a ticket to ourselves would mail it back in)."""

from email.utils import parseaddr

from django.conf import settings

from tickets.reply_tokens import is_reply_address


def own_addresses():
    """Addresses this site sends from or receives at."""
    values = (
        settings.DEFAULT_FROM_EMAIL,
        settings.SERVER_EMAIL,
        settings.SUPPORT_TEAM_EMAIL,
        settings.INBOUND_EMAIL_ADDRESS,
    )
    return {parseaddr(value)[1].lower() for value in values if value} - {""}


def is_own_address(address):
    """One of ours, or any address of the shape of our reply addresses (support+…@)."""
    return address.lower() in own_addresses() or is_reply_address(address)
