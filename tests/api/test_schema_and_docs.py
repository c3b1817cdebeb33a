"""/api/schema/ describes our endpoints only; /api/docs/ works from local files, no CDN; with
API_DOCS_PUBLIC off, both are for signed-in users and token clients only."""

import re

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from accounts import api_tokens

pytestmark = pytest.mark.django_db


def _schema(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_lists_our_endpoints_and_nothing_of_wagtails(client):
    paths = set(_schema(client)["paths"])

    assert all(path.startswith("/api/v1/") for path in paths), paths
    assert {
        "/api/v1/tickets/",
        "/api/v1/tickets/{number}/",
        "/api/v1/tickets/{number}/comments/",
        "/api/v1/tickets/{number}/status/",
        "/api/v1/tickets/{number}/priority/",
        "/api/v1/tickets/{number}/assignee/",
        "/api/v1/tickets/{number}/feedback/",
        "/api/v1/tickets/{number}/confirm/",
        "/api/v1/tickets/{number}/merge/",
        "/api/v1/tickets/{number}/cc/",
        "/api/v1/tickets/{number}/attachments/{id}/",
        "/api/v1/tickets/{number}/comments/{id}/redact/",
        "/api/v1/tickets/{number}/redact/",
        "/api/v1/stats/",
        "/api/v1/views/",
        "/api/v1/categories/",
        "/api/v1/orders/",
        "/api/v1/orders/{number}/",
        "/api/v1/articles/",
        "/api/v1/me/",
        "/api/v1/agents/",
        "/api/v1/teams/",
        "/api/v1/tags/",
        "/api/v1/organizations/",
        "/api/v1/macros/",
        "/api/v1/tickets/{number}/macros/{id}/",
    } == paths


def test_the_schema_documents_auth_errors_and_staff_only_fields(client):
    schema = _schema(client)

    assert set(schema["components"]["securitySchemes"]) == {"personalToken", "appJWT", "cookieAuth"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"400", "401", "403", "404", "429"} <= codes, (path, method)
    detail = schema["components"]["schemas"]["TicketDetail"]
    assert "assignee" in detail["properties"] and "assignee" not in detail["required"]
    assert "comments" in detail["required"]
    create = schema["components"]["schemas"]["TicketCreateRequest"]["properties"]
    assert (create["subject"]["minLength"], create["subject"]["maxLength"]) == (5, 200)


def test_schema_generation_has_no_warnings(tmp_path, capsys):
    call_command(
        "spectacular", "--file", str(tmp_path / "schema.yml"), "--validate", "--fail-on-warn"
    )

    schema = yaml.safe_load((tmp_path / "schema.yml").read_text())
    assert schema["info"]["title"].endswith("API")


def test_the_docs_load_their_assets_from_this_site(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert len(assets) >= 3, html
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("method", ["options", "post", "put", "delete"])
def test_the_docs_page_answers_other_methods_with_405_not_an_error(client, method):
    client.raise_request_exception = False

    response = getattr(client, method)("/api/docs/")

    assert response.status_code == 405
    assert "GET" in response["Allow"]


@pytest.fixture
def private_docs(settings):
    settings.API_DOCS_PUBLIC = False


def test_private_docs_send_an_anonymous_visitor_to_sign_in(client, private_docs):
    response = client.get("/api/docs/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/api/docs/"


def test_a_private_schema_answers_an_anonymous_client_with_401(client, private_docs):
    response = client.get("/api/schema/?format=json")

    assert response.status_code == 401
    assert "paths" not in response.content.decode()


def test_signed_in_users_read_private_docs_and_schema(client, customer, private_docs):
    client.force_login(customer)

    assert client.get("/api/docs/").status_code == 200
    assert "/api/v1/tickets/" in _schema(client)["paths"]


def test_a_token_client_reads_the_private_schema(client, customer, private_docs):
    _token, secret = api_tokens.create_token(customer, name="Docs reader")

    response = client.get("/api/schema/?format=json", HTTP_AUTHORIZATION=f"Token {secret}")

    assert response.status_code == 200
    assert "/api/v1/tickets/" in response.json()["paths"]
