"""Which ticket an inbound message answers, and how sure that is.

The signed reply address it was sent to proves the sender received one of the ticket's emails.
Failing one, the chain of our own Message-IDs it refers to, or a ticket number in its subject,
only name a ticket: anyone can copy a number or a Message-ID, so intake trusts those routes only
for an authenticated participant (tickets.intake.authentication).
"""

import re
from dataclasses import dataclass

from tickets.models import Ticket
from tickets.reply_tokens import is_reply_address, ticket_number_in

TICKET_NUMBER = re.compile(r"\b(TKT\d{12,})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Route:
    ticket: Ticket | None = None
    signed: bool = False  # found by a reply address whose signature verifies
    unverified_address: str = ""  # a reply address whose signature does not verify


def _by_reply_address(addresses, sender):
    for address in addresses:
        number = ticket_number_in(address, sender)
        if number:
            return Route(Ticket.objects.filter(number__iexact=number).first(), signed=True)
    return None


def _by_references(mail):
    if not mail.references:
        return None
    # The emails we sent about a ticket (the notifications app's, by their reverse relation:
    # tickets imports nothing from it), then the ones we received.
    return (
        Ticket.objects.filter(email_deliveries__message_id__in=mail.references).first()
        or Ticket.objects.filter(inbound_emails__message_id__in=mail.references).first()
    )


def _by_subject(mail):
    match = TICKET_NUMBER.search(mail.subject)
    return Ticket.objects.filter(number__iexact=match[1]).first() if match else None


def route(mail):
    """The ticket the message answers (None: a new request) and how it was found. Mail to a
    reply address whose token does not verify answers some ticket we cannot tell: it never
    falls back to the other routes. An answer to a merged ticket goes to the one it was merged
    into (merges keep that one step away)."""
    addresses = [address for address in mail.recipients if is_reply_address(address)]
    signed = _by_reply_address(addresses, mail.sender)
    if signed:
        return _past_merges(signed)
    if addresses:
        return Route(unverified_address=addresses[0])
    return _past_merges(Route(_by_references(mail) or _by_subject(mail)))


def _past_merges(found):
    if found.ticket is None or not found.ticket.merged_into_id:
        return found
    return Route(found.ticket.merged_into, signed=found.signed)
