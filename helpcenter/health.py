"""Content health figures: review dates, helpfulness, and the deflection figures of each article.

Deflections come from the contact form's suggestions (tickets.Deflection): an article opened from a
suggestion counts as having answered the visitor until a ticket from the same session follows.
"""

from datetime import timedelta

from django.db.models import Count, F, FloatField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from tickets.models import Deflection

DUE_SOON = timedelta(days=30)


def _deflection_count(**filters):
    rows = (
        Deflection.objects.filter(page=OuterRef("pk"), **filters)
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_votes(articles, period=None):
    """Articles annotated with yes and no votes (those last changed within `period`, a slice of
    datetimes, when given), their total, and the helpful share (or None)."""
    votes = Q()
    if period and period.start:
        votes &= Q(feedback__updated_at__gte=period.start)
    if period and period.stop:
        votes &= Q(feedback__updated_at__lte=period.stop)
    return articles.annotate(
        helpful_yes=Count("feedback", filter=votes & Q(feedback__helpful=True), distinct=True),
        helpful_no=Count("feedback", filter=votes & Q(feedback__helpful=False), distinct=True),
    ).annotate(
        votes=F("helpful_yes") + F("helpful_no"),
        helpful_share=Cast("helpful_yes", FloatField()) / NullIf(F("votes"), 0),
    )


def with_figures(articles):
    """Articles with their votes and deflection figures, in one query however many there are."""
    return with_votes(articles).annotate(
        suggestion_opens=_deflection_count(),
        tickets_after_reading=_deflection_count(ticket__isnull=False),
    )


def review_state(review_by, today=None):
    """ "overdue", "due" (within 30 days), "ok", or None when no date is set."""
    if review_by is None:
        return None
    today = today or timezone.localdate()
    if review_by <= today:
        return "overdue"
    if review_by <= today + DUE_SOON:
        return "due"
    return "ok"


def deflection_summary(page):
    totals = Deflection.objects.filter(page=page).aggregate(
        opened=Count("pk"), tickets_after=Count("pk", filter=Q(ticket__isnull=False))
    )
    totals["deflected"] = totals["opened"] - totals["tickets_after"]
    return totals
