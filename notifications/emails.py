"""Notification emails, rendered once from their kind's templates (templates/notifications/
emails/, HTML and text on one layout each) with the ticket's reply address and a Message-ID of
our own, so answers find their way back to the ticket (tickets.intake).

Emails about no ticket (agent applications) share the layout; their subject names no ticket and
they have no Reply-To of their own (answers go to the sender, DEFAULT_FROM_EMAIL).

The result is an unsaved EmailDelivery; notifications.tasks sends it.
"""

from email.utils import make_msgid
from functools import partial

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tickets import rating_links
from tickets.reply_tokens import REPLY_MARKER, reply_address

from .kinds import CUSTOMER
from .models import EmailDelivery


def inbound_domain():
    return settings.INBOUND_EMAIL_ADDRESS.rpartition("@")[2]


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def subject_for(ticket, action, *, repeats_subject=True):
    """The email's subject, "[Site] Ticket #N - Action: the ticket's subject": the inbox says
    what it is about, and the number stays (replies that lost their address are matched by it)."""
    if ticket is None:
        return f"[{settings.SITE_NAME}] {action}"
    if repeats_subject:
        return f"[{settings.SITE_NAME}] " + _("Ticket #%(number)s - %(action)s: %(subject)s") % {
            "number": ticket.number,
            "action": action,
            "subject": ticket.subject,
        }
    return f"[{settings.SITE_NAME}] " + _("Ticket #%(number)s - %(action)s") % {
        "number": ticket.number,
        "action": action,
    }


def star_links(ticket):
    """The resolution email's five one-click ratings: (stars, absolute URL), one star first."""
    return [(stars, absolute(path)) for stars, path in rating_links.star_paths(ticket)]


def build(*, kind, event, audience, user, address, action, path, replies_as=""):
    """The email telling `address` (the user's, a CC's or the team's) about the event, as
    `kind`; `replies_as`: the CC whose own reply address it carries."""
    ticket = event.ticket
    link_url = absolute(path)
    context = {
        "kind": kind.name,
        "audience": audience,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "ticket": ticket,
        "application": event.application,
        "link_url": link_url,
        "ticket_url": link_url,
        "rating_url": f"{link_url}#feedback",
        # The customer's own one-click ratings, signed only if a template asks (the resolution
        # email's stars): whoever holds one rates as the customer, so staff never get them.
        "star_links": partial(star_links, ticket) if ticket and audience == CUSTOMER else list,
        "message": event.message,
        "actor": event.actor,
        "rating": event.rating,
        "into": event.into,
        "merged": [ticket.number for ticket in event.merged],
        "recipient": user,
        "action": action,
        "reply_marker": REPLY_MARKER,
        "sign_in_by_code_url": absolute(reverse("account_request_login_code")),
    }
    return EmailDelivery(
        kind=kind.name,
        ticket=ticket,
        recipient=user,
        to=address,
        subject=subject_for(ticket, action, repeats_subject=kind.repeats_subject)[:255],
        body_text=render_to_string(kind.templates["txt"], context).strip() + "\n",
        body_html=render_to_string(kind.templates["html"], context),
        reply_to=reply_address(ticket, copied=replies_as) if ticket else "",
        message_id=make_msgid(domain=inbound_domain()),
        references=f"<{ticket.number.lower()}@{inbound_domain()}>" if ticket else "",
        next_attempt_at=timezone.now(),
    )
