from datetime import timedelta

from django.db import models
from django.utils import timezone

from tickets import conditions
from tickets.sla.state import AT_RISK, BREACHED, ON_TRACK, sla_filter

# "Recently solved": resolved (and maybe since closed) within this many days.
RECENTLY_SOLVED_DAYS = 7


class TicketQuerySet(models.QuerySet):
    """The ticket sets agents work by. The queue's views, the dashboard's panels, the menu badge
    and the reports take them from here, so a panel's count and its "more" link cannot disagree.
    """

    def active(self):
        """Not yet resolved or closed."""
        return self.filter(conditions.ACTIVE)

    def running(self):
        """Open or in progress: the agents' move, while the SLA clock runs."""
        return self.filter(conditions.RUNNING)

    def waiting(self):
        """Waiting on the customer's answer."""
        return self.filter(conditions.WAITING)

    def mine(self, user):
        """The user's active tickets, waiting ones included."""
        return self.active().filter(assignee=user)

    def of_teams(self, user):
        """The tickets of the user's teams (a team's membership is one row: none repeats)."""
        return self.filter(team__members=user)

    def unassigned(self):
        """Running tickets nobody has taken (a waiting one comes back when the customer answers)."""
        return self.running().filter(conditions.UNASSIGNED)

    def needing(self, user):
        """What the user could pick up now: their running tickets and the unassigned ones."""
        return self.running().filter(models.Q(assignee=user) | conditions.UNASSIGNED)

    def pressing(self):
        """Running tickets of urgent or high priority."""
        return self.running().filter(priority__in=conditions.PRESSING_PRIORITIES)

    def at_risk(self, now=None):
        """A pending SLA target falls due within the next two hours."""
        return self.filter(sla_filter(AT_RISK, now))

    def breached(self, now=None):
        """An SLA target was missed, and the ticket is still active."""
        return self.filter(sla_filter(BREACHED, now))

    def on_track(self, now=None):
        return self.filter(sla_filter(ON_TRACK, now))

    def recently_solved(self, now=None):
        """Resolved or closed, with the resolution in the last RECENTLY_SOLVED_DAYS days."""
        since = (now or timezone.now()) - timedelta(days=RECENTLY_SOLVED_DAYS)
        return self.filter(conditions.SOLVED, resolved_at__gte=since)

    def closed_before(self, cutoff):
        """Closed, and closed before `cutoff`: what the retention schedules act on."""
        return self.filter(conditions.CLOSED, closed_at__lt=cutoff)
