"""Outgoing email in the Wagtail admin (watch each email's state, send failures again) and each
staff member's notifications.

Registered in notifications/wagtail_hooks.py, the outgoing emails in the tickets app's "Email"
menu (tickets.email_admin.EMAIL_MENU_HOOK), beside intake's incoming ones. Emails are records:
nobody adds, edits or deletes them in the admin; the only action is sending one again.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.permissions import register_permission_policy

from supportsite.permission_policies import WorkflowOnlyPermissionPolicy
from tickets.email_admin import (
    EMAIL_MENU_HOOK,
    ActionInspectView,
    EmailRecordViewSet,
    preformatted,
)

from . import tasks
from .models import EmailDelivery
from .views import unread_count_for

register_permission_policy(
    EmailDelivery,
    WorkflowOnlyPermissionPolicy(EmailDelivery, forbidden=("add", "change", "delete")),
)


class OutgoingEmailInspectView(ActionInspectView):
    action_url_name = "outgoing_emails:resend"
    action_label = gettext_lazy("Send again")

    def action_allowed(self):
        return self.request.user.has_perm("notifications.resend_emaildelivery") and (
            self.object.status in (EmailDelivery.Status.FAILED, EmailDelivery.Status.SENT)
        )

    def get_last_error_display_value(self):
        return preformatted(self.object.last_error)


@require_POST
def resend_view(request, pk):
    if not request.user.has_perm("notifications.resend_emaildelivery"):
        raise PermissionDenied
    email = tasks.resend(get_object_or_404(EmailDelivery, pk=pk))
    messages.success(
        request,
        _("“%(subject)s” to %(to)s is %(status)s.")
        % {"subject": email.subject, "to": email.to, "status": email.get_status_display().lower()},
    )
    return redirect("outgoing_emails:inspect", pk)


def failed_count(user):
    return EmailDelivery.objects.filter(status=EmailDelivery.Status.FAILED).count()


class OutgoingEmailViewSet(EmailRecordViewSet):
    model = EmailDelivery
    name = "outgoing_emails"
    menu_label = gettext_lazy("Outgoing emails")
    menu_hook = EMAIL_MENU_HOOK
    menu_order = 1
    list_filter = ["status"]
    search_fields = ["to", "subject", "ticket__number"]
    action = ("resend", resend_view)
    attention_count = failed_count
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


class NotificationsMenuItem(MenuItem):
    """The menu's notifications, with the unread count the bell shows (one count per request)."""

    def render_component(self, request):
        component = super().render_component(request)
        number = unread_count_for(request)
        if number:
            component.label = f"{self.label} ({number})"
        return component


def notifications_menu_item():
    return NotificationsMenuItem(
        gettext_lazy("Notifications"),
        reverse("admin_notifications"),
        name="notifications",
        icon_name="comment",
        order=140,
    )
