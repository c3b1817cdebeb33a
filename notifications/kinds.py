"""The registry of notification kinds: for each, what triggers it, who hears, what they are told
(email subject, in-app text), which templates render its email and where it leads.

To add a notification, add a NotificationKind to KINDS (in order: a recipient told of several
kinds by one event hears only the first) and write templates/notifications/emails/<name>.html
and .txt. A new kind of change also needs its signal, defined and sent by the app that makes
the change (tickets.signals, accounts.signals): the app connects every signal named here.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.dispatch import Signal
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from accounts import signals as application_signals
from tickets import limits
from tickets import signals as ticket_signals
from tickets.choices import Priority, Status

# Who a recipient is to the event, which picks the text they read and where their link leads.
CUSTOMER, STAFF = "customer", "staff"
# Someone copied on the ticket: told what its customer is (in the customer's words, with the
# portal's link), never of internal notes, and never given what only the customer may do.
CC = "cc"

Text = Promise | Mapping[str, Promise]  # one text for all, or one per audience


def ticket_link(event, audience):
    """Where a recipient works on the ticket: staff in the admin, customers in the portal."""
    if audience == STAFF:
        admin_url = AdminURLFinder().get_edit_url(event.ticket)
        if admin_url:
            return admin_url
    return event.ticket.get_absolute_url()


def _always(event):
    return True


@dataclass(frozen=True)
class NotificationKind:
    """One kind of notification, whole."""

    name: str
    label: Promise  # as the admin lists it (the choices of the kind columns)
    signals: tuple[Signal, ...]  # the signals that may trigger it
    recipients: tuple[str, ...]  # roles (notifications.recipients); see NOTIFICATION_RECIPIENTS
    subject: Text  # the email subject's action, after "[Site] Ticket #… - " (then the ticket's)
    in_app: Text  # the in-app notification (at most 300 characters)
    when: Callable = _always  # which of those signals' events it concerns
    link: Callable = ticket_link  # (event, audience) -> the path the notification opens
    acknowledged: tuple[str, ...] = ()  # roles told even of their own action (a receipt)
    urgent: bool = False  # its emails go first in the queue
    emails_per_hour: int | None = None  # to one address; beyond, in-app only
    repeats_subject: bool = True  # its email's subject ends with the ticket's

    def concerns(self, event):
        return event.signal in self.signals and self.when(event)

    def roles(self):
        """Who hears, unless settings.NOTIFICATION_RECIPIENTS says otherwise for this kind."""
        return settings.NOTIFICATION_RECIPIENTS.get(self.name, self.recipients)

    def texts(self, audience, event):
        """The email subject's action and the in-app text, for this audience and event."""
        params = event.params()
        action = _for_audience(self.subject, audience) % params
        text = _for_audience(self.in_app, audience) % params
        return action, text[:300]

    @property
    def templates(self):
        """The email's text and HTML templates, by extension."""
        return {ext: f"notifications/emails/{self.name}.{ext}" for ext in ("txt", "html")}


def _for_audience(text, audience):
    if not isinstance(text, Mapping):
        return str(text)
    return str(text.get(audience) or text[CUSTOMER])


def _became_urgent(event):
    return event.ticket.priority == Priority.URGENT and event.previous != Priority.URGENT


def _public_reply(*, by_staff):
    return lambda event: not event.message.is_internal and event.message.is_staff == by_staff


def _public_reply_by_participant(event):
    return not event.message.is_internal and not event.message.is_staff


def _update_for_followers(event):
    """Followers hear of every message (notes too) and every change of status."""
    return event.message is not None or event.signal is ticket_signals.status_changed


def _to_unconfirmed_address(event):
    """The customer's address was never confirmed: an account email intake made for whoever
    wrote from it (or a sign-up not yet verified) that nobody has signed in to since (signing in
    with a code verifies it). Accounts with no address record (made by staff) count as known."""
    customer = event.ticket.customer
    addresses = EmailAddress.objects.filter(user=customer, email__iexact=customer.email)
    flags = list(addresses.values_list("verified", flat=True))
    return bool(flags) and not any(flags)


