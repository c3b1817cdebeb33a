"""A merged ticket's number still finds the ticket it went into: its portal page, and email
answers to its thread (the API's `merged_into`: tests/api/test_corrections_and_merges.py)."""

import pytest
from django.core import mail

from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tests.tickets.intake_helpers import by_command, mail_settings, raw, replies
from tickets import workflow
from tickets.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail_settings(settings):
    mail_settings(settings)


def test_the_portal_page_of_a_merged_ticket_leads_to_the_target(client, customer, agent):
    duplicate, target = open_ticket(customer), open_ticket(customer)
    workflow.merge([duplicate], into=target, by=agent)
    client.force_login(customer)

    response = client.get(duplicate.get_absolute_url())

    assert response.status_code == 302 and response.url == target.get_absolute_url()


def test_whoever_may_not_see_the_target_stays_on_their_own_closed_ticket(
    client, customer, support_admin
):
    other = CustomerFactory()
    theirs = open_ticket(other)
    target = open_ticket(customer, subject="A private matter of the other customer")
    workflow.merge([theirs], into=target, by=support_admin)
    client.force_login(other)

    response = client.get(theirs.get_absolute_url())

    assert response.status_code == 200
    assert target.subject not in response.content.decode()
    client.force_login(CustomerFactory())
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_an_email_answer_to_the_old_thread_lands_on_the_target(
    customer, django_capture_on_commit_callbacks, tmp_path
):
    customer.email = "maria.lopez@example.com"
    customer.save()
    agent = AgentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        duplicate = open_ticket(customer)
        workflow.post_message(duplicate, author=agent, body="We are sending the limes today.")
    target = open_ticket(customer)
    workflow.merge([duplicate], into=target, by=agent)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        by_command(raw("gmail_reply.eml", duplicate), tmp_path)

    (reply,) = replies(target)
    assert reply.author == customer and reply.body.startswith("Thanks! The driver")
    assert not Message.objects.filter(ticket=duplicate).exists()
