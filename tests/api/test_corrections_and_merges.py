"""PATCH /api/v1/tickets/{number}/ (corrections), POST /api/v1/tickets/{number}/merge/, and
POST /api/v1/tickets/ by customer_email: staff only, the workflow's rules and errors."""

import pytest

from accounts.models import User
from tests.api.conftest import ROLES
from tests.factories import CategoryFactory, OrderFactory, open_ticket
from tickets.choices import Source, Status
from tickets.models import Tag, Ticket

pytestmark = pytest.mark.django_db


def detail(ticket):
    return f"/api/v1/tickets/{ticket.number}/"


# Corrections


def test_staff_correct_category_order_subject_and_escalation(api, agent, ticket, customer):
    delivery = CategoryFactory(name="Delivery")
    order = OrderFactory(customer=customer, number="ORD-OWNER-2")

    response = api(agent).patch(
        detail(ticket),
        {
            "category": delivery.pk,
            "order": "ORD-OWNER-2",
            "subject": "Limes missing from Tuesday",
            "escalated": True,
            "resolution_notes": "Credit issued.",
            "reason": "Misfiled by the customer",
        },
        format="json",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["category"]["name"] == "Delivery"
    assert body["order"]["order_number"] == "ORD-OWNER-2"
    assert (body["escalated"], body["resolution_notes"]) == (True, "Credit issued.")
    changes = {row["field_changed"]: row for row in body["history"][-5:]}
    assert changes["order"]["new_value"] == "ORD-OWNER-2"
    assert changes["category"]["change_reason"] == "Misfiled by the customer"
    ticket.refresh_from_db()
    assert (ticket.category, ticket.order) == (delivery, order)


def test_staff_set_a_tickets_tags_by_name_in_the_same_correction(api, agent, ticket):
    """`tags` is the whole set the ticket should carry: what is missing goes on, the rest off,
    in one history entry with the correction's reason."""
    Tag.objects.create(name="Refund")
    Tag.objects.create(name="VIP")
    ticket.tags.add(Tag.objects.create(name="Spam"))

    response = api(agent).patch(
        detail(ticket),
        {"tags": ["refund", "VIP"], "subject": "Refund for the limes", "reason": "Sorted out"},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert sorted(tag["name"] for tag in response.json()["tags"]) == ["Refund", "VIP"]
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["Refund", "VIP"]
    tags_change = [row for row in response.json()["history"] if row["field_changed"] == "tags"]
    assert tags_change[-1]["change_reason"] == "Sorted out"


def test_an_unknown_tag_is_a_400_and_nothing_changes(api, agent, ticket):
    Tag.objects.create(name="Refund")

    response = api(agent).patch(
        detail(ticket),
        {"tags": ["Refund", "No such tag"], "subject": "Changed", "reason": "x"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"tags"}
    ticket.refresh_from_db()
    assert (ticket.subject != "Changed", ticket.tags.count()) == (True, 0)


def test_unknown_and_read_only_fields_are_a_400_naming_them(api, agent, ticket):
    response = api(agent).patch(
        detail(ticket),
        {"status": "closed", "customer": 1, "colour": "red", "reason": "x"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status", "customer", "colour"}
    ticket.refresh_from_db()
    assert ticket.status != Status.CLOSED


def test_a_change_without_a_reason_and_bad_values_are_reported_together(
    api, agent, ticket, other_ticket
):
    response = api(agent).patch(
        detail(ticket), {"subject": "abc", "order": "ORD-OTHER-1"}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"subject", "order", "reason"}
    ticket.refresh_from_db()
    assert ticket.order.number == "ORD-OWNER-1"


def test_a_correction_that_changes_nothing_is_a_no_op(api, agent, ticket):
    before = ticket.history.count()

    response = api(agent).patch(detail(ticket), {"subject": ticket.subject}, format="json")

    assert response.status_code == 200
    assert ticket.history.count() == before


CORRECT_EXPECTED = {
    "anonymous": 401,
    "owner": 403,
    "other_customer": 404,
    "agent": 200,
    "support_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_correct(api, users, role, ticket):
    response = api(users[role]).patch(
        detail(ticket), {"subject": "A corrected subject", "reason": "Typo"}, format="json"
    )

    assert response.status_code == CORRECT_EXPECTED[role]
    ticket.refresh_from_db()
    assert (ticket.subject == "A corrected subject") == (CORRECT_EXPECTED[role] == 200)


# Merges


def test_staff_merge_a_duplicate_and_its_number_still_answers(api, agent, ticket, customer):
    target = open_ticket(customer)

    response = api(agent).post(
        f"/api/v1/tickets/{ticket.number}/merge/",
        {"into": target.number, "reason": "Same order"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["ticket_number"] == target.number
    old = api(customer).get(detail(ticket)).json()
    assert (old["merged_into"], old["status"]) == (target.number, "closed")
    assert api(agent).get(detail(ticket)).json()["merged_into"] == target.number
    moved = api(customer).get(detail(target)).json()["comments"]
    assert "We're looking into it." in [comment["comment"] for comment in moved]
    assert api(customer).get(detail(target)).json()["merged_into"] is None


def test_merge_errors_are_400s_by_field(api, agent, support_admin, ticket, other_ticket):
    url = f"/api/v1/tickets/{ticket.number}/merge/"
    client = api(agent)

    assert client.post(url, {"into": "TKT0"}, format="json").json()["errors"] == {
        "into": ["No such ticket."]
    }
    assert "into" in client.post(url, {"into": ticket.number}, format="json").json()["errors"]
    assert client.post(url, {"into": "x", "extra": 1}, format="json").json()["errors"] == {
        "extra": ["Unknown or read-only field."]
    }
    # Another customer's ticket: agents may not, support admins may.
    assert client.post(url, {"into": other_ticket.number}, format="json").status_code == 403
    assert (
        api(support_admin).post(url, {"into": other_ticket.number}, format="json").status_code
        == 200
    )


MERGE_EXPECTED = {
    "anonymous": 401,
    "owner": 403,
    "other_customer": 403,
    "agent": 200,
    "support_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_merge(api, users, role, ticket, customer):
    target = open_ticket(customer)

    response = api(users[role]).post(
        f"/api/v1/tickets/{ticket.number}/merge/", {"into": target.number}, format="json"
    )

    assert response.status_code == MERGE_EXPECTED[role]
    ticket.refresh_from_db()
    assert (ticket.merged_into == target) == (MERGE_EXPECTED[role] == 200)


# Opening for a customer by email

NEW = {
    "subject": "Phone: limes missing",
    "description": "Called to say two cases of limes were not delivered.",
}


def test_staff_open_a_ticket_for_a_new_customer_by_email(api, agent):
    response = api(agent).post(
        "/api/v1/tickets/",
        {
            **NEW,
            "customer_email": "caller@example.com",
            "customer_name": "Casey",
            "source": "phone",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["customer"]["email"] == "caller@example.com" and body["source"] == "phone"
    assert not User.objects.get(email="caller@example.com").has_usable_password()


def test_staff_open_for_an_existing_customer_by_email(api, agent, customer):
    response = api(agent).post(
        "/api/v1/tickets/", {**NEW, "customer_email": customer.email.upper()}, format="json"
    )

    assert response.status_code == 201
    assert Ticket.objects.get(number=response.json()["ticket_number"]).customer == customer
    assert Ticket.objects.get(number=response.json()["ticket_number"]).source == Source.API


def test_a_bad_customer_email_is_a_400_and_nothing_is_made(api, agent):
    response = api(agent).post(
        "/api/v1/tickets/", {**NEW, "customer_email": "nope", "subject": "Hi"}, format="json"
    )

    assert response.status_code == 400
    assert {"customer_email", "subject"} <= set(response.json()["errors"])
    assert not Ticket.objects.exists()


def test_customers_keep_todays_behaviour_and_cannot_name_someone_else(api, customer):
    response = api(customer).post(
        "/api/v1/tickets/",
        {**NEW, "customer_email": "victim@example.com", "source": "phone"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"customer_email", "source"}
    assert not User.objects.filter(email="victim@example.com").exists()

    response = api(customer).post("/api/v1/tickets/", NEW, format="json")
    assert response.status_code == 201
    assert response.json()["customer"]["email"] == customer.email


def test_staff_correct_a_custom_field_by_label(api, agent, customer):
    ticket = open_ticket(customer, extra_fields={"Store": "North", "Cases": "3"})

    response = api(agent).patch(
        detail(ticket),
        {"extra_fields": {"Store": "South"}, "reason": "Wrong store"},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert response.json()["extra_fields"] == {"Store": "South", "Cases": "3"}
    unknown = api(agent).patch(
        detail(ticket), {"extra_fields": {"Shop": "x"}, "reason": "Typo"}, format="json"
    )
    assert unknown.status_code == 400 and "extra_fields" in str(unknown.json())
