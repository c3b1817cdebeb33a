"""The notifications' copies of a redacted passage (tickets.signals.text_redacted): the emails
sent about the ticket (their subject, text and HTML), the in-app notifications' texts, and the
notification tasks of the database queue, whose arguments carry the message as it was
(notifications.deferred): one still waiting then builds its emails from the redacted text, and
finished ones, kept two weeks, keep no copy."""

import json

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django_tasks_db.models import DBTaskResult

from tickets.passages import replace_in

from .deferred import dispatch_event
from .models import EmailDelivery, Notification


def forget_passage(sender, *, ticket, passage, marker, **kwargs):
    return {
        "emails": replace_in(
            EmailDelivery.objects.filter(ticket=ticket),
            passage,
            marker,
            fields=("subject", "body_text"),
            html_fields=("body_html",),
        ),
        "notifications": replace_in(
            Notification.objects.filter(ticket=ticket), passage, marker, fields=("text",)
        ),
        "queued_notifications": _forget_in_tasks(passage, marker),
    }


def _forget_in_tasks(passage, marker):
    """The passage replaced in the arguments of the notification tasks holding it, as the
    database stores JSON (escaped or not, by database)."""
    forms = {passage, json.dumps(passage)[1:-1], json.dumps(passage, ensure_ascii=False)[1:-1]}
    condition = Q(pk__in=[])
    for form in forms:
        condition |= Q(arguments__contains=form)
    rows = [
        row
        for row in DBTaskResult.objects.filter(task_path=dispatch_event.module_path)
        .annotate(arguments=Cast("args_kwargs", TextField()))
        .filter(condition)
        .only("id", "args_kwargs")
        if _holds(row.args_kwargs, passage)
    ]
    for row in rows:
        row.args_kwargs = _replaced(row.args_kwargs, passage, marker)
    DBTaskResult.objects.bulk_update(rows, ["args_kwargs"])
    return len(rows)


def _holds(value, passage):
    if isinstance(value, str):
        return passage in value
    if isinstance(value, dict):
        return any(_holds(item, passage) for item in value.values())
    if isinstance(value, list):
        return any(_holds(item, passage) for item in value)
    return False


def _replaced(value, passage, marker):
    if isinstance(value, str):
        return value.replace(passage, marker)
    if isinstance(value, dict):
        return {key: _replaced(item, passage, marker) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, passage, marker) for item in value]
    return value
