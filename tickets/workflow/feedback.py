"""The customer's rating of the help they got, and articles that answered them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from supportsite.signals import send_on_commit

from .. import signals
from ..card_numbers import masked
from ..choices import ACTIVE_STATUSES
from ..models import Deflection, Feedback
from ..permissions import require
from .base import locked


@transaction.atomic
def rate(ticket, *, by, rating, comment=""):
    """The customer rates the help they got, once, after resolution."""
    ticket = locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can rate this ticket."))
    if ticket.status in ACTIVE_STATUSES:
        raise ValidationError(
            {"rating": _("You can rate a ticket once it is resolved.")}, code="not_resolved"
        )
    if Feedback.objects.filter(ticket=ticket).exists():
        raise ValidationError({"rating": _("You have already rated this ticket.")}, code="rated")
    feedback = Feedback(ticket=ticket, rating=rating, comment=masked(comment.strip()))
    feedback.full_clean(exclude=["ticket"])
    feedback.save()
    send_on_commit(signals.rated, Feedback, ticket=ticket, by=by, feedback=feedback)
    return feedback


@transaction.atomic
def comment_on_rating(ticket, *, by, comment):
    """The customer's words after a rating given in one click (the email's stars): once."""
    ticket = locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can rate this ticket."))
    feedback = Feedback.objects.filter(ticket=ticket).first()
    if feedback is None:
        raise ValidationError({"comment": _("Rate the help you got first.")}, code="not_rated")
    if feedback.comment:
        raise ValidationError(
            {"comment": _("You have already told us about this ticket.")}, code="commented"
        )
    feedback.comment = masked(comment.strip())
    feedback.full_clean(exclude=["ticket"])
    feedback.save(update_fields=["comment"])
    return feedback


def record_deflection(*, session_key, page, contact_page=None, query=""):
    """A visitor opened a suggested article from a contact form; until they send a ticket, the
    article counts as having answered them."""
    return Deflection.objects.create(
        session_key=session_key, page=page, contact_page=contact_page, query=query[:200]
    )
