"""Rows of every kind the retention schedules act on, dated as a test needs."""

from datetime import timedelta
from itertools import count

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from notifications.models import EmailDelivery
from tests.factories import open_ticket
from tickets.choices import Status
from tickets.models import InboundEmail, Ticket

_numbers = count()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def ticket_with_file(*, status=Status.CLOSED, closed_days_ago=400, name="receipt.txt"):
    """A ticket with one file, closed (or not) that many days ago."""
    ticket = open_ticket(attachments=[SimpleUploadedFile(name, b"Order 1042, paid")])
    Ticket.objects.filter(pk=ticket.pk).update(status=status, closed_at=days_ago(closed_days_ago))
    ticket.refresh_from_db()
    return ticket


def file_of(ticket):
    return ticket.attachments.get()


def stored(attachment):
    return bool(attachment.file.name) and storages["attachments"].exists(attachment.file.name)


def inbound_email(*, days_old, outcome=InboundEmail.Outcome.NEW_TICKET, reviewed=False):
    email = InboundEmail.objects.create(
        message_id=f"<in-{next(_numbers)}@example.com>",
        channel="postmark",
        from_email="maria@example.com",
        subject="Order 1042",
        body_text="Where is my order?",
        outcome=outcome,
        reviewed_at=timezone.now() if reviewed else None,
    )
    InboundEmail.objects.filter(pk=email.pk).update(received_at=days_ago(days_old))
    return email


def outgoing_email(*, days_old, status=EmailDelivery.Status.SENT):
    email = EmailDelivery.objects.create(
        kind="ticket_opened",
        to="maria@example.com",
        subject="We got your message",
        body_text="Hello Maria",
        body_html="<p>Hello Maria</p>",
        message_id=f"<out-{next(_numbers)}@example.com>",
        status=status,
    )
    EmailDelivery.objects.filter(pk=email.pk).update(created_at=days_ago(days_old))
    return email
