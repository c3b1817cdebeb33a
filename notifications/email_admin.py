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
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permissions import register_permission_policy

from supportsite.admin_chrome import count_slot
from supportsite.dashboard import WarningPanel
from supportsite.permission_policies import WorkflowOnlyPermissionPolicy
from supportsite.team_time import team_time
from tickets.email_admin import (
    EMAIL_MENU_HOOK,
    ActionInspectView,
    EmailRecordViewSet,
    preformatted,
)

from . import tasks
from .delivery import state_in_words
from .models import EmailDelivery
from .views import unread_count

register_permission_policy(
    EmailDelivery,
    WorkflowOnlyPermissionPolicy(EmailDelivery, forbidden=("add", "change", "delete")),
)


class OutgoingEmailInspectView(ActionInspectView):
    action_url_name = "outgoing_emails:resend"
    action_label = gettext_lazy("Send again")

    def action_allowed(self):
        return (
            self.request.user.has_perm("notifications.resend_emaildelivery")
            and self.object.status in (EmailDelivery.Status.FAILED, EmailDelivery.Status.SENT)
            and self.object.has_text
        )

    def get_field_label(self, field_name, field):
        if field_name == "state":
            return _("State")
        return super().get_field_label(field_name, field)

    def get_state_display_value(self):
        return state_in_words(self.object)

    def get_ticket_display_value(self):
        return self.object.ticket.number if self.object.ticket_id else "—"

    def get_last_error_display_value(self):
        return preformatted(self.object.last_error)

    def get_reply_to_display_value(self):
        return self.object.reply_to or "—"

    def get_created_at_display_value(self):
        return team_time(self.object.created_at)

    def get_sent_at_display_value(self):
        return team_time(self.object.sent_at)


@require_POST
def resend_view(request, pk):
    if not request.user.has_perm("notifications.resend_emaildelivery"):
        raise PermissionDenied
    email = get_object_or_404(EmailDelivery, pk=pk)
    if not email.has_text:
        messages.error(request, _("This email's text was removed under the retention policy."))
        return redirect("outgoing_emails:inspect", pk)
    email = tasks.resend(email)
    messages.success(
        request,
        _("“%(subject)s” to %(to)s is %(status)s.")
        % {"subject": email.subject, "to": email.to, "status": email.get_status_display().lower()},
    )
    return redirect("outgoing_emails:inspect", pk)


def failed_count(user):
    return EmailDelivery.objects.filter(status=EmailDelivery.Status.FAILED).count()


def _created_at(email):
    return team_time(email.created_at)


def failing_emails_warning(user):
    """Who can watch outgoing email hears on the dashboard of emails that gave up."""
    if not user.has_perm("notifications.view_emaildelivery"):
        return []
    failed = failed_count(user)
    if not failed:
        return []
    message = ngettext(
        "%(count)d email could not be sent.", "%(count)d emails could not be sent.", failed
    ) % {"count": failed}
    return [
        WarningPanel(
            name="support_failing_emails",
            message=message,
            url=f"{reverse('outgoing_emails:index')}?status={EmailDelivery.Status.FAILED}",
            link_text=_("See them and send them again"),
        )
    ]


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
        "state",
        "attempts",
        "last_error",
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
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
            Column("state", label=gettext_lazy("State"), accessor=state_in_words),
            Column("created_at", label=gettext_lazy("Queued"), accessor=_created_at),
        ]


class NotificationsMenuItem(MenuItem):
    """The menu's notifications, with the unread count the bell shows (one count per request)."""

    def render_component(self, request):
        component = super().render_component(request)
        component.label = f"{self.label}{count_slot(unread_count)}"
        return component


def notifications_menu_item():
    return NotificationsMenuItem(
        gettext_lazy("Notifications"),
        reverse("admin_notifications"),
        name="notifications",
        icon_name="comment",
        order=140,
    )
