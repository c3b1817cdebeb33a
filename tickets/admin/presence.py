"""Which agents have a ticket open right now, on Wagtail's editing sessions.

One `EditingSession` per agent and ticket, the ticket being the session's object (content type and
id), as Wagtail keeps them for pages and snippets. Opening the ticket and the view's poll
(views.updates_view, every TICKET_POLL_SECONDS: static/js/agent_ticket.js) stamp `last_seen_at`;
whoever was seen within SEEN_WITHIN is listed; sessions silent for an hour are deleted by a periodic
job (supportsite.tasks.prune_editing_sessions). Advisory only: a reply checks on its own whether
someone answered meanwhile (views.version_of).
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.models import EditingSession

SEEN_WITHIN = timedelta(seconds=60)


def sessions_on(ticket):
    return EditingSession.objects.filter(
        content_type=ContentType.objects.get_for_model(ticket), object_id=str(ticket.pk)
    )


def touch(ticket, user):
    """Record that user is looking at ticket; return the others looking at it (names)."""
    now = timezone.now()
    if not sessions_on(ticket).filter(user=user).update(last_seen_at=now):
        EditingSession.objects.create(content_object=ticket, user=user, last_seen_at=now)
    others = (
        sessions_on(ticket)
        .filter(last_seen_at__gte=now - SEEN_WITHIN)
        .exclude(user=user)
        .select_related("user")
    )
    return sorted({session.user.get_full_name() for session in others})
