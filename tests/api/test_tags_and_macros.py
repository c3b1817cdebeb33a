"""Tags and macros in the API: the lists, `?tag=`, tags on staff tickets, applying a macro."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgentFactory, open_ticket
from tickets import workflow
from tickets.choices import Status
from tickets.models import CannedResponse, Tag, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags():
    return {
        name: Tag.objects.create(name=name, colour=colour)
        for name, colour in (("refund", "green"), ("driver", "blue"))
    }


@pytest.fixture
def macro(tags):
    macro = CannedResponse.objects.create(
        title="Ask for photos", body="Hi {customer_name}", set_status=Status.WAITING_ON_CUSTOMER
    )
    macro.add_tags.add(tags["refund"])
    return macro


def test_staff_list_the_tags(api, agent, tags):
    response = api(agent).get("/api/v1/tags/")

    assert response.json() == [
        {"id": tags["driver"].pk, "name": "driver", "colour": "blue"},
        {"id": tags["refund"].pk, "name": "refund", "colour": "green"},
    ]


def test_staff_tickets_carry_their_tags_and_customers_never_see_them(api, agent, customer, tags):
    ticket = open_ticket(customer)
    workflow.tag(ticket, by=agent, add=[tags["refund"]])

    staff = api(agent).get(f"/api/v1/tickets/{ticket.number}/").json()
    listed = api(agent).get("/api/v1/tickets/").json()["results"][0]
    own = api(customer).get(f"/api/v1/tickets/{ticket.number}/").json()

    assert (
        staff["tags"]
        == listed["tags"]
        == [{"id": tags["refund"].pk, "name": "refund", "colour": "green"}]
    )
    assert "tags" not in own
    [change] = [c for c in staff["history"] if c["field_changed"] == "tags"]
    assert (change["old_value"], change["new_value"]) == (None, "refund")
    assert "tags" not in [c["field_changed"] for c in own["history"]]


def test_the_ticket_list_filters_by_tag_name_in_any_case(api, agent, tags):
    tagged, _ = open_ticket(), open_ticket()
    workflow.tag(tagged, by=agent, add=[tags["driver"]])

    response = api(agent).get("/api/v1/tickets/?tag=DRIVER")

    assert [t["ticket_number"] for t in response.json()["results"]] == [tagged.number]


def test_an_unknown_tag_or_a_customer_filtering_by_tag_is_a_400(api, agent, customer, tags):
    open_ticket(customer)

    unknown = api(agent).get("/api/v1/tickets/?tag=nope")
    by_customer = api(customer).get("/api/v1/tickets/?tag=refund")

    assert unknown.status_code == 400 and "tag" in unknown.json()["errors"]
    assert by_customer.status_code == 400 and "tag" in by_customer.json()["errors"]


def test_the_ticket_list_query_count_is_flat_with_tags(api, agent, tags):
    client = api(agent)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/tickets/").status_code == 200
        return len(queries)

    workflow.tag(open_ticket(), by=agent, add=[tags["refund"]])
    small = count()
    for n in range(15):
        workflow.tag(open_ticket(), by=agent, add=list(tags.values())[: n % 3])

    assert count() == small


def test_macros_are_the_callers_own_and_the_shared_ones(api, agent, macro, tags):
    mine = CannedResponse.objects.create(title="Mine", body="x", owner=agent, assign_to_me=True)
    CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    CannedResponse.objects.create(title="Retired", body="x", is_active=False)

    response = api(agent).get("/api/v1/macros/").json()

    assert [m["title"] for m in response] == ["Ask for photos", "Mine"]
    shared, own = response
    assert shared["shared"] is True and own["shared"] is False
    assert shared["set_status"] == "waiting_on_customer"
    assert shared["add_tags"] == [{"id": tags["refund"].pk, "name": "refund", "colour": "green"}]
    assert own["assign_to_me"] is True and own["id"] == mine.pk


def test_applying_a_macro_posts_the_reply_and_runs_the_actions(api, agent, customer, macro):
    ticket = open_ticket(customer)

    response = api(agent).post(
        f"/api/v1/tickets/{ticket.number}/macros/{macro.pk}/",
        {"body": "Could you send a photo?"},
        format="json",
    )

    assert response.status_code == 200
    data = response.json()
    assert data["ticket_number"] == ticket.number
    assert data["status"] == "waiting_on_customer"
    assert [t["name"] for t in data["tags"]] == ["refund"]
    assert [c["comment"] for c in data["comments"]] == ["Could you send a photo?"]
    reasons = {c["change_reason"] for c in data["history"] if c["field_changed"] == "tags"}
    assert reasons == {"macro: Ask for photos"}


def test_applying_a_macro_without_a_body_runs_the_actions_alone(api, agent, macro):
    ticket = open_ticket()

    response = api(agent).post(f"/api/v1/tickets/{ticket.number}/macros/{macro.pk}/")

    assert response.status_code == 200
    assert response.json()["comments"] == []
    assert Ticket.objects.get(pk=ticket.pk).status == Status.WAITING_ON_CUSTOMER


def test_a_macro_that_cannot_run_is_a_400_and_changes_nothing(api, agent, macro):
    macro.assignee = AgentFactory()
    macro.save()
    ticket = open_ticket()

    response = api(agent).post(
        f"/api/v1/tickets/{ticket.number}/macros/{macro.pk}/", {"body": "Hi"}, format="json"
    )

    assert response.status_code == 400
    assert "macro" in response.json()["errors"]
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and not ticket.messages.exists()


def test_a_colleagues_personal_macro_is_a_404(api, agent):
    theirs = CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    ticket = open_ticket()

    response = api(agent).post(f"/api/v1/tickets/{ticket.number}/macros/{theirs.pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 401), ("owner", 403), ("other_customer", 403), ("agent", 200)]
    + [("support_admin", 200)],
)
def test_applying_a_macro_answers_each_role(api, users, customer, macro, role, expected):
    ticket = open_ticket(customer)

    response = api(users[role]).post(
        f"/api/v1/tickets/{ticket.number}/macros/{macro.pk}/", {"body": "Hi"}, format="json"
    )

    assert response.status_code == expected
    ticket.refresh_from_db()
    assert (ticket.status == Status.WAITING_ON_CUSTOMER) == (expected == 200)


@pytest.mark.parametrize("path", ["/api/v1/tags/", "/api/v1/macros/"])
def test_the_tag_and_macro_lists_query_count_is_flat(api, agent, tags, macro, path):
    client = api(agent)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    count()
    small = count()
    for n in range(15):
        extra = CannedResponse.objects.create(
            title=f"Macro {n}", body="x", owner=agent if n % 2 else None, assignee=agent
        )
        extra.add_tags.add(Tag.objects.create(name=f"tag {n}"))
        extra.remove_tags.add(tags["driver"])

    assert count() == small
