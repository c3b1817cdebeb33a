"""Panels on the Wagtail dashboard for agents: their work, the unassigned pile, SLA risk, today."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from accounts.roles import is_agent
from tickets.choices import ACTIVE_STATUSES, Status
from tickets.models import Ticket
from tickets.selectors import PRIORITY_ORDER
from tickets.sla.state import AT_RISK, sla_filter

LISTED = 5


def needs_me(user):
    """Open work that is mine or nobody's: the number on the queue's menu item."""
    return Ticket.objects.filter(
        Q(assignee=user) | Q(assignee__isnull=True), status__in=[Status.OPEN, Status.IN_PROGRESS]
    )


def at_risk():
    """Tickets whose next SLA target falls due within two hours."""
    return Ticket.objects.filter(sla_filter(AT_RISK))


class TicketListPanel(Component):
    template_name = "tickets/admin/panels/ticket_list.html"

    def __init__(self, *, name, title, tickets, more_url, order):
        self.name = name
        self.title = title
        self.tickets = tickets
        self.more_url = more_url
        self.order = order

    def get_context_data(self, parent_context):
        tickets = self.tickets.select_related("customer").order_by(
            PRIORITY_ORDER.asc(), "created_at"
        )
        return {"panel": self, "tickets": list(tickets[:LISTED])}


class TodayPanel(Component):
    name = "support_today"
    order = 40
    template_name = "tickets/admin/panels/today.html"

    def get_context_data(self, parent_context):
        """The figures of the tickets that can count (opened or resolved today, or active), which
        indexes find: not every ticket ever opened."""
        start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        today = Q(created_at__gte=start)
        resolved_today = Q(resolved_at__gte=start)
        active = Q(status__in=ACTIVE_STATUSES)
        figures = Ticket.objects.filter(today | resolved_today | active).aggregate(
            created=Count("pk", filter=today),
            resolved=Count("pk", filter=resolved_today),
            active=Count("pk", filter=active),
            escalated=Count("pk", filter=active & Q(escalated=True)),
        )
        return {"figures": figures}


def dashboard_panels(request):
    if not is_agent(request.user):
        return []
    queue = reverse("wagtailsnippets_tickets_ticket:list")
    return [
        TicketListPanel(
            name="support_mine",
            title=_("My open tickets"),
            tickets=Ticket.objects.filter(assignee=request.user, status__in=ACTIVE_STATUSES),
            more_url=f"{queue}?assignee=me",
            order=10,
        ),
        TicketListPanel(
            name="support_unassigned",
            title=_("Unassigned"),
            tickets=Ticket.objects.filter(assignee__isnull=True, status__in=ACTIVE_STATUSES),
            more_url=f"{queue}?assignee=unassigned",
            order=20,
        ),
        TicketListPanel(
            name="support_at_risk",
            title=_("At risk of breaching the SLA"),
            tickets=at_risk(),
            more_url=f"{queue}?sla={AT_RISK}",
            order=30,
        ),
        TodayPanel(),
    ]
