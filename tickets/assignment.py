"""Round-robin hand-out of new tickets (settings.TICKETS_AUTO_ASSIGN): per category, the
available agent who was handed a ticket of that category longest ago (or never) gets the next.
A ticket with a team goes to one of that team's members only (nobody, when none is available)."""

from django.conf import settings
from django.db.models import F, Max, Q

from accounts.models import User

from .models import Team


def next_agent(category, team_id=None):
    if not settings.TICKETS_AUTO_ASSIGN:
        return None
    same_category = (
        Q(assigned_tickets__category=category)
        if category
        else Q(assigned_tickets__category__isnull=True)
    )
    agents = User.objects.agents().filter(is_available=True)
    if team_id is not None:
        members = Team.members.through.objects.filter(team_id=team_id)
        agents = agents.filter(pk__in=members.values("user_id"))
    return (
        agents.annotate(last_handed=Max("assigned_tickets__created_at", filter=same_category))
        .order_by(F("last_handed").asc(nulls_first=True), "pk")
        .first()
    )
