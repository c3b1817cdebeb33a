"""Connects the signals the notification kinds listen to (kinds.signals()) to notify: called
once, from NotificationsConfig.ready()."""

from .deferred import dispatch_later
from .kinds import signals


def notify(signal, sender, **kwargs):
    dispatch_later(signal, kwargs)


def connect():
    for signal in signals():
        signal.connect(notify, dispatch_uid="notifications.notify")
