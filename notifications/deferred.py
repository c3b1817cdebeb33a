"""Notifying after the response: an event the apps announce is queued as one task, and the
worker builds its in-app notifications and emails (dispatch), so the request that made the change
does not render emails for everyone it concerns. Should the queue refuse the task, the request
notifies at once instead: an event is never lost."""

import json
import logging

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model
from django.tasks import task

from .dispatch import dispatch
from .events import Event
from .kinds import signals_by_name

logger = logging.getLogger(__name__)


def dispatch_later(signal, kwargs):
    event = Event.received(signal, **kwargs)
    name = next(name for name, known in signals_by_name().items() if known is signal)
    try:
        dispatch_event.enqueue(name, _packed_arguments(kwargs), event.send_emails)
    except Exception:
        logger.exception("Could not queue the notifications of %s; sending them now.", name)
        dispatch(event)


@task
def dispatch_event(signal_name, arguments, send_emails):
    """The notifications of one committed change: its objects as they were, its people as they
    are now."""
    try:
        kwargs = _unpacked(arguments)
    except (LookupError, ObjectDoesNotExist):
        logger.info("Nothing to notify for %s: what it announced is gone.", signal_name)
        return
    signal = signals_by_name()[signal_name]
    dispatch(Event.received(signal, send_emails=send_emails, **kwargs))


def _packed_arguments(kwargs):
    return {key: _packed(value) for key, value in kwargs.items()}


def _packed(value):
    """The signal's arguments as the queue stores them (JSON). An object travels as it was when
    its change committed, so the worker tells of that change, not of a later one; a person by
    their key alone (read afresh, and their password hash stays out of the queue)."""
    if isinstance(value, AbstractBaseUser):
        return {"model": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, Model):
        fields = value._meta.concrete_fields
        state = {field.attname: field.value_from_object(value) for field in fields}
        return {"model": value._meta.label_lower, "state": _json(state)}
    if isinstance(value, list | tuple):
        return [_packed(item) for item in value]
    return value


def _json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _unpacked(arguments):
    return {key: _object(value) for key, value in arguments.items()}


def _object(value):
    if isinstance(value, list):
        return tuple(_object(item) for item in value)
    if not isinstance(value, dict):
        return value
    model = apps.get_model(value["model"])
    if "state" not in value:
        return model._base_manager.get(pk=value["pk"])
    fields = model._meta.concrete_fields
    state = value["state"]
    return model.from_db(
        DEFAULT_DB_ALIAS,
        [field.attname for field in fields],
        [field.to_python(state[field.attname]) for field in fields],
    )
