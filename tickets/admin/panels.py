"""Panels on the Wagtail dashboard for agents: their work, the unassigned pile, SLA risk, today,
the teams' active tickets; and for support admins, agent applications waiting. Every count is of
the tickets the agent may see (tickets.permissions.visible_tickets)."""

from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from accounts import applications
from accounts.models import AgentApplication
from accounts.roles import is_agent
from supportsite.dashboard import WarningPanel
from tickets import conditions
from tickets.permissions import visible_tickets
from tickets.selectors import QUEUE_ORDER

from . import saved_views

LISTED = 5


class TicketListPanel(Component):
    """The first tickets of one of the queue's saved views, their number, and a link to the view."""

    template_name = "tickets/admin/panels/ticket_list.html"

    def __init__(self, *, view, title, user, order):
        self.name = f"support_{view}"
        self.title = title
        self.tickets = saved_views.apply(view, visible_tickets(user), user)
        self.more_url = saved_views.url(view)
        self.order = order

    def get_context_data(self, parent_context):
        tickets = self.tickets.select_related("customer").order_by(*QUEUE_ORDER)
        return {"panel": self, "tickets": list(tickets[:LISTED]), "count": self.tickets.count()}


class TodayPanel(Component):
    name = "support_today"
    order = 40
    template_name = "tickets/admin/panels/today.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        """The figures of the tickets that can count (opened or resolved today, or active), which
        indexes find: not every ticket ever opened."""
        start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        today = Q(created_at__gte=start)
        resolved_today = Q(resolved_at__gte=start)
        active = conditions.ACTIVE
        figures = visible_tickets(self.user).filter(today | resolved_today | active)
        figures = figures.aggregate(
            created=Count("pk", filter=today),
            resolved=Count("pk", filter=resolved_today),
            active=Count("pk", filter=active),
            escalated=Count("pk", filter=active & Q(escalated=True)),
        )
        return {"figures": figures}


class TeamsPanel(Component):
    """Each team's active and unassigned tickets (and those of no team), linked to the queue."""

    name = "support_teams"
    order = 50
    template_name = "tickets/admin/panels/teams.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = (
            visible_tickets(self.user)
            .active()
            .values("team", "team__name")
            .annotate(
                active=Count("pk"),
                unassigned=Count("pk", filter=conditions.RUNNING & conditions.UNASSIGNED),
            )
            .order_by(F("team__name").asc(nulls_last=True))
        )
        queue, view = reverse(saved_views.QUEUE_URL_NAME), saved_views.DEFAULT
        teams = [
            {
                "name": row["team__name"],
                "active": row["active"],
                "unassigned": row["unassigned"],
                "url": f"{queue}?{urlencode({'view': view, 'team': row['team'] or 'null'})}",
            }
            for row in rows
        ]
        return {"teams": teams}


def pending_applications_warning(user):
    """Support admins hear of agent applications waiting for their decision."""
    if not applications.can_decide(user):
        return []
    pending = AgentApplication.objects.filter(status=AgentApplication.Status.PENDING).count()
    if not pending:
        return []
    message = ngettext(
        "%(count)d agent application is waiting for a decision.",
        "%(count)d agent applications are waiting for a decision.",
        pending,
    ) % {"count": pending}
    url = reverse("agent_applications:index")
    return [
        WarningPanel(
            name="support_pending_applications",
            message=message,
            url=f"{url}?{urlencode({'status': AgentApplication.Status.PENDING})}",
            link_text=_("Review them"),
        )
    ]


def dashboard_panels(request):
    if not is_agent(request.user):
        return []
    user = request.user
    return pending_applications_warning(user) + [
        TicketListPanel(view="mine", title=_("My open tickets"), user=user, order=10),
        TicketListPanel(view="unassigned", title=_("Unassigned"), user=user, order=20),
        TicketListPanel(
            view="at_risk", title=_("At risk of breaching the SLA"), user=user, order=30
        ),
        TodayPanel(user),
        TeamsPanel(user),
    ]
