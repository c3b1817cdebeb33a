"""Pages behind a login and API answers to credentials are never kept by a cache."""

import pytest

from tests.factories import open_ticket

pytestmark = pytest.mark.django_db


def _is_private(response):
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return {"private", "no-store"} <= cache_control and {"cookie", "authorization"} <= vary


def test_a_customers_ticket_pages_are_private(client, customer):
    ticket = open_ticket(customer)
    client.force_login(customer)

    for url in ("/tickets/", ticket.get_absolute_url(), "/notifications/", "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _is_private(response), (url, response.get("Cache-Control"))


def test_the_admin_is_private(client, agent):
    client.force_login(agent)

    assert _is_private(client.get("/admin/"))


def test_api_answers_to_a_token_are_private(client, customer):
    from accounts.api_tokens import create_token

    _, secret = create_token(customer, name="Script")
    response = client.get("/api/v1/tickets/", HTTP_AUTHORIZATION=f"Token {secret}")

    assert response.status_code == 200
    assert _is_private(response)


def test_an_anonymous_visitors_help_center_page_stays_cacheable(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
