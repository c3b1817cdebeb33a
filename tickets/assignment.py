"""Round-robin hand-out of new tickets (settings.TICKETS_AUTO_ASSIGN): per category, the
available agent who was handed a ticket of that category longest ago (or never) gets the next."""

from django.conf import settings
from django.db.models import F, Max, Q

from accounts.models import User


def next_agent(category):
    if not settings.TICKETS_AUTO_ASSIGN:
        return None
    same_category = (
        Q(assigned_tickets__category=category)
        if category
        else Q(assigned_tickets__category__isnull=True)
    )
    return (
        User.objects.agents()
        .filter(is_available=True)
        .annotate(last_handed=Max("assigned_tickets__created_at", filter=same_category))
        .order_by(F("last_handed").asc(nulls_first=True), "pk")
        .first()
    )
