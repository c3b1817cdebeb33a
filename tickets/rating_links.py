"""One-click ratings from the resolution email: one signed link per star.

A link names the ticket, its customer and the stars, signed with SECRET_KEY (django.core.
signing, which also accepts SECRET_KEY_FALLBACKS) and valid for RATING_LINK_DAYS: only this
server can make one, so following it is the customer's click, whoever's browser it opens in.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

SALT = "tickets.rating_links"
RATING_LINK_DAYS = 30
STARS = range(1, 6)


def rating_path(ticket, rating):
    token = signing.dumps([ticket.pk, ticket.customer_id, rating], salt=SALT, compress=True)
    return reverse("tickets:rate_by_link", args=[token])


def star_paths(ticket):
    """The links of the email's five stars, one star first."""
    return [(stars, rating_path(ticket, stars)) for stars in STARS]


def read(token):
    """(ticket id, customer id, rating) of a valid link; signing.BadSignature (or its subclass
    SignatureExpired) for anything else."""
    try:
        ticket_id, customer_id, rating = signing.loads(
            token, salt=SALT, max_age=timedelta(days=RATING_LINK_DAYS)
        )
    except (TypeError, ValueError) as error:
        raise signing.BadSignature(str(error)) from error
    if rating not in STARS or not isinstance(ticket_id, int) or not isinstance(customer_id, int):
        raise signing.BadSignature("Not a rating link.")
    return ticket_id, customer_id, rating
