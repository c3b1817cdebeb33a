"""What the notifications app hears: the signals of tickets.signals and accounts.signals, each
turned into one Event, and the switch that keeps a block of changes from sending email."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.dispatch import Signal

_emails_muted = ContextVar("emails_muted", default=False)


@contextmanager
def emails_muted():
    """Changes made in this block notify in-app only, never by email (demo data, imports).

    The signals are sent in the context of the change (supportsite.signals.send_on_commit), so
    this holds for them even when they arrive after the block, once its transaction commits.
    """
    token = _emails_muted.set(True)
    try:
        yield
    finally:
        _emails_muted.reset(token)


@dataclass(frozen=True)
class Event:
    signal: Signal
    ticket: object = None  # None for the signals of agent applications
    actor: object = None
    application: object = None
    message: object = None
    feedback: object = None
    previous: object = None  # the priority, assignee id or team id before the change
    target: str = ""  # the SLA target missed
    into: object = None  # the ticket duplicates were merged into
    merged: tuple = ()  # the recipient's tickets merged into it
    send_emails: bool = True

    @classmethod
    def received(cls, signal, *, by=None, send_emails=None, **kwargs):
        """The event a signal announced (its keyword arguments, as the sender sent them); it
        sends emails unless sent in an emails_muted() block (or told so, when it was)."""
        if send_emails is None:
            send_emails = not _emails_muted.get()
        return cls(signal, actor=by, send_emails=send_emails, **kwargs)

    @property
    def rating(self):
        return self.feedback.rating if self.feedback else None

    def params(self):
        """What the subjects and in-app texts of kinds.py may name, as %(name)s."""
        actor = self.actor.get_full_name() if self.actor else ""
        if self.ticket is None:
            application = self.application
            return {
                "actor": actor,
                "name": application.name or application.user.get_full_name(),
                "email": application.user.email,
                "reason": application.decision_reason,
            }
        return {
            "number": self.ticket.number,
            "subject": self.ticket.subject,
            "customer": self.ticket.customer.get_full_name(),
            "actor": actor,
            "status": self.ticket.get_status_display(),
            "rating": self.rating,
            "into": self.into.number if self.into else "",
            "merged": ", ".join(ticket.number for ticket in self.merged),
        }
