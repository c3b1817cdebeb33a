"""Sending stored emails (EmailDelivery), one attempt per background task.

When the provider fails, the attempt is recorded and the email queued again after the next delay
of settings.EMAIL_RETRY_DELAYS (the database queue has no retries of its own); after the last,
it is marked failed for an admin to resend. An outage delays mail: it never loses it, and never
holds up the change that caused it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone

from .models import EmailDelivery

logger = logging.getLogger(__name__)

Status = EmailDelivery.Status
URGENT_PRIORITY = 50
# A queued email whose task has not run by then was lost by the queue: the sweep queues it again.
STALLED_AFTER = timedelta(minutes=15)


def as_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={
            "Message-ID": email.message_id,
            # RFC 3834: mark our mail as automatic, and ask Exchange for no out-of-office replies.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
        },
    )
    if email.references:  # emails about no ticket (agent applications) have no thread
        message.extra_headers["References"] = email.references
    message.attach_alternative(email.body_html, "text/html")
    return message


def enqueue(email, *, urgent=False):
    """Queue the email's next attempt; if the queue itself is down, the sweep will retry."""
    from .tasks import send_email  # tasks imports this module

    task = send_email
    backend = task.get_backend()
    if backend.supports_defer and email.next_attempt_at and email.next_attempt_at > timezone.now():
        task = task.using(run_after=email.next_attempt_at)
    if urgent and backend.supports_priority:
        task = task.using(priority=URGENT_PRIORITY)
    try:
        task.enqueue(email.pk)
    except Exception:
        logger.exception("Could not queue email %s; the sweep will queue it again.", email.pk)


def attempt(email_id):
    """Send one queued email once. Only one worker may claim it, so it is never sent twice."""
    claimed = EmailDelivery.objects.filter(pk=email_id, status=Status.QUEUED).update(
        status=Status.SENDING, updated_at=timezone.now()
    )
    if not claimed:
        return
    email = EmailDelivery.objects.get(pk=email_id)
    email.attempts += 1
    try:
        as_message(email).send()
    except Exception as error:  # any provider failure: network, API error, refusal
        _failed(email, error)
        return
    email.status = Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.save(update_fields=["status", "attempts", "sent_at", "next_attempt_at", "updated_at"])


def _failed(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    delays = settings.EMAIL_RETRY_DELAYS
    if email.attempts <= len(delays):
        email.status = Status.QUEUED
        email.next_attempt_at = timezone.now() + timedelta(seconds=delays[email.attempts - 1])
    else:
        email.status = Status.FAILED
        email.next_attempt_at = None
        logger.error("Gave up on email %s after %s attempts: %s", email.pk, email.attempts, error)
    email.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "updated_at"])
    if email.status == Status.QUEUED:
        enqueue(email)


def resend(email):
    """An admin sends a failed (or sent) email again, with a fresh round of attempts."""
    EmailDelivery.objects.filter(pk=email.pk).exclude(status=Status.SENDING).update(
        status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), updated_at=timezone.now()
    )
    email.refresh_from_db()
    if email.status == Status.QUEUED:
        enqueue(email)
    return email


def requeue_stalled(now=None):
    """Queue again the emails the queue lost (queued long ago, or a worker died mid-send)."""
    now = now or timezone.now()
    stalled = EmailDelivery.objects.filter(
        Q(status=Status.QUEUED, next_attempt_at__lte=now - STALLED_AFTER)
        | Q(status=Status.SENDING, updated_at__lte=now - STALLED_AFTER)
    )
    requeued = 0
    for email in stalled[:500]:
        updated = EmailDelivery.objects.filter(pk=email.pk, status=email.status).update(
            status=Status.QUEUED, next_attempt_at=now, updated_at=now
        )
        if updated:
            email.next_attempt_at = now
            enqueue(email)
            requeued += 1
    return requeued
