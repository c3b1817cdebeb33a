"""Due times for a ticket's first response and resolution, and the clock's pauses.

Due times count business hours from the ticket's creation, plus the business time it has spent
waiting on the customer; they are recomputed whenever the priority changes or a pause ends.
"""

from django.utils import timezone

from tickets.choices import Status


def business_calendar(ticket=None):
    """The hours the ticket's SLA clock runs in: its team's own, else the desk's."""
    from tickets.models import BusinessHours, Team

    team = ticket is not None and ticket.team_id and Team.objects.filter(pk=ticket.team_id).first()
    return team.calendar() if team else BusinessHours.load().calendar()


def set_due_times(ticket, calendar=None):
    """Fill in both due times from the ticket's priority, creation and time paused so far."""
    from tickets.models.sla import SLAPolicy

    calendar = calendar or business_calendar(ticket)
    first_response, resolution = SLAPolicy.targets(ticket.priority)
    start = ticket.created_at or timezone.now()
    ticket.first_response_due_at = calendar.add(start, first_response + ticket.sla_paused_for)
    ticket.resolution_due_at = calendar.add(start, resolution + ticket.sla_paused_for)


def follow_status(ticket, previous_status, now=None):
    """Stop the clock when a ticket starts waiting on the customer; restart it when it stops."""
    now = now or timezone.now()
    waiting = Status.WAITING_ON_CUSTOMER
    if ticket.status == waiting and previous_status != waiting:
        ticket.sla_paused_at = now
    elif previous_status == waiting and ticket.status != waiting and ticket.sla_paused_at:
        calendar = business_calendar(ticket)
        ticket.sla_paused_for += calendar.between(ticket.sla_paused_at, now)
        ticket.sla_paused_at = None
        set_due_times(ticket, calendar)
