"""Organisations in the API: staff read a ticket's organisation, list organisations and filter by
one; members who see each other's tickets get the organisation's tickets in their lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CustomerFactory, OrganizationFactory, member_of, open_ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def lopez():
    return OrganizationFactory(name="Lopez Taqueria", domains="lopez.test")


def test_staff_read_the_tickets_organisation_and_filter_by_it(api, agent, lopez):
    theirs = open_ticket(member_of(lopez))
    open_ticket(CustomerFactory())
    client = api(agent)

    listed = client.get("/api/v1/tickets/", {"organization": lopez.pk}).json()["results"]
    detail = client.get(f"/api/v1/tickets/{theirs.number}/").json()

    assert [ticket["ticket_number"] for ticket in listed] == [theirs.number]
    assert listed[0]["organization"] == {"id": lopez.pk, "name": "Lopez Taqueria"}
    assert detail["organization"]["name"] == "Lopez Taqueria"


def test_a_bad_or_customers_organisation_filter_is_a_400(api, agent, lopez):
    assert api(agent).get("/api/v1/tickets/", {"organization": "nope"}).status_code == 400
    assert api(agent).get("/api/v1/tickets/", {"organization": lopez.pk + 99}).status_code == 400
    member = member_of(lopez)
    response = api(member).get("/api/v1/tickets/", {"organization": lopez.pk})
    assert response.status_code == 400
    assert "organization" in response.json()["errors"] or "organization" in response.json()


def test_staff_list_organisations(api, agent, lopez):
    member_of(lopez)
    member_of(lopez)

    (row,) = api(agent).get("/api/v1/organizations/").json()

    assert row["name"] == "Lopez Taqueria"
    assert row["domains"] == ["lopez.test"]
    assert row["member_count"] == 2
    assert row["members_see_each_others_tickets"] is True


def test_members_list_the_organisations_tickets_without_its_staff_fields(api, lopez):
    maria, manager = member_of(lopez), member_of(lopez)
    ticket = open_ticket(maria, subject="Stale tortillas")
    client = api(manager)

    (listed,) = client.get("/api/v1/tickets/").json()["results"]
    detail = client.get(f"/api/v1/tickets/{ticket.number}/")

    assert listed["ticket_number"] == ticket.number and "organization" not in listed
    assert detail.status_code == 200
    assert api(CustomerFactory()).get(f"/api/v1/tickets/{ticket.number}/").status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["agent", "member"])
def test_organisation_lists_run_a_fixed_number_of_queries(api, agent, lopez, who):
    viewer = agent if who == "agent" else member_of(lopez)
    client = api(viewer)
    open_ticket(member_of(lopez))
    url = "/api/v1/organizations/" if who == "agent" else "/api/v1/tickets/"
    _queries(client, url)
    few = _queries(client, url)

    for _ in range(6):
        open_ticket(member_of(lopez))
        OrganizationFactory()

    assert _queries(client, url) == few
