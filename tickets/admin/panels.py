"""Panels on the Wagtail dashboard for agents: their work, the unassigned pile, SLA risk, today."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from accounts.roles import is_agent
from tickets import conditions
from tickets.models import Ticket
from tickets.selectors import QUEUE_ORDER

from . import saved_views

LISTED = 5


class TicketListPanel(Component):
    """The first tickets of one of the queue's saved views, their number, and a link to the view."""

    template_name = "tickets/admin/panels/ticket_list.html"

    def __init__(self, *, view, title, user, order):
        self.name = f"support_{view}"
        self.title = title
        self.tickets = saved_views.apply(view, Ticket.objects.all(), user)
        self.more_url = saved_views.url(view)
        self.order = order

    def get_context_data(self, parent_context):
        tickets = self.tickets.select_related("customer").order_by(*QUEUE_ORDER)
        return {"panel": self, "tickets": list(tickets[:LISTED]), "count": self.tickets.count()}


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
        active = conditions.ACTIVE
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
    user = request.user
    return [
        TicketListPanel(view="mine", title=_("My open tickets"), user=user, order=10),
        TicketListPanel(view="unassigned", title=_("Unassigned"), user=user, order=20),
        TicketListPanel(
            view="at_risk", title=_("At risk of breaching the SLA"), user=user, order=30
        ),
        TodayPanel(),
    ]
