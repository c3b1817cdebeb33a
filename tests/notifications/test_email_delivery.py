"""Emails go out through the task queue after commit, retried with backoff while the provider is
down; a provider (or queue) outage never loses an email nor holds up a ticket."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from notifications import delivery, tasks
from notifications.models import EmailDelivery
from tests.factories import CustomerFactory, open_ticket
from tickets.models import Ticket

from .flaky_mail import FlakyEmailBackend

Status = EmailDelivery.Status
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def provider_down_for(settings):
    """The mail provider fails its first N sends."""
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.flaky_mail.FlakyEmailBackend"}}
    settings.SUPPORT_TEAM_EMAIL = ""  # no agents either: only the customer's receipt is sent
    return FlakyEmailBackend.reset


@pytest.mark.django_db
def test_email_is_delivered_on_a_retry_when_the_provider_fails_three_times(
    provider_down_for, django_capture_on_commit_callbacks
):
    provider_down_for(3)
    customer = CustomerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(customer)
        assert FlakyEmailBackend.calls == 0  # nothing is sent before the ticket is committed

    email = EmailDelivery.objects.get(ticket=ticket)
    assert email.status == Status.SENT
    assert email.attempts == 4
    assert email.last_error == ""  # cleared once sent: the failures before say nothing now
    assert [message.to for message in mail.outbox] == [[customer.email]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_the_database_queue_the_ticket_is_created_at_once_and_the_email_follows_with_backoff(
    settings, provider_down_for
):
    settings.TASKS = DATABASE_QUEUE
    provider_down_for(3)
    customer = CustomerFactory()
    start = timezone.now()

    ticket = open_ticket(customer)

    assert Ticket.objects.filter(pk=ticket.pk).exists()
    # The worker builds the email (notifications.deferred), then makes its first attempt.
    assert not EmailDelivery.objects.exists()
    assert DBTaskResult.objects.filter(task_path="notifications.deferred.dispatch_event").exists()

    waited = timedelta()
    for attempt, delay in enumerate(settings.EMAIL_RETRY_DELAYS[:3], start=1):
        with freeze_time(start + waited):
            call_command("run_worker", burst=True)
        email = EmailDelivery.objects.get(ticket=ticket)
        assert (email.status, email.attempts) == (Status.QUEUED, attempt)
        assert email.next_attempt_at >= start + waited + timedelta(seconds=delay)
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.run_after == email.next_attempt_at
        with freeze_time(start + waited + timedelta(seconds=delay - 5)):
            call_command("run_worker", burst=True)  # not due yet: nothing happens
        email.refresh_from_db()
        assert email.attempts == attempt
        waited += timedelta(seconds=delay + 1)

    with freeze_time(start + waited):
        call_command("run_worker", burst=True)

    email.refresh_from_db()
    assert (email.status, email.attempts, FlakyEmailBackend.calls) == (Status.SENT, 4, 4)
    assert [message.to for message in mail.outbox] == [[customer.email]]


@pytest.mark.django_db
def test_after_the_last_retry_the_email_is_marked_failed(
    settings, provider_down_for, django_capture_on_commit_callbacks
):
    provider_down_for(100)

    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(CustomerFactory())

    email = EmailDelivery.objects.get(ticket=ticket)
    assert email.status == Status.FAILED
    assert email.attempts == len(settings.EMAIL_RETRY_DELAYS) + 1
    assert email.next_attempt_at is None
    assert mail.outbox == []

    FlakyEmailBackend.reset(0)
    tasks.resend(email)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_queue_outage_leaves_the_email_for_the_periodic_sweep(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.SUPPORT_TEAM_EMAIL = ""

    class QueueDown:
        """send_email as seen while the queue cannot be reached."""

        def get_backend(self):
            return backend

        def enqueue(self, *args, **kwargs):
            raise ConnectionError("Redis is down")

    backend = tasks.send_email.get_backend()
    with monkeypatch.context() as patch:
        patch.setattr(tasks, "send_email", QueueDown())
        with django_capture_on_commit_callbacks(execute=True):
            ticket = open_ticket(CustomerFactory())

    email = EmailDelivery.objects.get(ticket=ticket)
    assert email.status == Status.QUEUED
    assert mail.outbox == []

    assert tasks.requeue_stalled_emails.call() == 0  # too soon to call it lost
    with freeze_time(timezone.now() + delivery.STALLED_AFTER + timedelta(seconds=1)):
        assert tasks.requeue_stalled_emails.call() == 1

    email.refresh_from_db()
    assert email.status == Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_email_is_sent_once_even_if_its_task_runs_twice(
    settings, django_capture_on_commit_callbacks
):
    settings.SUPPORT_TEAM_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(CustomerFactory())
    email = EmailDelivery.objects.get(ticket=ticket)

    tasks.send_email.enqueue(email.pk)

    assert len(mail.outbox) == 1


def test_the_sweep_is_a_periodic_job(settings):
    assert settings.PERIODIC_TASKS["requeue-stalled-emails"]["task"] == (
        "notifications.tasks.requeue_stalled_emails"
    )


@pytest.mark.django_db
def test_in_development_the_worker_prints_each_email_to_the_console(
    settings, capsys, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    settings.SUPPORT_TEAM_EMAIL = ""
    customer = CustomerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(customer)

    printed = capsys.readouterr().out
    # A long subject is folded onto the next line; its start names the ticket.
    assert f"[Help Center] Ticket #{ticket.number} - Received" in printed
    assert f"To: {customer.email}" in printed
    assert EmailDelivery.objects.get(ticket=ticket).status == Status.SENT
