"""The tickets and accounts apps announce each change with one signal of their own, sent only
once the change is committed; the notifications app hears them through NotificationsConfig."""

import pytest
from django.db import transaction

from accounts import applications
from accounts import signals as application_signals
from tests.factories import AgentFactory, SupportAdminFactory, open_ticket
from tickets import signals as ticket_signals
from tickets import workflow
from tickets.choices import Priority, Status

pytestmark = pytest.mark.django_db

ALL_SIGNALS = {
    name: signal
    for module in (ticket_signals, application_signals)
    for name, signal in vars(module).items()
    if isinstance(signal, type(ticket_signals.ticket_opened))
}


@pytest.fixture
def heard():
    """The signals sent, by name, with what they carried."""
    sent = []
    receivers = {}
    for name, signal in ALL_SIGNALS.items():
        receivers[name] = lambda signal, sender, name=name, **kwargs: sent.append((name, kwargs))
        signal.connect(receivers[name], weak=False)
    yield sent
    for name, signal in ALL_SIGNALS.items():
        signal.disconnect(receivers[name])


def _names(sent):
    return [name for name, _kwargs in sent]


def test_each_workflow_change_sends_its_signal_once_and_only_after_commit(
    heard, customer, django_capture_on_commit_callbacks
):
    agent = AgentFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        ticket = open_ticket(customer)
        workflow.post_message(ticket, author=agent, body="On it.")
        workflow.change_priority(ticket, by=agent, priority=Priority.URGENT, reason="Stuck.")
        workflow.assign(ticket, by=agent, assignee=agent)
        workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
        workflow.confirm_resolution(ticket, by=customer)
        workflow.rate(ticket, by=customer, rating=5)
        assert heard == []  # nothing before the commit

    for callback in callbacks:
        callback()

    assert _names(heard) == [
        "ticket_opened",
        "message_posted",
        "priority_changed",
        "assigned",
        "status_changed",
        "resolution_confirmed",
        "rated",
    ]
    assert all(kwargs["ticket"].pk == ticket.pk for _name, kwargs in heard)
    assert [kwargs["by"] for _name, kwargs in heard] == [customer] + [agent] * 4 + [customer] * 2
    by_name = dict(heard)
    assert by_name["message_posted"]["message"].body == "On it."
    assert by_name["priority_changed"]["previous"] == Priority.MEDIUM
    assert by_name["rated"]["feedback"].rating == 5


def test_a_change_rolled_back_sends_no_signal(heard, customer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            open_ticket(customer)
            raise RuntimeError("rolled back")

    assert heard == []


def test_an_application_and_its_decision_send_one_signal_each_after_commit(
    heard, customer, django_capture_on_commit_callbacks
):
    admin = SupportAdminFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        application = applications.apply(
            user=customer, name="Casey", phone="+1 630 555 0110", motivation="Keen."
        )
        applications.decide(application, by=admin, approve=True)
        assert heard == []

    for callback in callbacks:
        callback()

    assert heard == [
        ("agent_applied", {"application": application, "by": customer}),
        ("application_decided", {"application": application, "by": admin}),
    ]


def test_a_failing_receiver_never_reaches_the_person_who_made_the_change(
    customer, django_capture_on_commit_callbacks
):
    def broken(sender, **kwargs):
        raise RuntimeError("receiver down")

    ticket_signals.ticket_opened.connect(broken, weak=False)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            ticket = open_ticket(customer)
    finally:
        ticket_signals.ticket_opened.disconnect(broken)

    assert ticket.pk


def test_the_notifications_app_listens_to_every_signal_its_kinds_name():
    from notifications import kinds, receivers

    for signal in kinds.signals():
        assert receivers.notify in [entry[1]() for entry in signal.receivers]
