"""Email and notifications in the Wagtail admin: outgoing emails (watch them, resend failures),
incoming emails (review what intake held back), and each staff member's notifications.

Registered in tickets/wagtail_hooks.py. Both email models are records: nobody adds, edits or
deletes them in the admin; the only actions are resending and marking as reviewed.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from supportsite.permission_policies import WorkflowOnlyPermissionPolicy

from . import delivery
from .models import EmailDelivery, InboundEmail
from .notification_views import unread_count

for _model in (EmailDelivery, InboundEmail):
    register_permission_policy(
        _model, WorkflowOnlyPermissionPolicy(_model, forbidden=("add", "change", "delete"))
    )


def counted(menu_item_class, count):
    """A menu item class whose label ends with a per-user count, when there is one."""

    class CountedMenuItem(menu_item_class):
        def render_component(self, request):
            component = super().render_component(request)
            number = count(request.user)
            if number:
                component.label = f"{self.label} ({number})"
            return component

    return CountedMenuItem


def _preformatted(text):
    return format_html('<pre style="white-space: pre-wrap; margin: 0">{}</pre>', text or "—")


class ActionInspectView(InspectView):
    """The inspect page with one action button under the record (resend, mark as reviewed)."""

    template_name = "tickets/email_admin/inspect.html"
    action_url_name = None
    action_label = ""

    def action_allowed(self):
        raise NotImplementedError

    def get_body_text_display_value(self):
        return _preformatted(self.object.body_text)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.action_allowed():
            context["action_url"] = reverse(self.action_url_name, args=[self.object.pk])
            context["action_label"] = self.action_label
        return context


class OutgoingEmailInspectView(ActionInspectView):
    action_url_name = "outgoing_emails:resend"
    action_label = gettext_lazy("Send again")

    def action_allowed(self):
        return self.request.user.has_perm("tickets.resend_emaildelivery") and (
            self.object.status in (EmailDelivery.Status.FAILED, EmailDelivery.Status.SENT)
        )

    def get_last_error_display_value(self):
        return _preformatted(self.object.last_error)


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
def resend_view(request, pk):
    if not request.user.has_perm("tickets.resend_emaildelivery"):
        raise PermissionDenied
    email = delivery.resend(get_object_or_404(EmailDelivery, pk=pk))
    messages.success(
        request,
        _("“%(subject)s” to %(to)s is %(status)s.")
        % {"subject": email.subject, "to": email.to, "status": email.get_status_display().lower()},
    )
    return redirect("outgoing_emails:inspect", pk)


@require_POST
def review_view(request, pk):
    if not request.user.has_perm("tickets.change_inboundemail"):
        raise PermissionDenied
    InboundEmail.objects.filter(pk=pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=request.user
    )
    messages.success(request, _("Marked as reviewed."))
    return redirect("incoming_emails:index")


def failed_count(user):
    return EmailDelivery.objects.filter(status=EmailDelivery.Status.FAILED).count()


def held_count(user):
    return InboundEmail.objects.filter(
        outcome=InboundEmail.Outcome.HELD, reviewed_at__isnull=True
    ).count()


class OutgoingEmailViewSet(ModelViewSet):
    model = EmailDelivery
    name = "outgoing_emails"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing emails")
    list_filter = ["status"]
    search_fields = ["to", "subject", "ticket__number"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = OutgoingEmailInspectView
    inspect_view_fields = [
        "subject",
        "to",
        "kind",
        "ticket",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
        "reply_to",
        "message_id",
        "body_text",
    ]
    copy_view_enabled = False

    @property
    def list_display(self):
        return [
            TitleColumn(
                "subject",
                label=gettext_lazy("Subject"),
                get_url=lambda email: reverse("outgoing_emails:inspect", args=[email.pk]),
            ),
            Column("to", label=gettext_lazy("To")),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            Column("attempts", label=gettext_lazy("Attempts")),
            DateColumn("created_at", label=gettext_lazy("Queued")),
        ]

    @cached_property
    def menu_item_class(self):
        return counted(super().menu_item_class, failed_count)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/resend/", resend_view, name="resend"),
        ]


class IncomingEmailViewSet(ModelViewSet):
    model = InboundEmail
    name = "incoming_emails"
    icon = "mail"
    menu_label = gettext_lazy("Incoming emails")
    list_filter = ["outcome"]
    search_fields = ["from_email", "subject", "ticket__number"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True
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
    copy_view_enabled = False

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

    @cached_property
    def menu_item_class(self):
        return counted(super().menu_item_class, held_count)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/review/", review_view, name="review"),
        ]


class EmailViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Email")
    menu_icon = "mail"
    menu_order = 160
    items = (OutgoingEmailViewSet, IncomingEmailViewSet)


NotificationsMenuItem = counted(MenuItem, unread_count)


def notifications_menu_item():
    return NotificationsMenuItem(
        gettext_lazy("Notifications"),
        reverse("ticket_notifications"),
        name="notifications",
        icon_name="comment",
        order=140,
    )