def _became(status):
    """Customers hear of their ticket's status only when it becomes solved (resolved, closed):
    the team's own moves between open, in progress and waiting are not their news, and what
    the customer must know then comes as a public reply."""
    return lambda event: event.ticket.status == status


def _approved(event):
    return event.application.status == event.application.Status.APPROVED


KINDS = (
    NotificationKind(
        name="ticket_urgent",
        label=_("Urgent ticket"),
        signals=(ticket_signals.ticket_opened, ticket_signals.priority_changed),
        when=_became_urgent,
        recipients=("team",),
        subject=_("Urgent"),
        in_app=_("Urgent ticket %(number)s: %(subject)s"),
        urgent=True,
    ),
    NotificationKind(
        # Anyone can write from any address: a stranger's address gets a receipt that repeats
        # nothing of the ticket, and only a few an hour, so the help desk relays no one's text.
        name="unconfirmed_receipt",
        label=_("Receipt to an unconfirmed address"),
        signals=(ticket_signals.ticket_opened,),
        when=_to_unconfirmed_address,
        recipients=("customer",),
        acknowledged=("customer",),
        subject=_("Received"),
        in_app=_("We received your ticket %(number)s."),
        repeats_subject=False,
        emails_per_hour=limits.UNCONFIRMED_RECEIPTS_PER_HOUR,
    ),
    NotificationKind(
        name="ticket_opened",
        label=_("Ticket opened"),
        signals=(ticket_signals.ticket_opened,),
        recipients=("customer", "team"),
        acknowledged=("customer",),
        subject={CUSTOMER: _("Received"), STAFF: _("New ticket")},
        in_app={
            CUSTOMER: _("We received your request “%(subject)s” (ticket %(number)s)."),
            STAFF: _("New ticket %(number)s from %(customer)s: %(subject)s"),
        },
    ),
    NotificationKind(
        name="staff_replied",
        label=_("Staff replied"),
        signals=(ticket_signals.message_posted,),
        when=_public_reply(by_staff=True),
        recipients=("customer", "ccs"),
        subject=_("New reply"),
        in_app=_("%(actor)s replied about “%(subject)s” (ticket %(number)s)."),
    ),
    NotificationKind(
        name="customer_replied",
        label=_("Customer replied"),
        signals=(ticket_signals.message_posted,),
        when=_public_reply(by_staff=False),
        recipients=("assignee_or_team",),
        subject=_("Customer replied"),
        in_app=_("%(actor)s replied on ticket %(number)s: %(subject)s"),
    ),
    NotificationKind(
        # The customer, the people copied and colleagues who see the ticket through their
        # organisation: the customer and the CCs hear each other's replies (never the writer).
        name="participant_replied",
        label=_("Customer or CC replied (to the others on the ticket)"),
        signals=(ticket_signals.message_posted,),
        when=_public_reply_by_participant,
        recipients=("customer", "ccs"),
        subject=_("New reply"),
        in_app=_("%(actor)s replied about “%(subject)s” (ticket %(number)s)."),
    ),
    NotificationKind(
        name="ticket_resolved",
        label=_("Ticket resolved"),
        signals=(ticket_signals.status_changed,),
        when=_became(Status.RESOLVED),
        recipients=("customer", "ccs"),
        subject=_("Solved"),
        in_app=_("“%(subject)s” (ticket %(number)s) is solved: tell us how we did."),
    ),
    NotificationKind(
        name="ticket_closed",
        label=_("Ticket closed"),
        signals=(ticket_signals.status_changed,),
        when=_became(Status.CLOSED),
        recipients=("customer", "ccs"),
        subject=_("Closed"),
        in_app=_("“%(subject)s” (ticket %(number)s) is closed."),
    ),
    NotificationKind(
        # Last of the ticket's kinds: a follower told of the event another way hears it once.
        name="followed_ticket_updated",
        label=_("Followed ticket updated"),
        signals=(ticket_signals.message_posted, ticket_signals.status_changed),
        when=_update_for_followers,
        recipients=("followers",),
        subject=_("Updated"),
        in_app=_("Ticket %(number)s you follow was updated: %(subject)s"),
    ),
    NotificationKind(
        name="ticket_assigned",
        label=_("Ticket assigned"),
        signals=(ticket_signals.assigned,),
        when=lambda event: (
            bool(event.ticket.assignee_id) and event.ticket.assignee_id != event.previous
        ),
        recipients=("assignee",),
        subject=_("Assigned to you"),
        in_app=_("Ticket %(number)s was assigned to you: %(subject)s"),
    ),
    NotificationKind(
        name="ticket_moved_to_team",
        label=_("Ticket moved to a team"),
        signals=(ticket_signals.team_changed,),
        when=lambda event: bool(event.ticket.team_id),
        recipients=("team",),
        subject=_("Moved to your team"),
        in_app=_("Ticket %(number)s was moved to your team: %(subject)s"),
    ),
    NotificationKind(
        name="resolution_confirmed",
        label=_("Resolution confirmed"),
        signals=(ticket_signals.resolution_confirmed,),
        recipients=("assignee",),
        subject=_("Resolution confirmed"),
        in_app=_("%(actor)s confirmed ticket %(number)s is solved: %(subject)s"),
    ),
    NotificationKind(
        name="ticket_rated",
        label=_("Ticket rated"),
        signals=(ticket_signals.rated,),
        recipients=("assignee",),
        subject=_("Rated %(rating)s/5"),
        in_app=_("%(actor)s rated ticket %(number)s %(rating)s/5: %(subject)s"),
    ),
    NotificationKind(
        name="tickets_merged",
        label=_("Tickets merged"),
        signals=(ticket_signals.merged,),
        recipients=("customer",),
        subject=_("Merged into %(into)s"),
        in_app=_("Your tickets %(merged)s were merged into %(into)s."),
    ),
    NotificationKind(
        name="sla_breached",
        label=_("SLA breached"),
        signals=(ticket_signals.sla_breached,),
        recipients=("support_admins",),
        subject=_("SLA breached"),
        in_app=_("Ticket %(number)s missed its SLA target: %(subject)s"),
    ),
    NotificationKind(
        name="agent_applied",
        label=_("Agent application"),
        signals=(application_signals.agent_applied,),
        recipients=("support_admins",),
        subject=_("New agent application from %(name)s"),
        in_app=_("%(name)s applied to join the support team."),
        link=lambda event, audience: reverse(
            "agent_applications:decide", args=[event.application.pk]
        ),
    ),
    NotificationKind(
        name="agent_approved",
        label=_("Application approved"),
        signals=(application_signals.application_decided,),
        when=_approved,
        recipients=("applicant",),
        subject=_("Welcome to the support team"),
        in_app=_("Welcome to the support team: your application was approved."),
        link=lambda event, audience: reverse("wagtailadmin_home"),
    ),
    NotificationKind(
        name="agent_rejected",
        label=_("Application rejected"),
        signals=(application_signals.application_decided,),
        when=lambda event: not _approved(event),
        recipients=("applicant",),
        subject=_("Your application to join the support team"),
        in_app=_("Your application to join the support team was not accepted: %(reason)s"),
        link=lambda event, audience: "/",
    ),
)

BY_NAME = {kind.name: kind for kind in KINDS}


def kinds_for(event):
    """What an event tells people, most pressing first."""
    return [kind for kind in KINDS if kind.concerns(event)]


def signals():
    """Every signal some kind listens to, once each (the app connects them at start-up)."""
    return list(dict.fromkeys(signal for kind in KINDS for signal in kind.signals))


def signals_by_name():
    """The signals of signals() by their dotted names: how a queued event names its signal."""
    listened = signals()
    return {
        f"{module.__name__}.{name}": value
        for module in (ticket_signals, application_signals)
        for name, value in vars(module).items()
        if isinstance(value, Signal) and value in listened
    }


# Emails an app builds itself, for no ticket event (privacy.export_requests: a customer's copy
# of their data is ready), by the name they are stored under: how the outgoing-email admin
# names them.
OWN_EMAILS = {"data_export_ready": _("Your data is ready to download")}


def choices():
    """The kind columns' choices (a callable, so a new kind needs no migration)."""
    return [(kind.name, kind.label) for kind in KINDS] + list(OWN_EMAILS.items())
