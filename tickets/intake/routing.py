"""Which ticket an inbound message answers: the signed reply address it was sent to, else the
chain of our own Message-IDs it refers to, else a ticket number in its subject."""

import re

from tickets.models import Ticket
from tickets.reply_tokens import ticket_number_in

TICKET_NUMBER = re.compile(r"\b(TKT\d{12,})\b", re.IGNORECASE)


def _by_reply_address(mail):
    for address in mail.recipients:
        number = ticket_number_in(address)
        if number:
            return Ticket.objects.filter(number__iexact=number).first()
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


def ticket_answered_by(mail):
    """The ticket the message answers, or None: then it is a new request."""
    return _by_reply_address(mail) or _by_references(mail) or _by_subject(mail)
