"""The roles a notification kind names as its recipients (kinds.py), and who each role is for
one event. Staff are found by accounts' one definition of the roles (User.objects.agents(),
.support_admins()); "team" is the ticket's team when it has one. Staff hear of a ticket only
if they may see it (tickets.permissions.can_view_ticket: team-scoped visibility)."""

from dataclasses import dataclass

from django.conf import settings

from accounts.models import User
from tickets.permissions import can_view_ticket

from .kinds import CC, CUSTOMER, STAFF

# The roles that only make sense for an event about a ticket.
TICKET_ROLES = {"customer", "assignee", "assignee_or_team", "ccs", "followers"}
ROLES = TICKET_ROLES | {"team", "support_admins", "applicant"}


@dataclass(frozen=True)
class Recipient:
    audience: str
    user: User | None = None
    address: str = ""
    email: bool = True
    in_app: bool = True
    # Whose reply address the email carries: a CC's own (tickets.reply_tokens), or the ticket's.
    replies_as: str = ""

    @property
    def key(self):
        return f"user:{self.user.pk}" if self.user else f"address:{self.address.lower()}"


def _team(ticket):
    """The ticket's team's members (and its address), else every agent (and the desk's)."""
    team = ticket.team if ticket is not None and ticket.team_id else None
    agents = User.objects.agents()
    if team is not None:
        agents = agents.filter(pk__in=team.members.values("pk"))
    address = team.email if team is not None else settings.SUPPORT_TEAM_EMAIL
    agents = list(agents)
    if not address:
        return [Recipient(STAFF, user=agent) for agent in agents]
    return [Recipient(STAFF, address=address, in_app=False)] + [
        Recipient(STAFF, user=agent, email=False) for agent in agents
    ]


def recipients(role, event):
    found = _recipients(role, event)
    if event.ticket is None:
        return found
    return [
        r
        for r in found
        if r.audience != STAFF or r.user is None or can_view_ticket(r.user, event.ticket)
    ]


def _recipients(role, event):
    ticket = event.ticket
    if ticket is None and role in TICKET_ROLES:
        return []
    if role == "applicant":
        return [Recipient(CUSTOMER, user=event.application.user)] if event.application else []
    if role == "customer":
        return [Recipient(CUSTOMER, user=ticket.customer)]
    if role == "ccs":
        return [
            Recipient(
                CC,
                user=cc.user,
                address=cc.email,
                in_app=cc.user_id is not None,
                replies_as=cc.email,
            )
            for cc in ticket.ccs.select_related("user")
        ]
    if role == "followers":
        return [Recipient(STAFF, user=agent) for agent in ticket.followers.all()]
    if role == "assignee":
        return [Recipient(STAFF, user=ticket.assignee)] if ticket.assignee_id else []
    if role == "team":
        return _team(ticket)
    if role == "support_admins":
        admins = User.objects.support_admins()
        return [Recipient(STAFF, user=admin) for admin in admins]
    if role == "assignee_or_team":
        return _recipients("assignee" if ticket.assignee_id else "team", event)
    raise ValueError(f"Unknown notification recipient {role!r}.")
