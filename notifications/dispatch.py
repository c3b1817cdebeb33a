"""Who hears about what: for each event, the kinds it tells (kinds.py), their recipients, an
in-app notification each and one stored email each, queued once the rows are committed.

Nobody is told about their own action (but for a kind's acknowledged roles: the customer's
receipt of a new ticket), nobody hears twice about one event, and a kind with emails_per_hour
emails one address no more often (beyond, in-app only).
"""

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from . import emails, tasks
from .kinds import kinds_for
from .models import EmailDelivery, Notification
from .recipients import recipients


def dispatch(event):
    """Notify everyone the event concerns: in-app rows and stored emails now, sending later."""
    notices, deliveries, urgent = [], [], set()
    actor = f"user:{event.actor.pk}" if event.actor else None
    seen = set()
    for kind in kinds_for(event):
        for role in kind.roles():
            for recipient in recipients(role, event):
                if (
                    recipient.key in seen
                    or (recipient.key == actor and role not in kind.acknowledged)
                    or (recipient.user and not recipient.user.is_active)
                ):
                    continue
                seen.add(recipient.key)
                action, text = kind.texts(recipient.audience, event)
                path = kind.link(event, recipient.audience)
                if recipient.in_app and recipient.key != actor:
                    notices.append(
                        Notification(
                            recipient=recipient.user,
                            ticket=event.ticket,
                            kind=kind.name,
                            text=text,
                            url=path,
                        )
                    )
                address = recipient.address or recipient.user.email
                if recipient.email and event.send_emails and _within_hourly_limit(kind, address):
                    email = emails.build(
                        kind=kind,
                        event=event,
                        audience=recipient.audience,
                        user=recipient.user,
                        address=address,
                        action=action,
                        path=path,
                        replies_as=recipient.replies_as,
                    )
                    deliveries.append(email)
                    if kind.urgent:
                        urgent.add(email.message_id)
    if not (notices or deliveries):
        return
    with transaction.atomic():
        Notification.objects.bulk_create(notices)
        EmailDelivery.objects.bulk_create(deliveries)
        transaction.on_commit(partial(_enqueue, deliveries, urgent))


def _within_hourly_limit(kind, address):
    """Whether the kind may email this address again (NotificationKind.emails_per_hour). Counted
    from the stored emails: messages arriving at the very same moment may pass it by one or two."""
    if kind.emails_per_hour is None:
        return True
    since = timezone.now() - timedelta(hours=1)
    sent = EmailDelivery.objects.filter(kind=kind.name, to__iexact=address, created_at__gte=since)
    return sent.count() < kind.emails_per_hour


def _enqueue(deliveries, urgent):
    for email in deliveries:
        tasks.enqueue(email, urgent=email.message_id in urgent)
