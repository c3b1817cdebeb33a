"""Status, priority and assignee changes (staff), feedback and confirmation (customer)."""

import pytest

from tests.factories import AgentFactory
from tickets import workflow
from tickets.choices import Status
from tickets.models import Feedback


def test_staff_change_the_status_with_a_reason(api, agent, ticket):
    response = api(agent).patch(
        f"/api/v1/tickets/{ticket.number}/status/",
        {"status": "resolved", "reason": "Issue has been addressed and replacement items sent"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["status"] == "resolved"
    assert {"id", "status", "updated_at"} <= response.json().keys()
    record = ticket.history.latest()
    assert record.history_change_reason == "Issue has been addressed and replacement items sent"
    assert record.history_user == agent


def test_a_move_the_table_forbids_is_a_400_naming_the_allowed_ones(api, agent, resolved_ticket):
    response = api(agent).patch(
        f"/api/v1/tickets/{resolved_ticket.number}/status/",
        {"status": "waiting_on_customer"},
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_transition"
    assert body["allowed_transitions"] == ["in_progress", "closed"]
    assert "Allowed: In progress, Closed." in body["detail"]
    assert body["errors"]["status"] == [body["detail"]]


def test_closed_is_final(api, agent, ticket):
    workflow.change_status(ticket, by=agent, status=Status.CLOSED)

    response = api(agent).patch(
        f"/api/v1/tickets/{ticket.number}/status/", {"status": "open"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["allowed_transitions"] == []


def test_an_unknown_status_or_too_long_reason_is_a_field_error(api, agent, ticket):
    client = api(agent)
    url = f"/api/v1/tickets/{ticket.number}/status/"

    unknown = client.patch(url, {"status": "lost"}, format="json")
    assert unknown.json()["errors"].keys() == {"status"}
    response = client.patch(url, {"status": "resolved", "reason": "x" * 101}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"].keys() == {"reason"}


def test_staff_change_the_priority(api, agent, ticket):
    response = api(agent).patch(
        f"/api/v1/tickets/{ticket.number}/priority/",
        {"priority": "urgent", "reason": "Restaurant closed"},
        format="json",
    )

    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.priority == "urgent"


def test_customers_cannot_change_status_priority_or_assignee(api, customer, ticket):
    client = api(customer)
    for path, body in [
        ("status", {"status": "closed"}),
        ("priority", {"priority": "urgent"}),
        ("assignee", {"assignee": customer.pk}),
    ]:
        response = client.patch(f"/api/v1/tickets/{ticket.number}/{path}/", body, format="json")
        assert response.status_code == 403, path
        assert response.json()["detail"] == "Only support staff may do this."
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.assignee) == ("in_progress", "high", None)


def test_an_agent_takes_a_ticket_but_cannot_hand_it_to_someone_else(api, agent, ticket):
    colleague = AgentFactory()
    url = f"/api/v1/tickets/{ticket.number}/assignee/"

    assert api(agent).patch(url, {"assignee": colleague.pk}, format="json").status_code == 403
    response = api(agent).patch(url, {"assignee": agent.pk}, format="json")

    assert response.status_code == 200
    assert response.json()["assignee"] == {"id": agent.pk, "name": agent.get_full_name()}


def test_a_support_admin_assigns_to_any_agent_but_not_to_a_customer(
    api, support_admin, customer, ticket
):
    colleague = AgentFactory()
    url = f"/api/v1/tickets/{ticket.number}/assignee/"

    response = api(support_admin).patch(url, {"assignee": customer.pk}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "assignee": ["Tickets can only be assigned to support agents."]
    }

    client = api(support_admin)
    assert client.patch(url, {"assignee": colleague.pk}, format="json").status_code == 200
    assert client.patch(url, {"assignee": None}, format="json").json()["assignee"] is None


def test_the_customer_rates_a_resolved_ticket_once(api, customer, resolved_ticket):
    url = f"/api/v1/tickets/{resolved_ticket.number}/feedback/"

    response = api(customer).post(url, {"rating": 4, "comment": "Thanks"}, format="json")
    assert response.status_code == 201
    assert response.json()["rating"] == 4

    again = api(customer).post(url, {"rating": 5}, format="json")
    assert again.status_code == 400
    assert again.json()["errors"] == {"rating": ["You have already rated this ticket."]}
    assert Feedback.objects.get().rating == 4


@pytest.mark.parametrize("rating", [0, 6, "five", None])
def test_a_rating_outside_1_to_5_is_a_field_error(api, customer, resolved_ticket, rating):
    response = api(customer).post(
        f"/api/v1/tickets/{resolved_ticket.number}/feedback/", {"rating": rating}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"].keys() == {"rating"}


def test_an_unresolved_ticket_cannot_be_rated_or_confirmed(api, customer, ticket):
    client = api(customer)

    rated = client.post(f"/api/v1/tickets/{ticket.number}/feedback/", {"rating": 5}, format="json")
    confirmed = client.post(f"/api/v1/tickets/{ticket.number}/confirm/")

    assert rated.json()["errors"] == {"rating": ["You can rate a ticket once it is resolved."]}
    assert confirmed.status_code == 400
    assert confirmed.json()["errors"] == {
        "non_field_errors": ["Only a resolved ticket can be confirmed."]
    }


def test_the_customer_confirms_the_resolution_and_the_ticket_closes(api, customer, resolved_ticket):
    response = api(customer).post(f"/api/v1/tickets/{resolved_ticket.number}/confirm/")

    assert response.status_code == 200
    assert response.json()["status"] == "closed"
