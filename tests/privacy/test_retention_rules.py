"""Each retention schedule removes what is due and nothing else."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time
from rest_framework.test import APIClient

from notifications.models import EmailDelivery
from privacy.models import RetentionSettings
from privacy.retention import apply_retention
from tickets.choices import Status
from tickets.models import Attachment, InboundEmail

from .retention_helpers import (
    days_ago,
    file_of,
    inbound_email,
    outgoing_email,
    stored,
    ticket_with_file,
)

pytestmark = pytest.mark.django_db


def run(committed):
    with committed():
        return apply_retention()


def test_files_of_tickets_closed_long_ago_leave_storage_and_others_stay(committed):
    due = file_of(ticket_with_file(closed_days_ago=366))
    recent = file_of(ticket_with_file(closed_days_ago=364))
    resolved = file_of(ticket_with_file(status=Status.RESOLVED, closed_days_ago=400))
    still_open = file_of(ticket_with_file(status=Status.OPEN, closed_days_ago=400))
    path = due.file.name

    assert run(committed) == {"closed_ticket_attachments": 1}

    due.refresh_from_db()
    assert due.removed == Attachment.Removal.RETENTION
    assert due.removed_at is not None
    assert due.file.name == ""
    assert due.original_name == "receipt.txt"
    assert not storages["attachments"].exists(path)
    for kept in (recent, resolved, still_open):
        kept.refresh_from_db()
        assert kept.removed_at is None
        assert stored(kept)


def test_a_rolled_back_run_keeps_the_files(django_capture_on_commit_callbacks):
    attachment = file_of(ticket_with_file())

    with django_capture_on_commit_callbacks(execute=False):
        apply_retention()

    assert stored(Attachment(file=attachment.file.name))


def test_the_ticket_pages_say_the_file_went_under_the_retention_policy(
    client, committed, support_admin
):
    ticket = ticket_with_file()
    attachment = file_of(ticket)
    run(committed)
    download = reverse("tickets:attachment", args=[ticket.number, attachment.pk])

    client.force_login(ticket.customer)
    page = client.get(reverse("tickets:detail", args=[ticket.number])).content.decode()
    assert "receipt.txt" in page
    assert "file removed under our data retention policy" in page
    assert download not in page
    assert client.get(download).status_code == 404

    client.force_login(support_admin)
    page = client.get(reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]))
    assert "file removed under our data retention policy" in page.content.decode()
    assert client.get(download).status_code == 404


def test_old_incoming_emails_go_except_held_ones_nobody_reviewed(committed):
    old = inbound_email(days_old=91)
    old_reviewed_held = inbound_email(days_old=91, outcome=InboundEmail.Outcome.HELD, reviewed=True)
    waiting = inbound_email(days_old=200, outcome=InboundEmail.Outcome.HELD)
    recent = inbound_email(days_old=89)

    assert run(committed) == {"inbound_emails": 2}

    remaining = set(InboundEmail.objects.values_list("pk", flat=True))
    assert remaining == {waiting.pk, recent.pk}
    assert old.pk not in remaining and old_reviewed_held.pk not in remaining


def test_old_outgoing_emails_lose_their_text_and_keep_their_row(committed):
    sent = outgoing_email(days_old=91)
    failed = outgoing_email(days_old=91, status=EmailDelivery.Status.FAILED)
    queued = outgoing_email(days_old=91, status=EmailDelivery.Status.QUEUED)
    sending = outgoing_email(days_old=91, status=EmailDelivery.Status.SENDING)
    recent = outgoing_email(days_old=89)

    assert run(committed) == {"outgoing_emails": 2}

    for emptied in (sent, failed):
        emptied.refresh_from_db()
        assert (emptied.body_text, emptied.body_html) == ("", "")
        assert emptied.subject == "We got your message"
        assert not emptied.has_text
    for kept in (queued, sending, recent):
        kept.refresh_from_db()
        assert kept.body_text == "Hello Maria"
    assert run(committed) == {}


def test_an_emptied_email_cannot_be_sent_again(client, committed, support_admin):
    email = outgoing_email(days_old=91, status=EmailDelivery.Status.FAILED)
    run(committed)
    client.force_login(support_admin)

    response = client.post(reverse("outgoing_emails:resend", args=[email.pk]), follow=True)

    email.refresh_from_db()
    assert email.status == EmailDelivery.Status.FAILED
    assert "text was removed under the retention policy" in response.content.decode()


def _session(expired_days_ago):
    store = SessionStore()
    store["allauth_login_code"] = "secret"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=days_ago(expired_days_ago)
    )
    return store.session_key


def test_sessions_expired_more_than_a_day_ago_are_deleted(committed):
    old = _session(expired_days_ago=2)
    just_expired = _session(expired_days_ago=0.5)
    live = _session(expired_days_ago=-14)

    assert run(committed) == {"sign_in_traces": 1}

    assert set(Session.objects.values_list("session_key", flat=True)) == {just_expired, live}
    assert old


def test_expired_counters_in_the_database_cache_are_deleted(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "retention_test_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    cache = caches["default"]
    cache.set("rl:login_failed:old", 5, timeout=1)
    cache.set("rl:login_failed:live", 1, timeout=3600)
    retention = RetentionSettings.load()
    retention.sign_in_trace_days = 0
    retention.save()

    with freeze_time(days_ago(-0.01)):
        assert apply_retention() == {"sign_in_traces": 1}
        assert cache.get("rl:login_failed:live") == 1


def test_the_api_lists_a_removed_file_without_a_download_link(committed):
    ticket = ticket_with_file()
    run(committed)
    client = APIClient()
    client.force_authenticate(ticket.customer)

    [listed] = client.get(f"/api/v1/tickets/{ticket.number}/").json()["attachments"]

    assert listed["name"] == "receipt.txt"
    assert listed["download_url"] is None
    assert listed["removed_at"]
