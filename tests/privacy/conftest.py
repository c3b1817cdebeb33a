import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log

from accounts import api_tokens
from tests.factories import (
    AgentFactory,
    CustomerFactory,
    OrderFactory,
    OrganizationFactory,
    open_ticket,
)
from tests.tickets.intake_helpers import authenticated, by_command, from_sender, mail_settings, raw
from tickets import workflow
from tickets.choices import Status

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
