"""Agents see a ticket's organisation and its other tickets, filter the queue and read a report
by organisation; support admins keep the organisations."""

import csv
import io

import pytest
from django.urls import reverse

from accounts.models import Organization
from tests.factories import (
    AgentFactory,
    CustomerFactory,
    OrganizationFactory,
    member_of,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"


def edit_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


@pytest.fixture
def lopez():
    return OrganizationFactory(name="Lopez Taqueria")


def test_the_ticket_view_shows_the_organisation_and_its_other_tickets(client, agent, lopez):
    maria, manager = member_of(lopez, name="Maria Lopez"), member_of(lopez, name="Luis Manager")
    ticket = open_ticket(maria, subject="Stale tortillas")
    other = open_ticket(manager, subject="Card reader broken")
    open_ticket(CustomerFactory(), subject="Somebody else's problem")
    client.force_login(agent)

    page = client.get(edit_url(ticket)).content.decode()

    assert reverse("organizations:edit", args=[lopez.pk]) in page
    assert "Card reader broken" in page and "Luis Manager" in page
    assert edit_url(other) in page
    assert "Somebody else&#x27;s problem" not in page
    assert f"organization={lopez.pk}" in page


def test_the_ticket_view_query_count_is_flat_with_the_organisations_tickets(client, agent, lopez):
    maria = member_of(lopez)
    ticket = open_ticket(maria)
    open_ticket(member_of(lopez))
    client.force_login(agent)
    count_queries(client, edit_url(ticket))
    small = count_queries(client, edit_url(ticket))

    for _ in range(12):
        open_ticket(member_of(lopez))

    assert count_queries(client, edit_url(ticket)) == small
    assert client.get(edit_url(ticket)).content.decode().count("support-badge--open") <= 5 + 11


def test_the_queue_filters_by_organisation(client, agent, lopez):
    theirs = open_ticket(member_of(lopez))
    open_ticket(CustomerFactory())
    client.force_login(agent)

    response = client.get(reverse(QUEUE), {"organization": lopez.pk, "view": "all"})

    assert [t.pk for t in response.context["object_list"]] == [theirs.pk]


def test_the_organisations_report_counts_the_periods_tickets(client, agent, lopez):
    patel = OrganizationFactory(name="Patel Market")
    resolved = open_ticket(member_of(lopez))
    workflow.change_status(resolved, by=agent, status="resolved")
    open_ticket(member_of(lopez))
    open_ticket(member_of(patel))
    open_ticket(CustomerFactory())
    client.force_login(agent)
    url = reverse("support_reports:organizations")

    assert client.get(url).status_code == 200
    export = b"".join(client.get(url + "?export=csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(export)))
    assert [(r["Organisation"], r["Tickets"], r["Still open"], r["Resolved"]) for r in rows] == [
        ("Lopez Taqueria", "2", "1", "1"),
        ("Patel Market", "1", "1", "0"),
    ]


def test_the_organisations_report_query_count_stays_flat(client, agent, lopez):
    client.force_login(agent)
    url = reverse("support_reports:organizations")
    open_ticket(member_of(lopez))
    count_queries(client, url)
    small = count_queries(client, url)

    for _ in range(8):
        open_ticket(member_of(OrganizationFactory()))

    assert count_queries(client, url) == small


def test_support_admins_keep_organisations_with_every_error_at_once(client, support_admin, lopez):
    client.force_login(support_admin)
    add = reverse("organizations:add")

    refused = client.post(add, {"name": "Lopez Taqueria", "domains": "gmail.com\nnot a domain"})
    body = refused.content.decode()
    assert refused.status_code == 200
    assert "webmail" in body and "is not a domain name" in body and "already exists" in body

    client.post(add, {"name": "Patel Market", "domains": "patel.test"})
    patel = Organization.objects.get(name="Patel Market")
    owner = member_of(patel)
    stranger = CustomerFactory()
    edit = reverse("organizations:edit", args=[patel.pk])
    wrong = client.post(edit, {"name": "Patel Market", "admin": stranger.pk})
    assert "Select a valid choice" in wrong.content.decode()
    client.post(edit, {"name": "Patel Market", "admin": owner.pk, "domains": "patel.test"})
    patel.refresh_from_db()
    assert patel.admin == owner


def test_agents_only_look_organisations_up(client, lopez):
    client.force_login(AgentFactory())

    listing = client.get(reverse("organizations:index"))
    client.post(reverse("organizations:add"), {"name": "Made by an agent"})

    assert listing.status_code == 200 and "Lopez Taqueria" in listing.content.decode()
    assert not Organization.objects.filter(name="Made by an agent").exists()


def test_the_organisations_listing_query_count_stays_flat(client, support_admin, lopez):
    lopez.admin = member_of(lopez)
    lopez.save()
    client.force_login(support_admin)
    url = reverse("organizations:index")
    count_queries(client, url)
    small = count_queries(client, url)

    for _ in range(10):
        organization = OrganizationFactory()
        organization.admin = member_of(organization)
        organization.save()

    assert count_queries(client, url) == small
