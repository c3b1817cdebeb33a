"""Anonymising tickets (what the retention job does to closed tickets past their time): the
personal data goes from the ticket, its history, emails and files; the figures and the customer's
account stay; only due tickets, at most `limit` a run."""

from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from notifications.models import EmailDelivery, Notification
from privacy.erasure import REMOVED_ANONYMISED, anonymise_due_tickets, anonymise_ticket
from privacy.models import PrivacyAction
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import workflow
from tickets.choices import Status
from tickets.models import Attachment, Message, Ticket, TicketCC

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def closed_ticket(committed):
    customer = CustomerFactory(name="Rosa Marquez", email="rosa@example.com")
    agent = AgentFactory(name="Sam Rivera")
    with committed():
        ticket = open_ticket(
            customer,
            attachments=[SimpleUploadedFile("menu.pdf", PDF)],
            cc=["chef@example.org"],
            extra_fields={"Table": "12"},
        )
        workflow.post_message(ticket, author=agent, body="Hi Rosa Marquez, all sorted.")
        workflow.change_status(ticket, by=agent, status=Status.CLOSED)
    ticket.refresh_from_db()
    log(ticket, "wagtail.edit", user=agent)
    return ticket


def closed(days_ago, committed, agent):
    with committed():
        ticket = open_ticket()
        workflow.change_status(ticket, by=agent, status=Status.CLOSED)
    Ticket.objects.filter(pk=ticket.pk).update(closed_at=timezone.now() - timedelta(days=days_ago))
    return ticket


def test_anonymising_a_ticket_removes_its_personal_data(closed_ticket, committed):
    paths = [attachment.file.name for attachment in closed_ticket.attachments.all()]
    assert EmailDelivery.objects.filter(ticket=closed_ticket).exists()

    with committed():
        anonymise_ticket(closed_ticket)

    ticket = Ticket.objects.get(pk=closed_ticket.pk)
    removed = str(REMOVED_ANONYMISED)
    assert (ticket.subject, ticket.description, ticket.extra_fields) == (removed, removed, {})
    assert ticket.anonymised_at is not None
    assert Message.objects.get(ticket=ticket, is_staff=True).body == "Hi […], all sorted."
    assert not Attachment.objects.filter(ticket=ticket).exists()
    assert not any(storages["attachments"].exists(path) for path in paths)
    assert not TicketCC.objects.filter(ticket=ticket).exists()
    assert not EmailDelivery.objects.filter(ticket=ticket).exists()
    assert not Notification.objects.filter(ticket=ticket).exists()
    assert {record.subject for record in ticket.history.all()} == {removed}
    (entry,) = ModelLogEntry.objects.filter(object_id=str(ticket.pk))
    assert entry.label == f"{ticket.number} {removed}"


def test_anonymising_keeps_the_figures_and_the_customer(closed_ticket, committed):
    statuses = list(closed_ticket.history.values_list("status", flat=True))
    with committed():
        anonymise_ticket(closed_ticket)

    ticket = Ticket.objects.get(pk=closed_ticket.pk)
    assert (ticket.number, ticket.status, ticket.closed_at, ticket.created_at) == (
        closed_ticket.number,
        closed_ticket.status,
        closed_ticket.closed_at,
        closed_ticket.created_at,
    )
    assert list(ticket.history.values_list("status", flat=True)) == statuses
    assert ticket.customer.email == "rosa@example.com"
    assert ticket.customer.is_active


def test_anonymising_is_logged_once(closed_ticket, committed):
    with committed():
        action = anonymise_ticket(closed_ticket)
        again = anonymise_ticket(closed_ticket)

    assert again is None
    assert action.kind == PrivacyAction.Kind.ANONYMISE
    assert action.ticket == closed_ticket and action.actor is None
    assert "rosa" not in str(action.details).lower()
    assert PrivacyAction.objects.count() == 1


def test_only_closed_tickets_past_the_cutoff_are_due(committed):
    agent = AgentFactory()
    old, recent = closed(100, committed, agent), closed(5, committed, agent)
    still_open = open_ticket()
    Ticket.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - timedelta(days=200))

    with committed():
        done = anonymise_due_tickets(timezone.now() - timedelta(days=30), limit=10)

    assert done == 1
    anonymised = set(
        Ticket.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True)
    )
    assert anonymised == {old.pk}
    assert recent.pk not in anonymised and still_open.pk not in anonymised


def test_a_run_does_at_most_limit_tickets_and_the_next_one_goes_on(committed):
    agent = AgentFactory()
    tickets = [closed(100 + n, committed, agent) for n in range(5)]
    cutoff = timezone.now() - timedelta(days=30)

    with committed():
        first = anonymise_due_tickets(cutoff, limit=2)
    with committed():
        second = anonymise_due_tickets(cutoff, limit=2)
    with committed():
        third = anonymise_due_tickets(cutoff, limit=2)

    assert (first, second, third) == (2, 2, 1)
    assert Ticket.objects.filter(anonymised_at__isnull=True).count() == 0
    oldest_first = sorted(tickets, key=lambda ticket: -tickets.index(ticket))
    assert PrivacyAction.objects.order_by("pk").first().ticket_id == oldest_first[0].pk
