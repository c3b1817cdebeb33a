"""Connects the signals the notification kinds listen to (kinds.signals()) to dispatch: called
once, from NotificationsConfig.ready()."""

from .dispatch import dispatch
from .events import Event
from .kinds import signals


def notify(signal, sender, **kwargs):
    dispatch(Event.received(signal, **kwargs))


def connect():
    for signal in signals():
        signal.connect(notify, dispatch_uid="notifications.notify")
