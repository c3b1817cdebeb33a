from django.core.cache import cache
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.admin_views import AgentApplicationViewSet
from accounts.organization_admin import OrganizationViewSet
from accounts.roles import is_agent
from supportsite.admin_chrome import count_slot
from tickets.models import CannedResponse, Category, SLAPolicy, Tag, Team, Ticket
from tickets.permissions import visible_macros, visible_tickets

from . import macros, saved_views, ticket_access
from .choosers import PermissionCheckedChooserViewSet
from .filters import TicketFilterSet
from .new_ticket import NewTicketViewSet
from .queue import TicketIndexView
from .redaction import RedactMessageView, RemoveFileView
from .saved_view_pages import delete_view, save_view
from .saved_views import BADGE_TTL
from .search import SEARCH_FIELDS
from .tags import TagChipColumn
from .teams import TeamMembersColumn
from .views import TicketWorkspaceView, neighbour_view, panel_view, updates_view


def needing_count(user):
    """The queue's menu badge: the open tickets that are the agent's or nobody's."""
    return cache.get_or_set(
        f"ticket-queue-badge:{user.pk}", visible_tickets(user).needing(user).count, BADGE_TTL
    )


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
    search_fields = SEARCH_FIELDS
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    list_export = [
        "number",
        "subject",
        "customer",
        "category",
        "team",
        "priority",
        "status",
        "assignee",
    ]
    export_filename = "tickets"
    history_view_class = ticket_access.TicketHistoryView
    usage_view_class = ticket_access.TicketUsageView
    delete_view_class = ticket_access.TicketDeleteView
    chooser_viewset_class = ticket_access.TicketChooserViewSet

    def get_queryset(self, request):
        """The queue, its search and its exports list the tickets the user may see."""
        return visible_tickets(request.user)

    @cached_property
    def menu_item_class(self):
        """The queue's menu item shows how many open tickets are the agent's or nobody's."""
        base = super().menu_item_class

        def render_component(item, request):
            component = base.render_component(item, request)
            component.label = f"{item.label}{count_slot(needing_count)}"
            return component

        return type("TicketQueueMenuItem", (base,), {"render_component": render_component})

    @property
    def edit_view(self):
        """Agents work a ticket in the workspace, never in a raw model form."""
        return TicketWorkspaceView.as_view(viewset=self)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("views/save/", save_view, name="save_view"),
            path("views/<int:pk>/delete/", delete_view, name="delete_view"),
            path("edit/<int:pk>/updates/", updates_view, {"viewset": self}, name="updates"),
            path(
                "edit/<int:pk>/redact/",
                RedactMessageView.as_view(viewset=self),
                name="redact_opening",
            ),
            path(
                "edit/<int:pk>/messages/<int:message_id>/redact/",
                RedactMessageView.as_view(viewset=self),
                name="redact_message",
            ),
            path(
                "edit/<int:pk>/files/<int:attachment_id>/remove/",
                RemoveFileView.as_view(viewset=self),
                name="remove_file",
            ),
            path("edit/<int:pk>/panel/<slug:panel>/", panel_view, {"viewset": self}, name="panel"),
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
    list_display = ["name", "default_priority", "default_team", "is_active", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class CannedResponseViewSet(SupportSnippetViewSet):
    """Shared and personal canned responses and macros (tickets/admin/macros.py)."""

    model = CannedResponse
    icon = "openquote"
    menu_label = _("Canned responses and macros")
    menu_order = 200
    list_display = ["title", "category", macros.shared_column, "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "body"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = macros.edit_handler
    edit_view_class = macros.MacroEditView
    delete_view_class = macros.MacroDeleteView
    history_view_class = macros.MacroHistoryView
    usage_view_class = macros.MacroUsageView
    chooser_viewset_class = macros.MacroChooserViewSet

    def get_queryset(self, request):
        return visible_macros(request.user).select_related("category")


class TagViewSet(SupportSnippetViewSet):
    """Support admins keep the tags; agents see them (and put them on tickets)."""

    model = Tag
    icon = "tag"
    menu_order = 250
    list_display = ["name", TagChipColumn("chip", label=_("Looks like"))]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class TeamViewSet(SupportSnippetViewSet):
    """Support admins keep the teams (who is in which, their own hours); agents see them."""

    model = Team
    icon = "group"
    menu_order = 260
    list_display = ["name", "email", TeamMembersColumn("members", label=_("Members"))]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False

    def get_queryset(self, request):
        return Team.objects.prefetch_related("members")


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
        NewTicketViewSet,
        CannedResponseViewSet,
        TagViewSet,
        TeamViewSet,
        CategoryViewSet,
        SLAPolicyViewSet,
        AgentApplicationViewSet,
        OrganizationViewSet,
    )


class TicketViewsMenu(Menu):
    """The built-in views with their counts, then the user's saved and shared views; built for
    each request (once: the sidebar asks whether it is shown, then renders it)."""

    def menu_items_for_request(self, request):
        if not hasattr(request, "ticket_views_menu"):
            request.ticket_views_menu = self._items(request)
        return request.ticket_views_menu

    def _items(self, request):
        user = request.user
        if not is_agent(user):
            return []
        urls = saved_views.urls()
        items = [
            MenuItem(
                f"{saved_views.BUILT_IN_VIEWS[key].label}"
                f"{count_slot(saved_views.counts, key, show_zero=True)}",
                urls[key],
                name=f"ticket-view-{key}",
                order=order,
            )
            for order, key in enumerate(saved_views.counted_keys(user))
        ]
        items += [
            MenuItem(
                view.name,
                saved_views.saved_view_url(view),
                name=f"saved-view-{view.pk}",
                icon_name="group" if view.shared else "",
                order=100 + order,
            )
            for order, view in enumerate(saved_views.listed(request))
        ]
        return items


def ticket_views_menu_item():
    return SubmenuMenuItem(
        _("Ticket views"),
        TicketViewsMenu(),
        name="ticket-views",
        icon_name="list-ul",
        order=151,
    )
