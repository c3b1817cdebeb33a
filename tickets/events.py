"""What happened to a ticket (or to an agent application), announced once the change is committed.

The workflow calls one of these functions for each change it makes, and accounts.applications
for an application to join the support team and for its decision. Each registers a callback
that runs after the transaction commits (never for a change that was rolled back) and hands the
event to tickets.notifications, which decides who hears about it. A failure there is logged and
never reaches the person who made the change.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import partial

from django.db import transaction

TICKET_OPENED = "ticket_opened"
MESSAGE_POSTED = "message_posted"
STATUS_CHANGED = "status_changed"
PRIORITY_CHANGED = "priority_changed"
ASSIGNED = "assigned"
RESOLUTION_CONFIRMED = "resolution_confirmed"
RATED = "rated"
SLA_BREACHED = "sla_breached"
AGENT_APPLIED = "agent_applied"
APPLICATION_DECIDED = "application_decided"

_emails_muted = ContextVar("emails_muted", default=False)


@dataclass(frozen=True)
class Event:
    name: str
    ticket: object  # None for the events of agent applications
    actor: object
    application: object = None
    message: object = None
    previous: object = None  # the priority or assignee id before the change
    rating: int | None = None
    send_emails: bool = True


@contextmanager
def emails_muted():
    """Changes made in this block notify in-app only, never by email (demo data, imports)."""
    token = _emails_muted.set(True)
    try:
        yield
    finally:
        _emails_muted.reset(token)


def _emit(event):
    from . import notifications  # it reads this module's event names

    event = replace(event, send_emails=not _emails_muted.get())
    transaction.on_commit(partial(notifications.dispatch, event), robust=True)


def ticket_opened(ticket, *, by):
    _emit(Event(TICKET_OPENED, ticket, by))


def message_posted(message, *, by):
    _emit(Event(MESSAGE_POSTED, message.ticket, by, message=message))


def status_changed(ticket, *, by):
    _emit(Event(STATUS_CHANGED, ticket, by))


def priority_changed(ticket, *, by, previous):
    _emit(Event(PRIORITY_CHANGED, ticket, by, previous=previous))


def assigned(ticket, *, by, previous):
    _emit(Event(ASSIGNED, ticket, by, previous=previous))


def resolution_confirmed(ticket, *, by):
    _emit(Event(RESOLUTION_CONFIRMED, ticket, by))


def rated(feedback, *, by):
    _emit(Event(RATED, feedback.ticket, by, rating=feedback.rating))


def sla_breached(ticket, *, target):
    """A first-response or resolution target passed (target: "first_response"/"resolution")."""
    _emit(Event(SLA_BREACHED, ticket, None, previous=target))


def agent_applied(application):
    """A user applied to join the support team (accounts.applications.apply)."""
    _emit(Event(AGENT_APPLIED, None, application.user, application=application))


def application_decided(application, *, by):
    """A support admin approved or rejected an application (accounts.applications.decide)."""
    _emit(Event(APPLICATION_DECIDED, None, by, application=application))
