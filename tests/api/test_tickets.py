"""Opening, listing and reading tickets through the API: the workflow's rules, JSON errors by
field, filters, search, ordering and pagination."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import AgentFactory, CategoryFactory, OrderFactory, open_ticket
from tickets import workflow
from tickets.choices import Source
from tickets.models import Ticket

from .conftest import PDF

VALID = {
    "subject": "Missing items in my order",
    "description": "Two cases of limes were not in this morning's delivery.",
}


def test_a_customer_opens_a_ticket_with_the_seed_shape(api, customer, category):
    order = OrderFactory(customer=customer, number="DD202512150001")

    response = api(customer).post(
        "/api/v1/tickets/",
        {
            **VALID,
            "category": category.pk,
            "priority": "high",
            "priority_justification": "Lunch service at noon",
            "order": order.number,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    ticket = Ticket.objects.get(number=data["ticket_number"])
    assert ticket.customer == customer and ticket.source == Source.API
    assert data["id"] == ticket.pk
    assert data["customer"] == {
        "id": customer.pk,
        "name": customer.get_full_name(),
        "business_name": customer.business_name,
        "email": customer.email,
    }
    assert data["order"]["order_number"] == "DD202512150001"
    assert [line["product"] for line in data["order"]["lines"]] == ["Product 0", "Product 1"]
    assert data["category"] == {"id": category.pk, "name": "Order issue"}
    assert (data["priority"], data["status"]) == ("high", "open")
    assert data["comments"] == [] and data["history"] == []
    assert response["Content-Type"] == "application/json"


def test_bad_input_is_a_400_with_messages_by_field(api, customer):
    response = api(customer).post(
        "/api/v1/tickets/",
        {"subject": "Hi", "description": "Too short", "priority": "urgent"},
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["errors"]) == {"subject", "description", "priority_justification"}
    assert "at least 5" in body["errors"]["subject"][0]
    assert not Ticket.objects.exists()


def test_missing_and_mistyped_fields_are_field_errors(api, customer):
    response = api(customer).post(
        "/api/v1/tickets/", {"subject": ["a list"], "priority": "whenever"}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"subject", "description", "priority"}


def test_another_customers_order_is_refused_without_saying_it_exists(api, customer):
    theirs = OrderFactory(number="ORD-THEIRS")

    response = api(customer).post(
        "/api/v1/tickets/", {**VALID, "order": theirs.number}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["order"]
    assert response.json()["errors"]["order"] == ["Object with number=ORD-THEIRS does not exist."]


def test_inactive_category_is_refused_by_the_workflow(api, customer):
    retired = CategoryFactory(name="Retired", is_active=False)

    response = api(customer).post(
        "/api/v1/tickets/", {**VALID, "category": retired.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"category": ["Choose one of the categories offered."]}


def test_files_upload_as_multipart_and_are_checked_by_content(api, customer):
    response = api(customer).post(
        "/api/v1/tickets/",
        {
            **VALID,
            "attachments": [
                SimpleUploadedFile("invoice.pdf", PDF),
                SimpleUploadedFile("photo.png", b"MZ\x90\x00not an image"),
            ],
        },
        format="multipart",
    )

    assert response.status_code == 400
    assert "photo.png is not a file type we accept" in response.json()["errors"]["attachments"][0]

    response = api(customer).post(
        "/api/v1/tickets/",
        {**VALID, "attachments": [SimpleUploadedFile("invoice.pdf", PDF)]},
        format="multipart",
    )

    assert response.status_code == 201
    [attachment] = response.json()["attachments"]
    assert attachment["name"] == "invoice.pdf"
    assert attachment["content_type"] == "application/pdf"
    assert attachment["size"] == len(PDF)
    assert attachment["download_url"].startswith("http://testserver/api/v1/tickets/")


def test_the_eleventh_ticket_in_an_hour_is_a_429_with_retry_after(api, customer):
    client = api(customer)
    for n in range(10):
        assert client.post("/api/v1/tickets/", VALID, format="json").status_code == 201, n

    response = client.post("/api/v1/tickets/", VALID, format="json")

    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert 0 < int(response["Retry-After"]) <= 3600
    assert Ticket.objects.count() == 10


def test_staff_open_a_ticket_on_a_customers_behalf(api, agent, customer):
    response = api(agent).post(
        "/api/v1/tickets/", {**VALID, "customer": customer.pk}, format="json"
    )

    assert response.status_code == 201
    ticket = Ticket.objects.get()
    assert ticket.customer == customer
    assert ticket.history.earliest().history_user == agent


def test_a_customer_cannot_open_a_ticket_for_someone_else(api, customer, other_customer):
    response = api(customer).post(
        "/api/v1/tickets/", {**VALID, "customer": other_customer.pk}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["customer"]
    assert not Ticket.objects.exists()


# ── Lists ────────────────────────────────────────────────────────────────────────────────────


def _numbers(response):
    assert response.status_code == 200, response.json()
    return [t["ticket_number"] for t in response.json()["results"]]


def test_customers_list_their_own_tickets_and_staff_list_all(
    api, customer, agent, ticket, other_ticket
):
    assert _numbers(api(customer).get("/api/v1/tickets/")) == [ticket.number]
    assert set(_numbers(api(agent).get("/api/v1/tickets/"))) == {ticket.number, other_ticket.number}


def test_pages_of_20_with_count_next_and_previous(api, customer):
    for _ in range(23):
        open_ticket(customer)
    client = api(customer)

    first = client.get("/api/v1/tickets/").json()
    second = client.get(first["next"]).json()

    assert first["count"] == 23 and len(first["results"]) == 20
    assert first["previous"] is None and first["next"].endswith("/api/v1/tickets/?page=2")
    assert len(second["results"]) == 3 and second["next"] is None
    assert client.get("/api/v1/tickets/?page=9").status_code == 404


@pytest.fixture
def spread(customer, category):
    """Four tickets of one customer, a day apart, of several statuses, priorities, categories."""
    agent = AgentFactory()
    other_category = CategoryFactory(name="Payment issue")
    order = OrderFactory(customer=customer, number="ORD-LIMES-7")
    tickets = {}
    start = timezone.now() - timedelta(days=10)
    specs = [
        ("first", {"subject": "Limes missing again", "category": category, "order": order}),
        (
            "second",
            {
                "subject": "Card charged twice",
                "category": other_category,
                "priority": "urgent",
                "priority_justification": "Money",
            },
        ),
        ("third", {"subject": "Driver was rude", "priority": "low"}),
        ("fourth", {"subject": "Invoice copy please", "category": category}),
    ]
    for days, (name, kwargs) in enumerate(specs):
        with freeze_time(start + timedelta(days=days)):
            tickets[name] = open_ticket(customer, **kwargs)
    workflow.assign(tickets["second"], by=agent, assignee=agent)
    workflow.change_status(tickets["third"], by=agent, status="resolved")
    tickets["agent"] = agent
    tickets["start"] = start
    return tickets


def test_filters_by_status_priority_category_and_dates(api, customer, category, spread):
    client = api(customer)

    def day(n):
        return timezone.localdate(spread["start"] + timedelta(days=n)).isoformat()

    assert _numbers(client.get("/api/v1/tickets/?status=resolved")) == [spread["third"].number]
    assert set(_numbers(client.get("/api/v1/tickets/?priority=urgent&priority=low"))) == {
        spread["second"].number,
        spread["third"].number,
    }
    assert set(_numbers(client.get(f"/api/v1/tickets/?category={category.pk}"))) == {
        spread["first"].number,
        spread["fourth"].number,
    }
    in_range = f"/api/v1/tickets/?created_from={day(1)}&created_to={day(2)}"
    assert set(_numbers(client.get(in_range))) == {spread["second"].number, spread["third"].number}


def test_staff_filter_by_assignee(api, spread):
    agent = spread["agent"]
    client = api(agent)

    assert _numbers(client.get("/api/v1/tickets/?assignee=me")) == [spread["second"].number]
    by_id = client.get(f"/api/v1/tickets/?assignee={agent.pk}")
    assert _numbers(by_id) == [spread["second"].number]
    assert len(_numbers(client.get("/api/v1/tickets/?assignee=unassigned"))) == 3


def test_customers_cannot_probe_assignees(api, customer, spread):
    response = api(customer).get(f"/api/v1/tickets/?assignee={spread['agent'].pk}")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["assignee"]


def test_search_matches_number_subject_or_order_number(api, customer, spread):
    client = api(customer)

    assert _numbers(client.get("/api/v1/tickets/?search=limes-7")) == [spread["first"].number]
    assert _numbers(client.get("/api/v1/tickets/?search=charged")) == [spread["second"].number]
    assert _numbers(client.get(f"/api/v1/tickets/?search={spread['fourth'].number}")) == [
        spread["fourth"].number
    ]


def test_search_never_matches_through_another_customers_order(api, customer, other_customer):
    open_ticket(other_customer, order=OrderFactory(customer=other_customer, number="SECRET-42"))
    open_ticket(customer)

    assert _numbers(api(customer).get("/api/v1/tickets/?search=SECRET-42")) == []


def test_ordering(api, customer, spread):
    client = api(customer)

    def by(ordering):
        return _numbers(client.get(f"/api/v1/tickets/?ordering={ordering}"))

    names = {t.number: name for name, t in spread.items() if isinstance(t, Ticket)}

    assert [names[n] for n in by("created_at")] == ["first", "second", "third", "fourth"]
    assert [names[n] for n in by("-created_at")] == ["fourth", "third", "second", "first"]
    assert [names[n] for n in by("priority")] == ["second", "first", "fourth", "third"]
    assert client.get("/api/v1/tickets/?ordering=subject; drop").status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "status=lost",
        "priority=1",
        "category=abc",
        "category=999999999999999999999",
        "created_from=yesterday",
        "search=%00",
        "assignee=me",
    ],
)
def test_bad_filters_are_400_not_500(api, customer, query):
    response = api(customer).get(f"/api/v1/tickets/?{query}")

    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid"


def test_list_shows_unread_replies(api, customer, ticket):
    rows = api(customer).get("/api/v1/tickets/").json()["results"]
    assert rows[0]["unread"] is True

    api(customer).get(f"/api/v1/tickets/{ticket.number}/")

    rows = api(customer).get("/api/v1/tickets/").json()["results"]
    assert rows[0]["unread"] is False


def test_customer_history_shows_status_changes_without_who_or_why(api, customer, resolved_ticket):
    history = api(customer).get(f"/api/v1/tickets/{resolved_ticket.number}/").json()["history"]

    assert [(h["old_value"], h["new_value"]) for h in history] == [
        ("open", "in_progress"),
        ("in_progress", "resolved"),
    ]
    assert all(set(h) == {"field_changed", "old_value", "new_value", "created_at"} for h in history)


def test_staff_history_lists_each_changed_field_with_reason(
    api, agent, resolved_ticket, staff_agent
):
    history = api(agent).get(f"/api/v1/tickets/{resolved_ticket.number}/").json()["history"]

    changes = [
        (h["field_changed"], h["old_value"], h["new_value"], h["change_reason"]) for h in history
    ]
    assert changes == [
        ("status", "open", "in_progress", "Staff replied"),
        ("priority", "medium", "high", "VIP customer"),
        ("status", "in_progress", "resolved", "Refund sent"),
    ]
    assert history[-1]["changed_by"] == {"id": staff_agent.pk, "name": staff_agent.get_full_name()}


def test_a_closed_tickets_follow_up_names_it(api, customer, ticket):
    follow_up = open_ticket(customer, previous_ticket=ticket)

    data = api(customer).get(f"/api/v1/tickets/{follow_up.number}/").json()

    assert data["previous_ticket"] == ticket.number


def test_unknown_ticket_is_a_json_404(api, customer):
    response = api(customer).get("/api/v1/tickets/TKT000/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}
