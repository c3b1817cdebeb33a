"""Erasing a customer: nothing of them anywhere in the database or the storage, the figures the
same as before, the account no longer usable, the audit log naming nobody."""

from datetime import date, timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone
from wagtail.models import APIToken

from accounts.models import User
from privacy.erasure import REMOVED_ON_REQUEST, erase_customer
from privacy.models import PrivacyAction
from tests.factories import PASSWORD, AgentFactory, EditorFactory, SupportAdminFactory
from tickets import kept_uploads
from tickets.models import Attachment, Feedback, Message, Order, Ticket, TicketCC
from tickets.reports import figures
from tickets.reports.figures import Scope

from .conftest import EMAIL, TRACES
from .search import traces_in_database

pytestmark = pytest.mark.django_db


def every_figure():
    scope = Scope(start=date.today() - timedelta(days=7), end=date.today() + timedelta(days=1))
    return {
        "daily_volume": list(figures.daily_volume(scope)),
        "summary": figures.summary(scope),
        "by_status": list(figures.by_status(scope)),
        "by_priority": list(figures.by_priority(scope)),
        "by_category": list(figures.by_category(scope)),
        "by_team": list(figures.by_team(scope)),
        "by_tag": list(figures.by_tag(scope)),
        "by_organization": list(figures.by_organization(scope)),
        "satisfaction": figures.satisfaction_summary(scope),
        "ratings": [(rating.ticket_id, rating.rating) for rating in figures.ratings(scope)],
        "agents": [
            (agent.pk, agent.assigned, agent.resolved, agent.ratings, agent.rating)
            for agent in figures.per_agent(scope)
        ],
    }


def test_the_setup_leaves_traces_everywhere_the_test_looks(ana, anas_desk):
    found = traces_in_database(TRACES)
    tables = {table for table, _column in found}
    assert {
        "accounts_user",
        "account_emailaddress",
        "tickets_message",
        "tickets_ticket",
        "tickets_historicalticket",
        "tickets_emaildelivery",
        "tickets_inboundemail",
        "tickets_ticketcc",
        "tickets_feedback",
        "wagtailcore_modellogentry",
        "django_tasks_database_dbtaskresult",
    } <= tables


def test_erasing_leaves_no_trace_of_the_customer_in_any_column(ana, anas_desk, committed):
    with committed():
        erase_customer(ana, by=ana)

    assert traces_in_database(TRACES) == {}


def test_erasing_deletes_their_files_from_storage(ana, anas_desk, committed):
    paths = [attachment.file.name for attachment in Attachment.objects.all()]
    storage = storages["attachments"]
    assert paths and all(storage.exists(path) for path in paths)

    with committed():
        erase_customer(ana, by=ana)

    assert not Attachment.objects.exists()
    assert not any(storage.exists(path) for path in paths)


def test_files_leave_storage_only_once_the_erasure_commits(
    ana, anas_desk, django_capture_on_commit_callbacks
):
    paths = [attachment.file.name for attachment in Attachment.objects.all()]
    with django_capture_on_commit_callbacks(execute=False):
        erase_customer(ana, by=ana)

    assert all(storages["attachments"].exists(path) for path in paths)


def test_erasing_ends_their_sessions_and_the_files_their_forms_kept(ana, committed):
    storage = storages["attachments"]
    path = storage.save(f"{kept_uploads.KEPT_FOLDER}/draft-photo", ContentFile(b"photo"))
    session = SessionStore()
    session["_auth_user_id"] = str(ana.pk)
    session[kept_uploads.SESSION_KEY] = {
        "contact:3": [
            {
                "id": "x",
                "path": path,
                "name": "photo.jpg",
                "size": 5,
                "at": timezone.now().isoformat(),
            }
        ]
    }
    session.save()
    strangers = SessionStore()
    strangers["_auth_user_id"] = str(ana.pk + 1000)
    strangers.save()

    with committed():
        erase_customer(ana, by=ana)

    assert not SessionStore().exists(session.session_key)
    assert SessionStore().exists(strangers.session_key)
    assert not storage.exists(path)


def test_the_figures_of_every_report_are_unchanged(ana, anas_desk, committed):
    before = every_figure()

    with committed():
        erase_customer(ana, by=ana)

    assert every_figure() == before


def test_what_the_desk_counts_stays(ana, anas_desk, committed):
    ticket = anas_desk["ticket"]
    with committed():
        erase_customer(ana, by=ana)

    kept = Ticket.objects.get(pk=ticket.pk)
    for field in ("number", "status", "created_at", "resolved_at", "category_id", "assignee_id"):
        assert getattr(kept, field) == getattr(ticket, field)
    assert kept.customer_id == ana.pk
    assert kept.anonymised_at is not None
    assert Feedback.objects.get(ticket=ticket).rating == 4
    assert Order.objects.filter(customer=ana).count() == 1
    assert ticket.history.count() == Ticket.objects.get(pk=ticket.pk).history.count()


def test_their_messages_read_removed_and_staff_replies_lose_their_name(ana, anas_desk, committed):
    ticket = anas_desk["ticket"]
    with committed():
        erase_customer(ana, by=ana)

    removed = str(REMOVED_ON_REQUEST)
    bodies = {message.is_staff: message.body for message in Message.objects.filter(ticket=ticket)}
    assert set(
        Message.objects.filter(ticket=ticket, is_staff=False).values_list("body", flat=True)
    ) == {removed}
    assert bodies[True] != removed
    assert Message.objects.get(ticket=anas_desk["others"], author=ana).body == removed
    assert Ticket.objects.get(pk=ticket.pk).subject == removed
    assert not TicketCC.objects.filter(ticket=anas_desk["others"]).exists()


def test_the_account_becomes_a_placeholder_that_cannot_sign_in(ana, anas_desk, client, committed):
    with committed():
        erase_customer(ana, by=ana)

    ana.refresh_from_db()
    assert ana.email.endswith("@erased.invalid")
    assert (ana.name, ana.phone, ana.business_name) == ("", "", "")
    assert not ana.has_usable_password()
    assert not ana.is_active
    assert ana.organization is None
    assert ana.get_full_name() == "Former customer"
    assert not APIToken.objects.filter(user=ana).exists()
    response = client.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_the_audit_log_counts_what_went_and_names_nobody(ana, anas_desk, support_admin, committed):
    with committed():
        action = erase_customer(ana, by=support_admin)

    action = PrivacyAction.objects.get(pk=action.pk)
    assert action.kind == PrivacyAction.Kind.ERASE
    assert action.actor == support_admin
    assert action.subject_user_id == ana.pk
    assert action.details["tickets"] == 1
    assert action.details["attachments"] == 2
    text = str(action.details).lower()
    assert not any(value in text for value in TRACES)


@pytest.mark.parametrize("factory", [AgentFactory, SupportAdminFactory, EditorFactory])
def test_members_of_the_team_cannot_be_erased(factory):
    member = factory()
    with pytest.raises(ValidationError, match="support team"):
        erase_customer(member, by=None)
    member.refresh_from_db()
    assert member.is_active and member.erased_at is None


def test_an_erased_account_cannot_be_erased_again(ana, committed):
    with committed():
        erase_customer(ana, by=None)
    with pytest.raises(ValidationError, match="erased already"):
        erase_customer(User.objects.get(pk=ana.pk), by=None)
