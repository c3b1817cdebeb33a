"""The retention job: bounded, resumable runs; empty settings mean never; its audit log, its
schedule and its command."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from notifications.models import EmailDelivery
from privacy import retention
from privacy.models import PrivacyAction, RetentionSettings
from tickets.models import Attachment, InboundEmail

from .retention_helpers import file_of, inbound_email, outgoing_email, stored, ticket_with_file

pytestmark = pytest.mark.django_db


def configure(**days):
    schedules = RetentionSettings.load()
    for field, value in days.items():
        setattr(schedules, field, value)
    schedules.save()


def test_one_run_does_at_most_its_batches_and_the_next_run_carries_on(committed):
    files = [file_of(ticket_with_file()) for _ in range(3)]
    emails = [inbound_email(days_old=100) for _ in range(3)]

    with committed():
        first = retention.apply_retention(batch_size=2, max_batches=1)
    assert first == {"closed_ticket_attachments": 2, "inbound_emails": 2}
    assert Attachment.objects.filter(removed_at__isnull=True).count() == 1
    assert InboundEmail.objects.count() == 1
    entry = PrivacyAction.objects.get()
    assert entry.details["unfinished"] == ["closed_ticket_attachments", "inbound_emails"]

    with committed():
        second = retention.apply_retention(batch_size=2, max_batches=1)
    assert second == {"closed_ticket_attachments": 1, "inbound_emails": 1}
    assert not Attachment.objects.filter(removed_at__isnull=True).exists()
    assert not InboundEmail.objects.filter(pk__in=[email.pk for email in emails]).exists()
    for attachment in files:
        attachment.refresh_from_db()
        assert not attachment.file.name
    assert PrivacyAction.objects.first().details["unfinished"] == []


def test_a_run_goes_batch_after_batch_until_nothing_is_due(committed):
    for _ in range(5):
        inbound_email(days_old=100)

    with committed():
        assert retention.apply_retention(batch_size=2) == {"inbound_emails": 5}


def test_a_spent_time_budget_leaves_everything_for_the_next_run(committed):
    inbound_email(days_old=100)

    with committed():
        assert retention.apply_retention(time_budget=0) == {}
    assert InboundEmail.objects.count() == 1
    assert not PrivacyAction.objects.exists()


def test_an_empty_setting_means_never(committed):
    configure(
        closed_ticket_attachments_days=None, inbound_email_days=None, outgoing_email_days=None
    )
    attachment = file_of(ticket_with_file(closed_days_ago=5000))
    inbound_email(days_old=5000)
    email = outgoing_email(days_old=5000)

    with committed():
        assert retention.apply_retention() == {}

    attachment.refresh_from_db()
    assert stored(attachment)
    assert InboundEmail.objects.count() == 1
    email.refresh_from_db()
    assert email.has_text
    assert not PrivacyAction.objects.exists()


def test_a_changed_setting_takes_effect_on_the_next_run(committed):
    attachment = file_of(ticket_with_file(closed_days_ago=40))
    email = outgoing_email(days_old=10)

    with committed():
        assert retention.apply_retention() == {}
    configure(closed_ticket_attachments_days=30, outgoing_email_days=7)
    with committed():
        assert retention.apply_retention() == {
            "closed_ticket_attachments": 1,
            "outgoing_emails": 1,
        }
    attachment.refresh_from_db()
    email.refresh_from_db()
    assert attachment.removed_at is not None
    assert not email.has_text


def test_a_run_that_did_something_is_logged_with_its_counts_and_no_personal_data(committed):
    ticket_with_file()
    outgoing_email(days_old=100)

    with committed():
        retention.apply_retention()

    entry = PrivacyAction.objects.get()
    assert entry.kind == PrivacyAction.Kind.RETENTION
    assert entry.actor is None
    assert entry.details == {
        "counts": {"closed_ticket_attachments": 1, "outgoing_emails": 1},
        "unfinished": [],
    }


def test_the_scheduler_runs_the_job_every_hour(committed):
    job = settings.PERIODIC_TASKS["apply-retention"]
    assert job == {"task": "privacy.retention.apply_retention_task", "every": 3600}
    inbound_email(days_old=100)

    with committed():
        result = retention.apply_retention_task.enqueue()

    assert result.return_value == {"inbound_emails": 1}


def test_the_command_dry_run_lists_what_is_due_and_changes_nothing():
    inbound_email(days_old=100)
    configure(closed_ticket_attachments_days=None)
    out = StringIO()

    call_command("apply_retention", "--dry-run", stdout=out)

    text = out.getvalue()
    assert "Incoming emails deleted (before " in text
    assert "): 1 due" in text
    assert "Closed tickets' files removed: never (no schedule set)" in text
    assert InboundEmail.objects.count() == 1
    assert not PrivacyAction.objects.exists()


def test_the_command_applies_the_schedules_and_says_what_it_did(committed):
    inbound_email(days_old=100)
    outgoing_email(days_old=100, status=EmailDelivery.Status.QUEUED)
    out = StringIO()

    with committed():
        call_command("apply_retention", stdout=out)

    assert "Incoming emails deleted" in out.getvalue()
    assert "1 done, 0 still due" in out.getvalue()
    assert InboundEmail.objects.count() == 0
    assert PrivacyAction.objects.count() == 1


def test_one_more_rule_is_one_more_row_of_the_table(committed, monkeypatch, client, support_admin):
    calls = []

    def anonymise(cutoff, *, limit):
        calls.append((cutoff, limit))
        return 0 if len(calls) > 1 else 3

    rule = retention.Rule(
        "anonymised_tickets", "closed_ticket_anonymise_days", "Tickets anonymised", anonymise
    )
    monkeypatch.setattr(retention, "RULES", [*retention.RULES, rule])

    with committed():
        assert retention.apply_retention(batch_size=500) == {}
    assert calls == []  # never, by default
    configure(closed_ticket_anonymise_days=30)
    with committed():
        assert retention.apply_retention(batch_size=3) == {"anonymised_tickets": 3}
    assert [limit for _cutoff, limit in calls] == [3, 3]
    client.force_login(support_admin)
    assert "Tickets anonymised" in client.get(reverse("privacy_reports:retention")).content.decode()


def test_closed_tickets_are_anonymised_on_their_schedule_and_only_then(committed):
    old = ticket_with_file(closed_days_ago=400)
    recent = ticket_with_file(closed_days_ago=10)
    with committed():
        assert "anonymised_tickets" not in retention.apply_retention()  # off by default

    configure(closed_ticket_anonymise_days=365)
    with committed():
        done = retention.apply_retention()

    assert done["anonymised_tickets"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised_at is not None
    assert recent.anonymised_at is None
