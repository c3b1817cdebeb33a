"""Incoming email in the Wagtail admin: review what intake held back. Its "Email" menu is open
to other apps through the register_email_menu_item hook (the notifications app's outgoing
emails).

Registered in tickets/wagtail_hooks.py. Incoming emails are records: nobody adds, edits or
deletes them in the admin; the only action is marking one as reviewed.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from supportsite.admin_chrome import count_slot
from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

from .models import InboundEmail

register_permission_policy(
    InboundEmail,
    WorkflowOnlyPermissionPolicy(InboundEmail, forbidden=("add", "change", "delete")),
)

# The hook through which other apps add their items to the "Email" menu.
EMAIL_MENU_HOOK = "register_email_menu_item"


def counted(menu_item_class, count):
    """A menu item class whose label ends with a per-user count, when there is one."""

    class CountedMenuItem(menu_item_class):
        def render_component(self, request):
            component = super().render_component(request)
            component.label = f"{self.label}{count_slot(count)}"
            return component

    return CountedMenuItem


def preformatted(text):
    return format_html('<pre style="white-space: pre-wrap; margin: 0">{}</pre>', text or "—")


class ActionInspectView(InspectView):
    """The inspect page with one action button under the record (resend, mark as reviewed)."""

    template_name = "tickets/email_admin/inspect.html"
    action_url_name = None
    action_label = ""

    def action_allowed(self):
        raise NotImplementedError

    def get_body_text_display_value(self):
        return preformatted(self.object.body_text)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.action_allowed():
            context["action_url"] = reverse(self.action_url_name, args=[self.object.pk])
            context["action_label"] = self.action_label
        return context


class IncomingEmailInspectView(ActionInspectView):
    action_url_name = "incoming_emails:review"
    action_label = gettext_lazy("Mark as reviewed")

    def action_allowed(self):
        return (
            self.request.user.has_perm("tickets.change_inboundemail")
            and self.object.outcome == InboundEmail.Outcome.HELD
            and self.object.reviewed_at is None
        )


@require_POST
def review_view(request, pk):
    if not request.user.has_perm("tickets.change_inboundemail"):
        raise PermissionDenied
    InboundEmail.objects.filter(pk=pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=request.user
    )
    messages.success(request, _("Marked as reviewed."))
    return redirect("incoming_emails:index")


def held_count(user):
    return InboundEmail.objects.filter(
        outcome=InboundEmail.Outcome.HELD, reviewed_at__isnull=True
    ).count()


class EmailRecordViewSet(ModelViewSet):
    """Emails as records, in the Email menu: listed, searched, inspected, with one action of
    their own (`action`: its path and view); the menu counts those needing attention
    (`attention_count`, a function of the user). No add, edit, copy or delete."""

    icon = "mail"
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    action = None
    attention_count = None

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class
        count = type(self).attention_count
        return counted(base, count) if count else base

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]
        if self.action:
            route, view = self.action
            patterns.append(path(f"<int:pk>/{route}/", view, name=route))
        return patterns


class IncomingEmailViewSet(EmailRecordViewSet):
    model = InboundEmail
    name = "incoming_emails"
    menu_label = gettext_lazy("Incoming emails")
    menu_order = 2  # after the outgoing ones
    list_filter = ["outcome"]
    search_fields = ["from_email", "subject", "ticket__number"]
    action = ("review", review_view)
    attention_count = held_count
    inspect_view_class = IncomingEmailInspectView
    inspect_view_fields = [
        "received_at",
        "channel",
        "from_name",
        "from_email",
        "to",
        "subject",
        "outcome",
        "reason",
        "ticket",
        "reply",
        "attachment_names",
        "reviewed_at",
        "reviewed_by",
        "message_id",
        "body_text",
    ]

    @property
    def list_display(self):
        return [
            TitleColumn(
                "subject",
                label=gettext_lazy("Subject"),
                get_url=lambda email: reverse("incoming_emails:inspect", args=[email.pk]),
            ),
            Column("from_email", label=gettext_lazy("From")),
            Column("outcome", label=gettext_lazy("Outcome"), accessor="get_outcome_display"),
            Column("reason", label=gettext_lazy("Why")),
            DateColumn("received_at", label=gettext_lazy("Received")),
        ]


class EmailViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Email")
    menu_icon = "mail"
    menu_order = 160
    items = (IncomingEmailViewSet,)
    submenu_hook = EMAIL_MENU_HOOK
