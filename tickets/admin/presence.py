"""Which agents have a ticket open right now: advisory, kept in the cache for a minute."""

import time

from django.core.cache import cache

TTL = 60


def _key(ticket):
    return f"ticket-viewers:{ticket.pk}"


def touch(ticket, user):
    """Record that user is looking at ticket; return the others looking at it (names)."""
    now = time.time()
    viewers = {
        user_id: entry
        for user_id, entry in (cache.get(_key(ticket)) or {}).items()
        if now - entry["seen"] < TTL
    }
    viewers[user.pk] = {"name": user.get_full_name(), "seen": now}
    cache.set(_key(ticket), viewers, TTL)
    return sorted(entry["name"] for user_id, entry in viewers.items() if user_id != user.pk)
