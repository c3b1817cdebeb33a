"""The audit log's entries for what other apps announce (connected in PrivacyConfig.ready())."""

from .models import PrivacyAction


def record_redaction(ticket, by, subject_user_id, details, **kwargs):
    """tickets.signals.redacted: a passage or a file taken off a ticket."""
    PrivacyAction.objects.create(
        kind=PrivacyAction.Kind.REDACT,
        actor=by,
        subject_user_id=subject_user_id,
        ticket=ticket,
        details=details,
    )
