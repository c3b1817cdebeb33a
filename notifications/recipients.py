"""The roles a notification kind names as its recipients (kinds.py), and who each role is for
one event. Staff are found by accounts' one definition of the roles (User.objects.agents(),
.support_admins())."""

from dataclasses import dataclass

from django.conf import settings

from accounts.models import User

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


def _team():
    agents = list(User.objects.agents())
    if not settings.SUPPORT_TEAM_EMAIL:
        return [Recipient(STAFF, user=agent) for agent in agents]
    return [Recipient(STAFF, address=settings.SUPPORT_TEAM_EMAIL, in_app=False)] + [
        Recipient(STAFF, user=agent, email=False) for agent in agents
    ]


def recipients(role, event):
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
        return _team()
    if role == "support_admins":
        admins = User.objects.support_admins()
        return [Recipient(STAFF, user=admin) for admin in admins]
    if role == "assignee_or_team":
        return recipients("assignee" if ticket.assignee_id else "team", event)
    raise ValueError(f"Unknown notification recipient {role!r}.")
