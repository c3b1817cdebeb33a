from django.core.cache import cache
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.admin_views import AgentApplicationViewSet
from tickets.models import CannedResponse, Category, SLAPolicy, Ticket

from .choosers import PermissionCheckedChooserViewSet
from .filters import TicketFilterSet
from .queue import TicketIndexView
from .views import TicketWorkspaceView, neighbour_view, updates_view

# The queue's menu badge is recounted at most this often (seconds): it shows on every admin page.
BADGE_TTL = 30


class SupportSnippetViewSet(SnippetViewSet):
    """The support models' snippets: their chooser is the support staff's too. (Categories
    keep Wagtail's: editors pick an article's ticket category with it.)"""

    chooser_viewset_class = PermissionCheckedChooserViewSet


class TicketViewSet(SupportSnippetViewSet):
    model = Ticket
    icon = "help"
    menu_label = _("Ticket queue")
    menu_name = "ticket-queue"
    menu_order = 100
    index_view_class = TicketIndexView
    index_template_name = "tickets/admin/queue.html"
    index_results_template_name = "tickets/admin/queue_results.html"
    filterset_class = TicketFilterSet
    search_fields = ["number", "subject", "order__number", "customer__name", "customer__email"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    list_export = ["number", "subject", "customer", "category", "priority", "status", "assignee"]
    export_filename = "tickets"

    @cached_property
    def menu_item_class(self):
        """The queue's menu item shows how many open tickets are the agent's or nobody's."""
        base = super().menu_item_class

        def render_component(item, request):
            component = base.render_component(item, request)
            count = cache.get_or_set(
                f"ticket-queue-badge:{request.user.pk}",
                Ticket.objects.needing(request.user).count,
                BADGE_TTL,
            )
            if count:
                component.label = f"{item.label} ({count})"
            return component

        return type("TicketQueueMenuItem", (base,), {"render_component": render_component})

    @property
    def edit_view(self):
        """Agents work a ticket in the workspace, never in a raw model form."""
        return TicketWorkspaceView.as_view(viewset=self)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("edit/<int:pk>/updates/", updates_view, {"viewset": self}, name="updates"),
            path(
                "edit/<int:pk>/next/",
                neighbour_view,
                {"viewset": self, "step": 1},
                name="next",
            ),
            path(
                "edit/<int:pk>/previous/",
                neighbour_view,
                {"viewset": self, "step": -1},
                name="previous",
            ),
        ]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_order = 300
    list_display = ["name", "default_priority", "is_active", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class CannedResponseViewSet(SupportSnippetViewSet):
    model = CannedResponse
    icon = "openquote"
    menu_order = 200
    list_display = ["title", "category", "is_active"]
    search_fields = ["title", "body"]
    search_backend_name = None
    copy_view_enabled = False


class SLAPolicyViewSet(SupportSnippetViewSet):
    model = SLAPolicy
    icon = "time"
    menu_label = _("SLA policies")
    menu_order = 350
    list_display = ["priority", "first_response_hours", "resolution_hours"]
    copy_view_enabled = False


class SupportViewSetGroup(SnippetViewSetGroup):
    """One "Support" menu for the agents' and support admins' tools."""

    menu_label = _("Support")
    menu_icon = "help"
    menu_order = 150
    items = (
        TicketViewSet,
        CannedResponseViewSet,
        CategoryViewSet,
        SLAPolicyViewSet,
        AgentApplicationViewSet,
    )
