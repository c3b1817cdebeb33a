"""Redaction through the workflow (tickets.workflow.redaction): the passage leaves the message,
the emails and notifications about the ticket, its incoming emails and every version of its
history; a removed file leaves storage and stays in the thread as "file removed by the support
team"; both are in the audit log without the text, and in the ticket's timeline."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from notifications.deferred import dispatch_event
from notifications.models import EmailDelivery
from privacy.models import PrivacyAction
from tests.factories import (
    AgentFactory,
    CustomerFactory,
    EditorFactory,
    TeamFactory,
    open_ticket,
)
from tests.privacy.search import rows_containing
from tests.tickets.intake_helpers import by_command, mail_settings
from tickets import workflow
from tickets.admin.timeline import ticket_timeline
from tickets.models import Attachment, InboundEmail, Ticket

pytestmark = pytest.mark.django_db

PASSWORD = "Tr0ub4dor&3-horse"


@pytest.fixture
def customer(db):
    return CustomerFactory(email="raj.patel@example.net", name="Raj Patel")


@pytest.fixture
def agent(db):
    return AgentFactory(name="Sam Rivera")


@pytest.fixture
def ticket(customer, agent, committed):
    """A ticket answered by email, whose customer pasted a password in a reply that was emailed
    to the assignee, and whose resolution notes quote it."""
    with committed():
        ticket = open_ticket(customer)
        workflow.assign(ticket, by=agent, assignee=agent)
        workflow.post_message(ticket, author=agent, body="Which account is it?")
        workflow.post_message(
            ticket,
            author=customer,
            body=f"My login is raj, password {PASSWORD} (twice: {PASSWORD})",
        )
        workflow.correct(
            ticket, by=agent, reason="Summary", resolution_notes=f"Reset; old one was {PASSWORD}"
        )
    return ticket


def test_a_passage_leaves_the_message_its_emails_and_the_history(ticket, agent, committed):
    reply = ticket.messages.get(author=ticket.customer)
    assert EmailDelivery.objects.filter(ticket=ticket, body_text__contains=PASSWORD).exists()
    assert rows_containing(PASSWORD)

    with committed():
        redacted = workflow.redact_message(reply, PASSWORD, by=agent)

    assert redacted.body == "My login is raj, password [redacted] (twice: [redacted])"
    reply.refresh_from_db()
    assert reply.body == redacted.body
    ticket.refresh_from_db()
    assert ticket.resolution_notes == "Reset; old one was [redacted]"
    assert rows_containing(PASSWORD) == []
    assert EmailDelivery.objects.filter(ticket=ticket, body_text__contains="[redacted]").exists()


def test_the_html_of_the_emails_loses_the_escaped_passage(ticket, agent):
    delivery = EmailDelivery.objects.get(ticket=ticket, body_html__contains="Tr0ub4dor")
    assert "Tr0ub4dor&amp;3-horse" in delivery.body_html
    workflow.redact_message(ticket.messages.get(author=ticket.customer), PASSWORD, by=agent)
    delivery.refresh_from_db()
    assert "Tr0ub4dor" not in delivery.body_html
    assert "[redacted]" in delivery.body_html


def test_the_opening_is_redacted_in_the_ticket_and_every_version(customer, agent, committed):
    with committed():
        ticket = open_ticket(
            customer,
            subject=f"Password {PASSWORD} leaked",
            description=f"I typed {PASSWORD} into the wrong box, please help.",
        )
        workflow.change_status(ticket, by=agent, status="in_progress")
        workflow.change_status(ticket, by=agent, status="resolved")
    assert ticket.history.filter(description__contains=PASSWORD).count() == 3

    workflow.redact_opening(ticket, PASSWORD, by=agent)

    ticket.refresh_from_db()
    assert ticket.subject == "Password [redacted] leaked"
    assert ticket.description == "I typed [redacted] into the wrong box, please help."
    assert not ticket.history.filter(subject__contains=PASSWORD).exists()
    assert rows_containing(PASSWORD) == []


def test_custom_fields_of_the_opening_and_their_history_are_redacted(customer, agent):
    ticket = open_ticket(customer, extra_fields={"Account": f"raj / {PASSWORD}"})
    workflow.redact_opening(ticket, PASSWORD, by=agent)
    ticket.refresh_from_db()
    assert ticket.extra_fields == {"Account": "raj / [redacted]"}
    assert rows_containing(PASSWORD) == []


def test_an_incoming_email_loses_the_passage(settings, customer, agent, committed, tmp_path):
    mail_settings(settings)
    email = (
        "From: Raj Patel <raj.patel@example.net>\nTo: support@reply.example.com\n"
        "Subject: Locked out\nMessage-ID: <locked-out@example.net>\n"
        "Content-Type: text/plain\n\n"
        f"My password is {PASSWORD} and it no longer works.\n"
    )
    with committed():
        by_command(email.encode(), tmp_path)
    ticket = InboundEmail.objects.get().ticket
    workflow.redact_opening(ticket, PASSWORD, by=agent)
    assert "[redacted]" in InboundEmail.objects.get().body_text
    assert rows_containing(PASSWORD) == []


def test_an_internal_note_is_redacted_too(ticket, agent):
    note = workflow.post_message(ticket, author=agent, body=f"Tried {PASSWORD}", internal=True)
    workflow.redact_message(note, PASSWORD, by=agent)
    note.refresh_from_db()
    assert note.body == "Tried [redacted]"


def test_a_passage_not_in_the_message_is_a_field_error_and_changes_nothing(ticket, agent):
    reply = ticket.messages.get(author=ticket.customer)
    for passage, code in (("not there", "not_found"), ("   ", "required")):
        with pytest.raises(ValidationError) as error:
            workflow.redact_message(reply, passage, by=agent)
        assert list(error.value.error_dict) == ["passage"]
        assert error.value.error_dict["passage"][0].code == code
    # Only what this message says: another message's words are not this one's to redact.
    with pytest.raises(ValidationError):
        workflow.redact_message(reply, "Which account is it?", by=agent)
    assert not PrivacyAction.objects.exists()


def test_the_action_is_logged_without_the_text_and_shown_in_the_timeline(ticket, agent):
    reply = ticket.messages.get(author=ticket.customer)
    workflow.redact_message(reply, PASSWORD, by=agent)

    action = PrivacyAction.objects.get()
    assert (action.kind, action.actor, action.ticket, action.subject_user_id) == (
        PrivacyAction.Kind.REDACT,
        agent,
        ticket,
        ticket.customer_id,
    )
    assert action.details["what"] == "message"
    assert action.details["occurrences"] == 2
    assert action.details["copies"]["emails"] >= 1
    assert PASSWORD not in str(action.details)
    last = ticket_timeline(ticket)[-1]
    assert (last["user"], last["reason"]) == (agent, "Passage redacted")


@pytest.mark.parametrize("role", ["customer", "editor", "other_team", "no_permission"])
def test_only_staff_who_see_the_ticket_and_may_redact_can(ticket, settings, role):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    payments = TeamFactory(name="Payments")
    Ticket.objects.filter(pk=ticket.pk).update(team=payments)
    ticket.refresh_from_db()
    if role == "customer":
        who = ticket.customer
    elif role == "editor":
        who = EditorFactory()
    elif role == "other_team":
        who = AgentFactory()
        TeamFactory(name="Orders", members=[who])
    else:
        who = AgentFactory()
        payments.members.add(who)
        who.groups.get().permissions.remove(Permission.objects.get(codename="redact_personal_data"))
    reply = ticket.messages.get(author=ticket.customer)
    with pytest.raises(PermissionDenied):
        workflow.redact_message(reply, PASSWORD, by=who)
    with pytest.raises(PermissionDenied):
        workflow.redact_attachment(
            Attachment.objects.create(
                ticket=ticket,
                file=SimpleUploadedFile("a.txt", b"x"),
                original_name="a.txt",
                content_type="text/plain",
                size=1,
                uploaded_by=ticket.customer,
            ),
            by=who,
        )
    reply.refresh_from_db()
    assert PASSWORD in reply.body


def test_a_removed_file_leaves_storage_and_stays_in_the_thread(customer, agent, committed):
    ticket = open_ticket(
        customer, attachments=[SimpleUploadedFile("card.txt", b"my card photo, as text")]
    )
    attachment = ticket.attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)

    with committed():
        workflow.redact_attachment(attachment, by=agent)

    assert not storage.exists(name)
    attachment.refresh_from_db()
    assert not attachment.file
    assert attachment.original_name == "card.txt"
    action = PrivacyAction.objects.get()
    assert action.details == {
        "what": "attachment",
        "attachment": attachment.pk,
        "content_type": "text/plain",
        "size": attachment.size,
    }
    assert ticket_timeline(ticket)[-1]["reason"] == "File removed: card.txt"
    with pytest.raises(ValidationError):
        workflow.redact_attachment(attachment, by=agent)


def test_the_file_stays_until_the_removal_commits(customer, agent):
    """Removed once the change commits: a rolled-back removal (here: never committed) keeps it."""
    ticket = open_ticket(customer, attachments=[SimpleUploadedFile("a.txt", b"kept")])
    attachment = ticket.attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    workflow.redact_attachment(attachment, by=agent)
    assert storage.exists(name)


def test_a_notification_still_queued_is_sent_redacted(settings, customer, agent, committed):
    """On the database queue a notification task carries the message as it was: redacting
    before the worker runs rewrites it, so the emails it then builds hold no passage either."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with committed():
        ticket = open_ticket(customer)
        workflow.assign(ticket, by=agent, assignee=agent)
        reply = workflow.post_message(ticket, author=customer, body=f"It is {PASSWORD}, sorry!")
    assert not EmailDelivery.objects.exists()
    assert ("django_tasks_database_dbtaskresult", "args_kwargs") in rows_containing(PASSWORD)

    workflow.redact_message(reply, PASSWORD, by=agent)
    assert rows_containing(PASSWORD) == []
    # What the worker does with each queued task (run here, in the test's transaction).
    for queued in DBTaskResult.objects.filter(task_path="notifications.deferred.dispatch_event"):
        dispatch_event.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])

    assert EmailDelivery.objects.filter(body_text__contains="It is [redacted], sorry!").exists()
    assert rows_containing(PASSWORD) == []
