"""Tags on a ticket."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from supportsite.signals import send_on_commit

from .. import signals
from ..models import Ticket
from ..permissions import require_staff
from .base import locked, save


@transaction.atomic
def tag(ticket, *, by, add=(), remove=(), tags=None, reason=""):
    """Staff put tags on a ticket and take others off: one history entry, nothing when nothing
    changes. A tag both added and removed is refused. `tags` instead names the whole set the
    ticket should carry (the ticket view's form, the API's PATCH)."""
    require_staff(by)
    add, remove = set(add), set(remove)
    conflict = tag_conflict(add, remove)
    if conflict:
        raise ValidationError({"tags": conflict})
    ticket = locked(ticket)
    current = set(ticket.tags.all())
    if tags is not None:
        add, remove = set(tags) - current, current - set(tags)
    added, removed = add - current, remove & current
    if not (added or removed):
        return ticket
    # One history entry for the whole change, written by save with who and why.
    ticket.skip_history_when_saving = True
    try:
        ticket.tags.add(*added)
        ticket.tags.remove(*removed)
    finally:
        del ticket.skip_history_when_saving
    save(ticket, by=by, reason=reason.strip() or _tags_reason(added, removed))
    send_on_commit(
        signals.tags_changed,
        Ticket,
        ticket=ticket,
        by=by,
        added=sorted(added, key=lambda t: t.name),
        removed=sorted(removed, key=lambda t: t.name),
    )
    return ticket


def tag_conflict(add, remove):
    """The message for tags both to add and to remove (forms say it next to their field)."""
    both = set(add) & set(remove)
    if both:
        return _("A tag cannot be both added and removed: %(tags)s") % {
            "tags": ", ".join(sorted(tag.name for tag in both))
        }
    return None


def _tags_reason(added, removed):
    parts = []
    if added:
        parts.append(_("Tagged %(tags)s") % {"tags": ", ".join(sorted(t.name for t in added))})
    if removed:
        parts.append(_("Untagged %(tags)s") % {"tags": ", ".join(sorted(t.name for t in removed))})
    return "; ".join(parts)
