"""Announcing a change once it is committed: the apps send their signals through this, so a
receiver never hears of a change that was rolled back, nor holds up or breaks the one that was
made."""

import contextvars
from functools import partial

from django.db import transaction


def send_on_commit(signal, sender, **kwargs):
    """Send `signal` after the current transaction commits (at once outside one).

    The receivers run in the context of the change (notifications.events.emails_muted holds for
    them), and each one's failure is logged (Signal.send_robust), never reaching the person who
    made the change.
    """
    context = contextvars.copy_context()
    transaction.on_commit(partial(context.run, signal.send_robust, sender, **kwargs))
