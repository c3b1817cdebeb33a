"""Every endpoint × every role: the status each gets, and that customers never receive internal
notes, another customer's data or staff-only fields."""

import json

import pytest

from tickets.models import Attachment

from .conftest import INTERNAL_FILE, INTERNAL_MARKER, ROLES

NEW_TICKET = {
    "subject": "Wrong sauce delivered",
    "description": "We ordered mild salsa and got extra hot, two cases of it.",
}

#: (name, method, path template, body, {role: expected status})
#: Path templates may use {number} (the owner's ticket), {order} (the owner's order), {file}
#: (the public reply's file), {note_file} (the internal note's file) and {me} (the caller's id).
MATRIX = [
    ("list tickets", "get", "/api/v1/tickets/", None, [401, 200, 200, 200, 200]),
    ("open ticket", "post", "/api/v1/tickets/", NEW_TICKET, [401, 201, 201, 201, 201]),
    ("ticket detail", "get", "/api/v1/tickets/{number}/", None, [401, 200, 404, 200, 200]),
    ("list comments", "get", "/api/v1/tickets/{number}/comments/", None, [401, 200, 404, 200, 200]),
    (
        "reply",
        "post",
        "/api/v1/tickets/{number}/comments/",
        {"comment": "Any news?"},
        [401, 201, 404, 201, 201],
    ),
    (
        "internal note",
        "post",
        "/api/v1/tickets/{number}/comments/",
        {"comment": "Check the driver's log.", "is_internal": True},
        [401, 403, 404, 201, 201],
    ),
    (
        "change status",
        "patch",
        "/api/v1/tickets/{number}/status/",
        {"status": "waiting_on_customer", "reason": "Asked for a photo"},
        [401, 403, 403, 200, 200],
    ),
    (
        "change priority",
        "patch",
        "/api/v1/tickets/{number}/priority/",
        {"priority": "urgent"},
        [401, 403, 403, 200, 200],
    ),
    (
        "take the ticket",
        "patch",
        "/api/v1/tickets/{number}/assignee/",
        {"assignee": "{me}"},
        [401, 403, 403, 200, 200],
    ),
    (
        "download file",
        "get",
        "/api/v1/tickets/{number}/attachments/{file}/",
        None,
        [401, 200, 404, 200, 200],
    ),
    (
        "download internal note's file",
        "get",
        "/api/v1/tickets/{number}/attachments/{note_file}/",
        None,
        [401, 404, 404, 200, 200],
    ),
    ("ccs", "get", "/api/v1/tickets/{number}/cc/", None, [401, 200, 404, 200, 200]),
    (
        "set ccs",
        "put",
        "/api/v1/tickets/{number}/cc/",
        {"cc": ["chef@example.org"]},
        [401, 200, 404, 200, 200],
    ),
    ("stats", "get", "/api/v1/stats/", None, [401, 403, 403, 200, 200]),
    ("agents", "get", "/api/v1/agents/", None, [401, 403, 403, 200, 200]),
    ("tags", "get", "/api/v1/tags/", None, [401, 403, 403, 200, 200]),
    ("organizations", "get", "/api/v1/organizations/", None, [401, 403, 403, 200, 200]),
    ("macros", "get", "/api/v1/macros/", None, [401, 403, 403, 200, 200]),
    ("me", "get", "/api/v1/me/", None, [401, 200, 200, 200, 200]),
    ("categories", "get", "/api/v1/categories/", None, [200, 200, 200, 200, 200]),
    ("orders", "get", "/api/v1/orders/", None, [401, 200, 200, 200, 200]),
    ("order detail", "get", "/api/v1/orders/{order}/", None, [401, 200, 404, 200, 200]),
    ("article search", "get", "/api/v1/articles/?q=delivery", None, [200, 200, 200, 200, 200]),
]

#: On a resolved ticket: only its customer may rate it or confirm the resolution.
RESOLVED_MATRIX = [
    (
        "rate",
        "post",
        "/api/v1/tickets/{number}/feedback/",
        {"rating": 5, "comment": "Quick and kind."},
        [401, 201, 404, 403, 403],
    ),
    ("confirm", "post", "/api/v1/tickets/{number}/confirm/", None, [401, 200, 404, 403, 403]),
]


def _cases(matrix):
    return [
        pytest.param(method, path, body, role, expected[i], id=f"{name}-{role}")
        for name, method, path, body, expected in matrix
        for i, role in enumerate(ROLES)
    ]


def _fill(template, ticket, user):
    files = {a.original_name: a.pk for a in Attachment.objects.filter(ticket=ticket)}
    values = {
        "number": ticket.number,
        "order": ticket.order.number,
        "file": files["reply.txt"],
        "note_file": files[INTERNAL_FILE],
        "me": user.pk if user else 0,
    }
    if isinstance(template, str):
        return template.format(**values)
    if isinstance(template, dict):
        return {k: (int(_fill(v, ticket, user)) if v == "{me}" else v) for k, v in template.items()}
    return template


