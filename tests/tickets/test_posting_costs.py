"""Opening a ticket from the contact page and replying in the admin: what each request costs in
queries, and that what was taken out of them (the reference index, simple-history's own copy of
the tags, a session saved unchanged) left the history as it was."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ReferenceIndex

from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from tests.factories import open_ticket
from tickets import workflow
from tickets.admin.timeline import ticket_timeline
from tickets.admin.views import version_of
from tickets.models import BusinessHours, Tag, Ticket

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "Missing limes in today's delivery",
    "description": "Two cases of limes were not delivered with order LT-1 this morning.",
    "priority": "",
}


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Tomatoes arrived bruised")


def reply(client, ticket, seen):
    return client.post(
        reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]),
        {"action": "reply", "kind": "reply", "body": "We are on it.", "seen": seen},
    )


def version_tags(record):
    return sorted(
        Ticket.history.model.tags.model.objects.filter(history=record).values_list(
            "tag__name", flat=True
        )
    )


def test_sending_the_contact_form_costs_at_most_20_queries(customer, django_assert_max_num_queries):
    seed_contact_page(HomePage.objects.get())
    page = ContactPage.objects.get(slug="contact")
    client = Client()
    client.force_login(customer)
    client.get(page.url)
    BusinessHours.load()  # made on first use

    # Wagtail's routing (6), the session and user (2; the session from Redis when there is
    # one), the form (2), then in the workflow's transaction (2 here: a savepoint, as tests run
    # in one) the number, the SLA (3), ticket and version, deflections, the read mark, and after
    # it the form's submission. (The roles are kept between requests: supportsite.access.)
    with django_assert_max_num_queries(20):
        response = client.post(page.url, FORM)

    assert response.status_code == 302
    ticket = Ticket.objects.get(customer=customer)
    assert ticket.history.get().history_change_reason == "Ticket opened"


def test_an_agents_reply_in_the_admin_costs_at_most_16_queries(
    client, agent, ticket, django_assert_max_num_queries
):
    client.force_login(agent)
    seen = version_of(Ticket.objects.get(pk=ticket.pk))

    # The session, user, permissions, profile and roles (at most 6: the session from Redis when
    # there is one), the ticket and its last message (2), then in the workflow's transaction
    # (2 here: a savepoint, as tests run in one) the ticket locked, the message, the ticket's
    # update and version, its tags, the read mark.
    with django_assert_max_num_queries(16):
        response = reply(client, ticket, seen)

    assert response.status_code == 302
    assert ticket.messages.get().body == "We are on it."


def test_a_version_keeps_the_tags_and_the_timeline_shows_no_change_for_a_reply(
    client, agent, ticket
):
    refund, driver = Tag.objects.create(name="refund"), Tag.objects.create(name="driver")
    workflow.tag(ticket, by=agent, add=[refund, driver])
    client.force_login(agent)

    reply(client, ticket, version_of(Ticket.objects.get(pk=ticket.pk)))

    opened, tagged, replied = ticket.history.order_by("history_id")
    assert version_tags(opened) == []
    assert version_tags(tagged) == version_tags(replied) == ["driver", "refund"]
    timeline = ticket_timeline(Ticket.objects.get(pk=ticket.pk))
    assert [change[0] for change in timeline[-1]["changes"]] == ["status"]


def test_tickets_are_kept_out_of_wagtails_reference_index(customer, agent, ticket):
    workflow.post_message(ticket, author=agent, body="We are on it.")

    assert not ReferenceIndex.objects.filter(
        base_content_type__app_label="tickets", base_content_type__model="ticket"
    ).exists()
