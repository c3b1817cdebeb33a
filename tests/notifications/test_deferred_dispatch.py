"""The request that changes a ticket queues one task per event; the worker notifies, telling of
the change as it was when committed. A queue that refuses the task costs nothing: the request
notifies itself."""

import json

import pytest
from django.tasks import task_backends

from notifications import deferred
from notifications.events import emails_muted
from notifications.models import EmailDelivery, Notification
from tests.factories import AgentFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """A task queue that keeps what it is given, as a real one does until its worker runs."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    yield backend
    backend.results.clear()


def run_worker(queue):
    """What the worker does: each queued notification task, in order."""
    results = [r for r in queue.results if r.task.func is deferred.dispatch_event.func]
    queue.results.clear()
    for result in results:
        result.task.call(*result.args, **result.kwargs)
    return results


def test_the_request_queues_one_task_per_event_and_notifies_nobody_itself(
    queue, customer, committed
):
    with committed():
        ticket = open_ticket(customer)
        workflow.post_message(ticket, author=AgentFactory(), body="We are on it.")

    assert not Notification.objects.exists()
    assert not EmailDelivery.objects.exists()
    names = [result.args[0] for result in run_worker(queue)]
    assert names == ["tickets.signals.ticket_opened", "tickets.signals.message_posted"]
    assert EmailDelivery.objects.filter(to=customer.email).count() == 2


def test_the_worker_tells_of_the_change_as_it_was_when_committed(queue, customer, committed):
    agent, colleague = AgentFactory(), AgentFactory()
    with committed():
        ticket = open_ticket(customer)
    run_worker(queue)
    with committed():
        workflow.change_priority(ticket, by=agent, priority=Priority.URGENT)
    with committed():
        workflow.change_priority(ticket, by=agent, priority=Priority.LOW)

    run_worker(queue)

    assert EmailDelivery.objects.filter(kind="ticket_urgent", to=colleague.email).count() == 1


def test_people_travel_by_their_key_alone(queue, customer, committed):
    with committed():
        open_ticket(customer)

    (opened,) = run_worker(queue)
    stored = json.dumps(opened.args)
    assert customer.password not in stored
    assert customer.email not in stored
    assert opened.args[1]["by"] == {"model": "accounts.user", "pk": customer.pk}


def test_emails_muted_when_the_change_was_are_muted_in_the_worker(queue, customer, committed):
    with emails_muted(), committed():
        open_ticket(customer)

    (opened,) = run_worker(queue)

    assert opened.args[2] is False
    assert not EmailDelivery.objects.exists()


def test_a_queue_that_refuses_the_task_leaves_the_request_to_notify(
    queue, customer, committed, monkeypatch, caplog
):
    enqueue = queue.enqueue

    def refuse_notifications(task, args, kwargs):
        if task.func is deferred.dispatch_event.func:
            raise ConnectionError("queue down")
        return enqueue(task, args, kwargs)

    monkeypatch.setattr(queue, "enqueue", refuse_notifications)
    with committed():
        open_ticket(customer)

    assert EmailDelivery.objects.filter(to=customer.email).exists()
    assert "sending them now" in caplog.text


def test_a_person_gone_by_the_time_the_worker_runs_is_skipped(queue, customer, committed, caplog):
    with committed():
        open_ticket(customer)
    (opened,) = run_worker(queue)
    EmailDelivery.objects.all().delete()
    arguments = {**opened.args[1], "by": {"model": "accounts.user", "pk": 10**9}}

    deferred.dispatch_event.call(opened.args[0], arguments, True)

    assert not EmailDelivery.objects.exists()
    assert "gone" in caplog.text