def _call(api, user, method, path, body, ticket):
    client = api(user)
    kwargs = {"format": "json"} if body is not None else {}
    return getattr(client, method)(_fill(path, ticket, user), _fill(body, ticket, user), **kwargs)


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), _cases(MATRIX))
def test_each_role_gets_the_expected_status(
    api, users, ticket, other_ticket, method, path, body, role, expected
):
    response = _call(api, users[role], method, path, body, ticket)

    assert response.status_code == expected, response.content[:500]
    if response["Content-Type"].startswith("application/json"):
        assert isinstance(response.json(), (dict, list))


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), _cases(RESOLVED_MATRIX))
def test_only_the_customer_rates_or_confirms_a_resolved_ticket(
    api, users, resolved_ticket, method, path, body, role, expected
):
    response = _call(api, users[role], method, path, body, resolved_ticket)

    assert response.status_code == expected, response.content[:500]


def test_unauthenticated_calls_answer_401_with_a_challenge(api, ticket):
    response = api(None).get(f"/api/v1/tickets/{ticket.number}/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == "not_authenticated"


# Keys only staff ever receive, anywhere in a response.
STAFF_ONLY_KEYS = {
    "assignee",
    "source",
    "escalated",
    "escalated_at",
    "first_response_at",
    "first_response_due_at",
    "resolution_due_at",
    "first_response_breached_at",
    "resolution_breached_at",
    "resolution_notes",
    "extra_fields",
    "allowed_transitions",
    "changed_by",
    "change_reason",
    "tags",
    "organization",
}


def _keys(data):
    if isinstance(data, dict):
        yield from data
        for value in data.values():
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)


@pytest.mark.parametrize("role", ["owner", "other_customer"])
def test_customers_never_receive_internal_notes_others_data_or_staff_fields(
    api, users, ticket, other_ticket, staff_agent, role
):
    user = users[role]
    client = api(user)
    paths = [
        "/api/v1/tickets/",
        "/api/v1/tickets/?search=ORD",
        f"/api/v1/tickets/{ticket.number}/",
        f"/api/v1/tickets/{ticket.number}/comments/",
        f"/api/v1/tickets/{other_ticket.number}/",
        "/api/v1/orders/",
        "/api/v1/me/",
    ]
    bodies = []
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        bodies.append(response.json())
    # And what a customer's own writes return.
    bodies.append(client.post("/api/v1/tickets/", NEW_TICKET, format="json").json())
    text = json.dumps(bodies)

    assert INTERNAL_MARKER not in text
    assert INTERNAL_FILE not in text
    assert "VIP customer" not in text  # a change reason
    assert staff_agent.email not in text
    assert "Responder" not in text  # staff are shown by first name only
    assert not STAFF_ONLY_KEYS & set(_keys(bodies))
    other = users["other_customer"] if role == "owner" else users["owner"]
    assert other.email not in text
    mine, theirs = (ticket, other_ticket) if role == "owner" else (other_ticket, ticket)
    assert theirs.number not in text
    assert theirs.subject not in text
    assert theirs.order.number not in text
    assert mine.number in text


def test_owner_sees_the_public_thread_with_staff_by_first_name(api, customer, ticket):
    data = api(customer).get(f"/api/v1/tickets/{ticket.number}/").json()

    assert [c["comment"] for c in data["comments"]] == ["We're looking into it."]
    assert data["comments"][0]["author"] == {"name": "Dana", "is_staff": True}
    assert data["comments"][0]["is_staff_comment"] is True
    assert [a["name"] for a in data["comments"][0]["attachments"]] == ["reply.txt"]
    assert [a["name"] for a in data["attachments"]] == ["invoice.pdf"]


def test_staff_see_internal_notes_who_and_why(api, agent, ticket, staff_agent):
    data = api(agent).get(f"/api/v1/tickets/{ticket.number}/").json()

    notes = [c for c in data["comments"] if c["is_internal"]]
    assert [n["comment"] for n in notes] == [INTERNAL_MARKER]
    assert notes[0]["author"]["email"] == staff_agent.email
    assert [a["name"] for a in notes[0]["attachments"]] == [INTERNAL_FILE]
    priority = [h for h in data["history"] if h["field_changed"] == "priority"]
    assert priority[0]["change_reason"] == "VIP customer"
    assert priority[0]["changed_by"]["id"] == staff_agent.pk
    assert data["assignee"] is None
    assert "waiting_on_customer" in data["allowed_transitions"]


def test_other_customers_ticket_number_in_any_ticket_path_is_404(api, other_customer, ticket):
    client = api(other_customer)
    for suffix in ("", "comments/", "feedback/", "confirm/"):
        method = client.get if suffix in ("", "comments/") else client.post
        response = method(f"/api/v1/tickets/{ticket.number}/{suffix}", {"rating": 5}, format="json")
        assert response.status_code == 404, suffix
        assert ticket.subject not in response.content.decode()
