"""Errors are JSON with one shape, bad input is never a 500, and bursts get a 429."""

import pytest
from django.test import override_settings

from .test_tickets import VALID


def test_malformed_json_is_a_400(api, customer):
    response = api(customer).generic(
        "POST", "/api/v1/tickets/", "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_an_unsupported_media_type_is_a_415(api, customer):
    response = api(customer).generic(
        "POST", "/api/v1/tickets/", "subject=x", content_type="text/plain"
    )

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_a_wrong_method_is_a_405(api, customer):
    response = api(customer).delete("/api/v1/tickets/")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing/", "/api/v1/tickets/TKT%00/", "/api/v1/tickets/a/b/c/", "/api/v2/tickets/"],
)
def test_unknown_paths_under_the_api_are_json_404s(api, customer, path):
    response = api(customer).get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.parametrize(
    "body",
    [
        {**VALID, "subject": "nul \x00 byte"},
        {**VALID, "category": 10**30},
        {**VALID, "category": "1; DROP TABLE"},
        {**VALID, "order": "\x00"},
        {**VALID, "attachments": ["not a file"]},
        {**VALID, "customer": -1},
        {**VALID, "description": "x" * 100_000},
        [1, 2, 3],
        "a string",
    ],
)
def test_odd_input_is_a_400_not_a_500(api, customer, body):
    response = api(customer).post("/api/v1/tickets/", body, format="json")

    assert response.status_code == 400, response.content[:300]
    assert response.json()["code"] in ("invalid", "parse_error")


def test_a_too_long_reason_never_reaches_the_database(api, agent, ticket):
    response = api(agent).patch(
        f"/api/v1/tickets/{ticket.number}/priority/",
        {"priority": "low", "reason": "x" * 500},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"]["reason"] == [
        "Ensure this field has no more than 100 characters."
    ]


@override_settings(API_THROTTLE_RATES={"burst": "3/min", "writes": "100/min"})
def test_a_burst_of_requests_gets_a_429_with_retry_after(api, customer):
    client = api(customer)
    for _ in range(3):
        assert client.get("/api/v1/me/").status_code == 200

    response = client.get("/api/v1/me/")

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60


@override_settings(API_THROTTLE_RATES={"burst": "100/min", "writes": "2/min"})
def test_writes_have_a_tighter_limit_than_reads(api, customer, ticket):
    client = api(customer)
    url = f"/api/v1/tickets/{ticket.number}/comments/"
    for n in range(2):
        assert client.post(url, {"comment": f"Reply {n}"}, format="json").status_code == 201

    assert client.post(url, {"comment": "One too many"}, format="json").status_code == 429
    assert client.get(url).status_code == 200


@override_settings(API_THROTTLE_RATES={"burst": "2/min", "writes": "100/min"})
def test_anonymous_clients_are_limited_by_address(api, db):
    for _ in range(2):
        assert api(None).get("/api/v1/categories/").status_code == 200

    assert api(None).get("/api/v1/categories/").status_code == 429


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("patch", "/api/v1/tickets/{number}/assignee/", {"assignee": 10**30}),
        ("patch", "/api/v1/tickets/{number}/assignee/", {"assignee": "\x00"}),
        ("get", "/api/v1/tickets/{number}/comments/?after=1e30", None),
        ("get", "/api/v1/tickets/{number}/comments/?after=99999999999999999999999", None),
        ("get", "/api/v1/tickets/{number}/attachments/99999999999999999999999/", None),
        ("get", "/api/v1/tickets/?assignee=99999999999999999999999", None),
        ("get", "/api/v1/orders/?search=%00", None),
        ("get", "/api/v1/articles/?q=%00", None),
        ("get", "/api/v1/stats/?created_from=9999-12-31&created_to=0001-01-01", None),
        ("post", "/api/v1/tickets/{number}/feedback/", {"rating": 10**30}),
    ],
)
def test_odd_values_anywhere_are_never_a_500(api, agent, ticket, method, path, body):
    response = getattr(api(agent), method)(path.format(number=ticket.number), body, format="json")

    assert response.status_code in (200, 400, 403, 404), response.content[:300]
    assert response["Content-Type"] == "application/json"
