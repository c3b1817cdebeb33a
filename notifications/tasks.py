"""The email queue (Django's tasks framework): one send_email task per attempt at a stored email,
and the periodic sweep for the ones the queue lost. notifications.delivery does the sending."""

import logging

from django.tasks import task
from django.utils import timezone

from . import delivery
from .models import EmailDelivery

logger = logging.getLogger(__name__)

URGENT_PRIORITY = 50


def enqueue(email, *, urgent=False):
    """Queue the email's next attempt; if the queue itself is down, the sweep will retry."""
    queued = send_email
    backend = queued.get_backend()
    if backend.supports_defer and email.next_attempt_at and email.next_attempt_at > timezone.now():
        queued = queued.using(run_after=email.next_attempt_at)
    if urgent and backend.supports_priority:
        queued = queued.using(priority=URGENT_PRIORITY)
    try:
        queued.enqueue(email.pk)
    except Exception:
        logger.exception("Could not queue email %s; the sweep will queue it again.", email.pk)


def resend(email):
    """An admin sends a failed (or sent) email again, with a fresh round of attempts."""
    email = delivery.reset(email)
    if email.status == EmailDelivery.Status.QUEUED:
        enqueue(email)
    return email


@task
def send_email(email_id):
    """One attempt at sending a stored email; after a failure, it queues the next one."""
    email = delivery.attempt(email_id)
    if email is not None and email.status == EmailDelivery.Status.QUEUED:
        enqueue(email)


@task
def requeue_stalled_emails():
    """Periodic (settings.PERIODIC_TASKS): queue again the emails the queue lost."""
    emails = delivery.reclaim_stalled()
    for email in emails:
        enqueue(email)
    return len(emails)
