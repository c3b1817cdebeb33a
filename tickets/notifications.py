"""Who hears about what: per notification kind, the recipients, an in-app notification each and
one background email task per email.

Workflow events (tickets.events) arrive here once their transaction has committed, and so do
the events of agent applications (accounts.applications), which concern no ticket. `kinds_for`
turns an event into what people are told ("staff replied" rather than "a message was posted";
internal notes into nothing at all). Each kind has its recipients in DEFAULT_RECIPIENTS, which
settings.NOTIFICATION_RECIPIENTS may override. Nobody is told about their own action (but for
the customer's receipt of a new ticket), and nobody hears twice about one event.

To add a notification: a kind in kinds_for, its recipients in DEFAULT_RECIPIENTS, its texts in
SUBJECT_ACTIONS and IN_APP_TEXTS, and templates/tickets/emails/<kind>.html and .txt.
"""

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from accounts.models import AgentApplication, User

from . import delivery, emails, events
from .choices import Priority, Status
from .models import EmailDelivery, Notification

CUSTOMER, STAFF = "customer", "staff"

DEFAULT_RECIPIENTS = {
    "ticket_opened": ["customer", "team"],
    "ticket_urgent": ["team"],
    "staff_replied": ["customer"],
    "customer_replied": ["assignee_or_team"],
    "status_changed": ["customer"],
    "ticket_resolved": ["customer"],
    "ticket_assigned": ["assignee"],
    "resolution_confirmed": ["assignee"],
    "ticket_rated": ["assignee"],
    "sla_breached": ["support_admins"],
    "agent_applied": ["support_admins"],
    "agent_approved": ["applicant"],
    "agent_rejected": ["applicant"],
}

# The roles that only make sense for an event about a ticket.
TICKET_ROLES = {"customer", "assignee", "assignee_or_team"}

# (kind, role) pairs emailed even to whoever caused the event: the customer's receipt for a ticket.
ACKNOWLEDGEMENTS = {("ticket_opened", "customer")}

# The end of each email's subject: "[Site] Ticket #TKT… - <action>", by kind (and audience);
# "[Site] <action>" for the kinds that concern no ticket.
SUBJECT_ACTIONS = {
    ("ticket_opened", CUSTOMER): _("Received"),
    ("ticket_opened", STAFF): _("New ticket"),
    "ticket_urgent": _("Urgent"),
    "staff_replied": _("New reply"),
    "customer_replied": _("Customer replied"),
    "status_changed": _("Status changed to %(status)s"),
    "ticket_resolved": _("Resolved"),
    "ticket_assigned": _("Assigned to you"),
    "resolution_confirmed": _("Resolution confirmed"),
    "ticket_rated": _("Rated %(rating)s/5"),
    "sla_breached": _("SLA breached"),
    "agent_applied": _("New agent application from %(name)s"),
    "agent_approved": _("Welcome to the support team"),
    "agent_rejected": _("Your application to join the support team"),
}

IN_APP_TEXTS = {
    ("ticket_opened", CUSTOMER): _("We received your ticket %(number)s."),
    ("ticket_opened", STAFF): _("New ticket %(number)s from %(customer)s: %(subject)s"),
    "ticket_urgent": _("Urgent ticket %(number)s: %(subject)s"),
    "staff_replied": _("%(actor)s replied to your ticket %(number)s."),
    "customer_replied": _("%(actor)s replied on ticket %(number)s."),
    "status_changed": _("Ticket %(number)s is now %(status)s."),
    "ticket_resolved": _("Ticket %(number)s is resolved: tell us how we did."),
    "ticket_assigned": _("Ticket %(number)s was assigned to you."),
    "resolution_confirmed": _("%(actor)s confirmed ticket %(number)s is solved."),
    "ticket_rated": _("%(actor)s rated ticket %(number)s %(rating)s/5."),
    "sla_breached": _("Ticket %(number)s missed its SLA target: %(subject)s"),
    "agent_applied": _("%(name)s applied to join the support team."),
    "agent_approved": _("Welcome to the support team: your application was approved."),
    "agent_rejected": _("Your application to join the support team was not accepted: %(reason)s"),
}


def kinds_for(event):
    """What an event tells people, most pressing first (a recipient hears only the first)."""
    ticket = event.ticket
    if event.name == events.TICKET_OPENED:
        if ticket.priority == Priority.URGENT:
            return ["ticket_urgent", "ticket_opened"]
        return ["ticket_opened"]
    if event.name == events.MESSAGE_POSTED:
        if event.message.is_internal:
            return []
        return ["staff_replied"] if event.message.is_staff else ["customer_replied"]
    if event.name == events.STATUS_CHANGED:
        return ["ticket_resolved"] if ticket.status == Status.RESOLVED else ["status_changed"]
    if event.name == events.PRIORITY_CHANGED:
        became_urgent = ticket.priority == Priority.URGENT and event.previous != Priority.URGENT
        return ["ticket_urgent"] if became_urgent else []
    if event.name == events.ASSIGNED:
        newly_assigned = ticket.assignee_id and ticket.assignee_id != event.previous
        return ["ticket_assigned"] if newly_assigned else []
    if event.name == events.RESOLUTION_CONFIRMED:
        return ["resolution_confirmed"]
    if event.name == events.RATED:
        return ["ticket_rated"]
    if event.name == events.SLA_BREACHED:
        return ["sla_breached"]
    if event.name == events.AGENT_APPLIED:
        return ["agent_applied"]
    if event.name == events.APPLICATION_DECIDED:
        approved = event.application.status == AgentApplication.Status.APPROVED
        return ["agent_approved"] if approved else ["agent_rejected"]
    return []


