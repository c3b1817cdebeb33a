"""Sending stored emails (EmailDelivery), one attempt at a time, and the state each is in.

When the provider fails, the attempt is recorded and the email due again after the next delay
of settings.EMAIL_RETRY_DELAYS (the database queue has no retries of its own); after the last,
it is marked failed for an admin to resend. An outage delays mail: it never loses it, and never
holds up the change that caused it. Queueing the attempts is notifications.tasks' part.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from supportsite.team_time import team_time

from .models import EmailDelivery

logger = logging.getLogger(__name__)

Status = EmailDelivery.Status
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


def attempt(email_id):
    """Send one queued email once. Only one worker may claim it, so it is never sent twice.

    Returns the email after the attempt (still queued if it is to be tried again), or None
    when it was not this worker's to send."""
    claimed = EmailDelivery.objects.filter(pk=email_id, status=Status.QUEUED).update(
        status=Status.SENDING, updated_at=timezone.now()
    )
    if not claimed:
        return None
    email = EmailDelivery.objects.get(pk=email_id)
    email.attempts += 1
    try:
        as_message(email).send()
    except Exception as error:  # any provider failure: network, API error, refusal
        _failed(email, error)
        return email
    email.status = Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.last_error = ""  # it went: an earlier attempt's error no longer says anything
    email.save(
        update_fields=[
            "status",
            "attempts",
            "sent_at",
            "next_attempt_at",
            "last_error",
            "updated_at",
        ]
    )
    return email


def state_in_words(email):
    """Where an email stands, as the admin says it: queued, retrying (and when), sending,
    sent (when) or failed (after how many attempts); times in the team's time zone."""
    if email.status == Status.SENT:
        return _("Sent %(time)s") % {"time": team_time(email.sent_at)}
    if email.status == Status.FAILED:
        return ngettext(
            "Failed after %(count)d attempt", "Failed after %(count)d attempts", email.attempts
        ) % {"count": email.attempts}
    if email.status == Status.SENDING:
        return _("Sending")
    if email.attempts:
        return _("Retrying %(time)s (attempt %(next)d of %(total)d)") % {
            "time": team_time(email.next_attempt_at),
            "next": email.attempts + 1,
            "total": len(settings.EMAIL_RETRY_DELAYS) + 1,
        }
    return _("Queued")


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


def reset(email):
    """Give a failed (or sent) email a fresh round of attempts, due now (unless a worker is
    sending it this moment)."""
    EmailDelivery.objects.filter(pk=email.pk).exclude(status=Status.SENDING).update(
        status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), updated_at=timezone.now()
    )
    email.refresh_from_db()
    return email


def reclaim_stalled(now=None):
    """The emails the queue lost (queued long ago, or a worker died mid-send), each made due
    now: the caller queues them again."""
    now = now or timezone.now()
    stalled = EmailDelivery.objects.filter(
        Q(status=Status.QUEUED, next_attempt_at__lte=now - STALLED_AFTER)
        | Q(status=Status.SENDING, updated_at__lte=now - STALLED_AFTER)
    )
    reclaimed = []
    for email in stalled[:500]:
        updated = EmailDelivery.objects.filter(pk=email.pk, status=email.status).update(
            status=Status.QUEUED, next_attempt_at=now, updated_at=now
        )
        if updated:
            email.status, email.next_attempt_at = Status.QUEUED, now
            reclaimed.append(email)
    return reclaimed
