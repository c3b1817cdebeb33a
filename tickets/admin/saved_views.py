"""The queue's saved views (`?view=<key>`): named ticket sets from the TicketQuerySet.

The shortcuts above the queue and the dashboard panels' "more" links name a view from here, so
what a panel counts is what its link lists.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SavedView:
    label: str
    tickets: Callable  # (tickets queryset, user) -> queryset
    shortcut: bool = True


SAVED_VIEWS = {
    "mine": SavedView(_("My tickets"), lambda tickets, user: tickets.mine(user)),
    "unassigned": SavedView(_("Unassigned"), lambda tickets, user: tickets.unassigned()),
    "pressing": SavedView(_("Urgent & high"), lambda tickets, user: tickets.pressing()),
    "waiting": SavedView(_("Waiting on customer"), lambda tickets, user: tickets.waiting()),
    "at_risk": SavedView(_("At risk of breaching the SLA"), lambda t, user: t.at_risk()),
    "breached": SavedView(_("SLA breached"), lambda tickets, user: tickets.breached()),
    "active": SavedView(_("Active"), lambda tickets, user: tickets.active(), shortcut=False),
}
CHOICES = [(key, view.label) for key, view in SAVED_VIEWS.items()]


def apply(key, tickets, user):
    return SAVED_VIEWS[key].tickets(tickets, user)
