"""Reply addresses that lead an answer back to its ticket: support+<number>-<signature>@domain.

The token is the ticket number with an HMAC of it, all in lower case because mail systems may
change the case of an address. Only this server can make one, so a token proves the sender
received one of the ticket's emails; tokens signed with a retired key (SECRET_KEY_FALLBACKS)
keep working. The emails to someone copied on the ticket (a CC) carry a token signed for the
ticket and their address: it verifies only for mail from that address, so one CC's token
never speaks for anyone else, and it stops working for them once they are taken off.
"""

import re

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "tickets.reply_tokens"
# Printed above the text of every ticket email: intake cuts an answer here, whatever the mail
# client quotes below it.
REPLY_MARKER = "##- Please type your reply above this line -##"
TOKEN = re.compile(r"^(?P<number>[a-z0-9]{1,40})-(?P<signature>[0-9a-f]{20})$")


def _signature(number, secret, copied=""):
    value = f"{number} {copied.lower()}" if copied else number
    return salted_hmac(SALT, value, secret=secret, algorithm="sha256").hexdigest()[:20]


def make_token(ticket, copied=""):
    """The ticket's token; `copied`: a CC's address, for a token signed for them alone."""
    number = ticket.number.lower()
    return f"{number}-{_signature(number, settings.SECRET_KEY, copied)}"


def reply_address(ticket, copied=""):
    local, _, domain = settings.INBOUND_EMAIL_ADDRESS.rpartition("@")
    return f"{local}+{make_token(ticket, copied)}@{domain}"


def is_reply_address(address):
    """Whether the address has the shape of one of our reply addresses (<local>+…@<domain> of
    INBOUND_EMAIL_ADDRESS), whatever its token: mail to one claims to answer a ticket."""
    local, _at, domain = address.lower().rpartition("@")
    inbound_local, _at, inbound_domain = settings.INBOUND_EMAIL_ADDRESS.lower().rpartition("@")
    return domain == inbound_domain and local.startswith(f"{inbound_local}+")


def ticket_number_in(address, sender=""):
    """The ticket number a reply address was signed for (in lower case), or None when it is no
    reply address or its signature does not verify (altered, cut short, or never ours). A CC's
    token verifies only with `sender`, the address it was signed for."""
    local_part = address.rpartition("@")[0].lower()
    _, plus, token = local_part.partition("+")
    match = TOKEN.match(token) if plus else None
    if match is None:
        return None
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    signed_for = [""] + ([sender] if sender else [])
    if any(
        constant_time_compare(match["signature"], _signature(match["number"], secret, copied))
        for secret in secrets
        for copied in signed_for
    ):
        return match["number"]
    return None
