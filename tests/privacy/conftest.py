import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log

from accounts import api_tokens
from helpcenter.models import ArticleFeedback
from tests.factories import (
    AgentFactory,
    CustomerFactory,
    OrderFactory,
    OrganizationFactory,
    open_ticket,
)
from tests.helpcenter.factories import make_article
from tests.tickets.intake_helpers import authenticated, by_command, from_sender, mail_settings, raw
from tickets import workflow
from tickets.choices import Status


def pdf(marker):
    return f"%PDF-1.4\n% {marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".encode()


# What belongs to Bob, the other customer, or stays with the support team: none of it may be
# anywhere in Alice's export.
NOT_ALICES = [
    "Bob Other",
    "bob.other@example.com",
    "+1 630 555 0199",
    "Bob's Garage",
    "BOB-",
    "SECRET-NOTE",
    "internal-notes.txt",
    "Agentsurname",
    "dana.agent@example.com",
]


def unzipped(content):
    """The archive's files by name, and its data.json read."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {name: archive.read(name) for name in archive.namelist()}
    return files, json.loads(files["data.json"])


@pytest.fixture
def world(db, committed):
    """Alice and Bob, each with a ticket the other is copied on, orders, files, staff replies,
    internal notes, a rating and a help-center vote; notifications and emails sent as usual."""
    alice = CustomerFactory(
        email="alice.owner@example.com",
        name="Alice Owner",
        phone="+1 630 555 0101",
        business_name="Alice's Bakery",
    )
    bob = CustomerFactory(
        email="bob.other@example.com",
        name="Bob Other",
        phone="+1 630 555 0199",
        business_name="Bob's Garage",
    )
    agent = AgentFactory(email="dana.agent@example.com", name="Dana Agentsurname")
    with committed():
        alice_order = OrderFactory(customer=alice, number="ORD-ALICE")
        OrderFactory(customer=bob, number="ORD-BOB-1")
        mine = open_ticket(
            alice,
            subject="Alice flour delivery missing",
            description="ALICE-DESCRIPTION: two sacks of flour were not delivered.",
            order=alice_order,
            attachments=[SimpleUploadedFile("flour invoice.pdf", pdf("ALICE-PDF"))],
        )
        workflow.add_ccs(mine, ["bob.other@example.com"], by=alice)
        workflow.post_message(mine, author=agent, body="ALICE-STAFF-REPLY: more flour is coming.")
        workflow.post_message(
            mine,
            author=agent,
            body="SECRET-NOTE: this customer was credited last month too.",
            internal=True,
            attachments=[SimpleUploadedFile("internal-notes.txt", b"SECRET-NOTE file")],
        )
        workflow.post_message(mine, author=bob, body="BOB-REPLY on Alice's ticket, as a CC.")
        workflow.post_message(
            mine,
            author=alice,
            body="ALICE-MESSAGE: thanks, here is the photo.",
            attachments=[SimpleUploadedFile("flour invoice.pdf", pdf("ALICE-SECOND-PDF"))],
        )
        workflow.change_status(mine, by=agent, status=Status.RESOLVED)
        workflow.rate(mine, by=alice, rating=4, comment="ALICE-RATING: quick and kind.")

        theirs = open_ticket(
            bob,
            subject="BOB-SUBJECT broken bike bell",
            description="BOB-DESCRIPTION: the bell fell off on the first ride.",
            attachments=[SimpleUploadedFile("bob.pdf", pdf("BOB-PDF"))],
        )
        workflow.add_ccs(theirs, ["alice.owner@example.com"], by=bob)
        workflow.post_message(theirs, author=agent, body="BOB-STAFF-REPLY: a new bell is sent.")
        workflow.post_message(
            theirs,
            author=alice,
            body="ALICE-ON-BOB: I saw the bell fall off too.",
            attachments=[SimpleUploadedFile("witness.pdf", pdf("ALICE-CC-PDF"))],
        )
    article = make_article(title="Delivery windows")
    ArticleFeedback.objects.create(
        page=article, visitor=f"user:{alice.pk}", helpful=False, comment="ALICE-VOTE"
    )
    ArticleFeedback.objects.create(
        page=article, visitor=f"user:{bob.pk}", helpful=True, comment="BOB-VOTE"
    )
    return {"alice": alice, "bob": bob, "agent": agent, "mine": mine, "theirs": theirs}


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EMAIL = "ana.quintero@example.com"
EXTRA_EMAIL = "ana.q@taqueria-group.test"
NAME = "Ana Quintero"
PHONE = "+1 312 555 0199"
BUSINESS = "Quintero Tacos"
# What must be nowhere once Ana is erased (compared in lower case).
TRACES = (EMAIL, EXTRA_EMAIL, "quintero", "312 555 0199")


@pytest.fixture
def ana(db):
    organization = OrganizationFactory(name="Taqueria group", domains="taqueria-group.test")
    ana = CustomerFactory(
        email=EMAIL, name=NAME, phone=PHONE, business_name=BUSINESS, organization=organization
    )
    organization.admin = ana
    organization.save()
    EmailAddress.objects.create(user=ana, email=EXTRA_EMAIL, verified=True)
    return ana


@pytest.fixture
def sam(db):
    return AgentFactory(name="Sam Rivera")


@pytest.fixture
def anas_desk(ana, sam, settings, committed, tmp_path):
    """Ana's life at the help desk, through the workflow: a ticket with her files, CCs, emails
    both ways, notifications, a note naming her, a rating; a copy on someone else's ticket; an
    order; an API token."""
    mail_settings(settings)
    with committed():
        ticket = open_ticket(
            ana,
            order=OrderFactory(customer=ana),
            attachments=[SimpleUploadedFile("menu.pdf", PDF)],
            extra_fields={"Phone": PHONE, "Restaurant": BUSINESS},
            cc=["cook@example.org"],
        )
        workflow.assign(ticket, by=sam, assignee=sam)
        workflow.post_message(ticket, author=sam, body=f"Hi Ana, we are on it. Is {PHONE} best?")
        workflow.post_message(
            ticket, author=sam, body=f"{NAME} ({EMAIL}) called twice.", internal=True
        )
        workflow.post_message(
            ticket,
            author=ana,
            body="Yes, call me any time after ten.",
            attachments=[SimpleUploadedFile("receipt.pdf", PDF)],
        )
    with committed():
        message = from_sender(raw("gmail_reply.eml", ticket), f"{NAME} <{EMAIL}>")
        by_command(authenticated(message), tmp_path)
    with committed():
        workflow.change_status(
            ticket, by=sam, status=Status.RESOLVED, resolution_notes=f"Credited {NAME}."
        )
        workflow.rate(ticket, by=ana, rating=4, comment="Thanks Sam, from Ana Quintero")
    other = CustomerFactory(name="Ben Okafor")
    with committed():
        others = open_ticket(other, cc=[EMAIL])
        workflow.post_message(others, author=ana, body="Adding the photos I took.")
    api_tokens.create_token(ana, name="Kitchen tablet")
    log(ana, "wagtail.edit", user=sam)
    DBTaskResult.objects.create(
        task_path="notifications.tasks.send_email",
        args_kwargs={"args": [EMAIL], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
    )
    ticket.refresh_from_db()
    return {"ticket": ticket, "others": others, "other": other}
