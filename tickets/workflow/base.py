"""Helpers the workflow's functions share: saving with who and why, locking, files, rates."""

from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

from tickets import limits

from ..models import Attachment, Ticket


def save(ticket, *, by, reason):
    ticket._history_user = by
    # The history's column holds this much; forms and the API say so, this makes sure.
    ticket._change_reason = str(reason)[: limits.REASON_MAX_LENGTH]
    ticket.save()


def locked(ticket):
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def store_attachments(checked, *, ticket, message, by):
    for upload, content_type in checked:
        Attachment.objects.create(
            ticket=ticket,
            message=message,
            file=upload,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )


def check_rate(person, *, group, per_hour, message):
    """Count one more `group` action by `person`; past `per_hour` in the hour, refuse it."""
    usage = get_usage(
        request=None,
        group=group,
        key=lambda group, request: str(person.pk),
        rate=f"{per_hour}/h",
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        error = Ratelimited(message)
        # Seconds until the hour's window ends, for a Retry-After header (the API's 429).
        error.retry_after = usage["time_left"] if usage["time_left"] > 0 else None
        raise error
