"""Connects the signals the notification kinds listen to (kinds.signals()) to notify: called
once, from NotificationsConfig.ready(); and the redaction of the copies this app keeps."""

from tickets.signals import text_redacted

from . import redaction
from .deferred import dispatch_later
from .kinds import signals


def notify(signal, sender, **kwargs):
    dispatch_later(signal, kwargs)


def connect():
    for signal in signals():
        signal.connect(notify, dispatch_uid="notifications.notify")
    text_redacted.connect(redaction.forget_passage, dispatch_uid="notifications.redaction")