@dataclass(frozen=True)
class Recipient:
    audience: str
    user: User | None = None
    address: str = ""
    email: bool = True
    in_app: bool = True

    @property
    def key(self):
        return f"user:{self.user.pk}" if self.user else f"address:{self.address.lower()}"


def _team():
    agents = list(User.objects.agents())
    if not settings.SUPPORT_TEAM_EMAIL:
        return [Recipient(STAFF, user=agent) for agent in agents]
    return [Recipient(STAFF, address=settings.SUPPORT_TEAM_EMAIL, in_app=False)] + [
        Recipient(STAFF, user=agent, email=False) for agent in agents
    ]


def recipients(role, event):
    ticket = event.ticket
    if ticket is None and role in TICKET_ROLES:
        return []
    if role == "applicant":
        return [Recipient(CUSTOMER, user=event.application.user)] if event.application else []
    if role == "customer":
        return [Recipient(CUSTOMER, user=ticket.customer)]
    if role == "assignee":
        return [Recipient(STAFF, user=ticket.assignee)] if ticket.assignee_id else []
    if role == "team":
        return _team()
    if role == "support_admins":
        admins = User.objects.support_admins()
        return [Recipient(STAFF, user=admin) for admin in admins]
    if role == "assignee_or_team":
        return recipients("assignee" if ticket.assignee_id else "team", event)
    raise ValueError(f"Unknown notification recipient {role!r}.")


def recipients_for(kind):
    return {**DEFAULT_RECIPIENTS, **settings.NOTIFICATION_RECIPIENTS}.get(kind, [])


def ticket_path(ticket, audience):
    """Where a recipient works on the ticket: staff in the admin, customers in the portal."""
    if audience == STAFF:
        admin_url = AdminURLFinder().get_edit_url(ticket)
        if admin_url:
            return admin_url
    return ticket.get_absolute_url()


def link_for(kind, audience, event):
    """The page a notification opens: the ticket's, or for an application the admin's page to
    decide it (support admins), the admin (a new agent) or the site (a rejected applicant)."""
    if event.ticket is not None:
        return ticket_path(event.ticket, audience)
    if kind == "agent_applied":
        return reverse("agent_applications:decide", args=[event.application.pk])
    if kind == "agent_approved":
        return reverse("wagtailadmin_home")
    return "/"


def _params(event):
    actor = event.actor.get_full_name() if event.actor else ""
    if event.ticket is None:
        application = event.application
        return {
            "actor": actor,
            "name": application.name or application.user.get_full_name(),
            "email": application.user.email,
            "reason": application.decision_reason,
        }
    ticket = event.ticket
    return {
        "number": ticket.number,
        "subject": ticket.subject,
        "customer": ticket.customer.get_full_name(),
        "actor": actor,
        "status": ticket.get_status_display(),
        "rating": event.rating,
    }


def _texts(kind, audience, event):
    params = _params(event)
    action = SUBJECT_ACTIONS.get((kind, audience)) or SUBJECT_ACTIONS[kind]
    text = IN_APP_TEXTS.get((kind, audience)) or IN_APP_TEXTS[kind]
    return str(action) % params, (str(text) % params)[:300]


def dispatch(event):
    """Notify everyone the event concerns: in-app rows and stored emails now, sending later."""
    notices, deliveries, urgent = [], [], set()
    actor = f"user:{event.actor.pk}" if event.actor else None
    seen = set()
    for kind in kinds_for(event):
        for role in recipients_for(kind):
            for recipient in recipients(role, event):
                if (
                    recipient.key in seen
                    or (recipient.key == actor and (kind, role) not in ACKNOWLEDGEMENTS)
                    or (recipient.user and not recipient.user.is_active)
                ):
                    continue
                seen.add(recipient.key)
                action, text = _texts(kind, recipient.audience, event)
                path = link_for(kind, recipient.audience, event)
                if recipient.in_app and recipient.key != actor:
                    notices.append(
                        Notification(
                            recipient=recipient.user,
                            ticket=event.ticket,
                            kind=kind,
                            text=text,
                            url=path,
                        )
                    )
                if recipient.email and event.send_emails:
                    email = emails.build(
                        kind=kind,
                        event=event,
                        audience=recipient.audience,
                        user=recipient.user,
                        address=recipient.address or recipient.user.email,
                        action=action,
                        path=path,
                    )
                    deliveries.append(email)
                    if kind == "ticket_urgent":
                        urgent.add(email.message_id)
    if not (notices or deliveries):
        return
    with transaction.atomic():
        Notification.objects.bulk_create(notices)
        EmailDelivery.objects.bulk_create(deliveries)
        transaction.on_commit(partial(_enqueue, deliveries, urgent))


def _enqueue(deliveries, urgent):
    for email in deliveries:
        delivery.enqueue(email, urgent=email.message_id in urgent)
