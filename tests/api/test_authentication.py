"""Who the API believes: personal API tokens, allauth's app JWTs, and the site's session (with
CSRF on writes)."""

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from freezegun import freeze_time
from rest_framework.test import APIClient
from wagtail.models import APIToken

from accounts import api_tokens
from tests.factories import PASSWORD

from .test_tickets import VALID


def _with(header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    return client


# ── Personal API tokens ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("scheme", ["Token", "Bearer", "token"])
def test_a_personal_token_authenticates_as_its_owner(customer, scheme):
    _token, secret = api_tokens.create_token(customer, name="Inventory script")

    response = _with(f"{scheme} {secret}").get("/api/v1/me/")

    assert response.status_code == 200
    assert response.json()["email"] == customer.email


def test_a_personal_token_is_a_wagtail_api_token_with_a_keyed_hash(customer):
    token, secret = api_tokens.create_token(customer, name="Script")

    stored = APIToken.objects.filter(pk=token.pk).values().get()
    assert secret.startswith("wagtail_") and APIToken.validate_token_format(secret)
    assert secret not in str(stored)
    assert stored["key_hash"] == APIToken.hash_token(secret)
    assert stored["key_hash"] != APIToken.hash_token(secret, secret_key="another key")
    assert secret.startswith(stored["prefix"]) and len(stored["prefix"]) < len(secret) // 3


def test_a_token_made_before_a_key_rotation_works_while_the_old_key_is_a_fallback(
    customer, settings
):
    _token, secret = api_tokens.create_token(customer, name="Script")
    old_key = settings.SECRET_KEY

    with override_settings(SECRET_KEY="the-new-key", SECRET_KEY_FALLBACKS=[old_key]):
        assert _with(f"Token {secret}").get("/api/v1/me/").status_code == 200
    with override_settings(SECRET_KEY="the-new-key", SECRET_KEY_FALLBACKS=[]):
        assert _with(f"Token {secret}").get("/api/v1/me/").status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(customer):
    token, secret = api_tokens.create_token(customer, name="Script")
    client = _with(f"Token {secret}")

    with freeze_time("2026-11-20 10:00:00"):
        client.get("/api/v1/me/")
    with freeze_time("2026-11-20 10:00:30"):
        client.get("/api/v1/me/")
    token.refresh_from_db()
    assert token.last_used_at == timezone.datetime(2026, 11, 20, 10, 0, tzinfo=timezone.UTC)

    with freeze_time("2026-11-20 10:05:00"):
        client.get("/api/v1/me/")
    token.refresh_from_db()
    assert token.last_used_at.minute == 5


@pytest.mark.parametrize(
    "header",
    [
        "Token wagtail_not-a-real-token",
        "Bearer wagtail_not-a-real-token",
        "Token hcp_a-token-of-the-old-kind",
        "Bearer hcp_a-token-of-the-old-kind",
        "Token",
        "Token two parts",
        "Bearer not-a-jwt",
        "Bearer",
    ],
)
def test_bad_credentials_are_401_never_anonymous(header, db):
    response = _with(header).get("/api/v1/categories/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_a_revoked_token_stops_working(customer):
    token, secret = api_tokens.create_token(customer, name="Script")
    client = _with(f"Token {secret}")
    assert client.get("/api/v1/me/").status_code == 200

    api_tokens.revoke_token(customer, token.pk)

    assert client.get("/api/v1/me/").status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize("scheme", ["Token", "Bearer"])
def test_a_token_of_the_kind_made_before_wagtails_is_refused_with_what_to_do(scheme, db):
    response = _with(f"{scheme} hcp_Xq3vJ0c9Yl1mZ8a7b6c5d4e3f2g1h0i9j8k7l6m5n4o").get("/api/v1/me/")

    assert response.status_code == 401
    assert response.json()["detail"] == (
        "Tokens starting with “hcp_” are no longer accepted: "
        "make a new one on /accounts/api-tokens/."
    )


def test_a_well_formed_token_nobody_made_is_refused(db):
    response = _with(f"Token {APIToken.generate_token()}").get("/api/v1/me/")

    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid or revoked token."


def test_a_deactivated_users_token_stops_working(customer):
    _token, secret = api_tokens.create_token(customer, name="Script")
    customer.is_active = False
    customer.save()

    assert _with(f"Token {secret}").get("/api/v1/me/").status_code == 401


def test_a_token_user_has_the_same_permissions_as_on_the_web(customer, ticket, other_ticket):
    _token, secret = api_tokens.create_token(customer, name="Script")
    client = _with(f"Token {secret}")

    assert client.get(f"/api/v1/tickets/{other_ticket.number}/").status_code == 404
    assert client.get("/api/v1/stats/").status_code == 403
    assert client.post("/api/v1/tickets/", VALID, format="json").status_code == 201


def test_our_own_token_model_and_its_table_are_gone(db):
    with pytest.raises(LookupError):
        apps.get_model("accounts", "PersonalAPIToken")
    assert "accounts_personalapitoken" not in connection.introspection.table_names()


# ── allauth headless JWT ─────────────────────────────────────────────────────────────────────


def _login(client, user):
    response = client.post(
        "/_allauth/app/v1/auth/login",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["meta"]


def test_an_app_signs_in_and_calls_the_api_with_a_bearer_jwt(customer, ticket):
    meta = _login(Client(), customer)

    response = _with(f"Bearer {meta['access_token']}").get("/api/v1/tickets/")

    assert response.status_code == 200
    assert [t["ticket_number"] for t in response.json()["results"]] == [ticket.number]


def test_a_refreshed_jwt_works_and_the_old_refresh_token_is_spent(customer):
    meta = _login(Client(), customer)

    refreshed = Client().post(
        "/_allauth/app/v1/tokens/refresh",
        {"refresh_token": meta["refresh_token"]},
        content_type="application/json",
    )

    assert refreshed.status_code == 200
    access = refreshed.json()["data"]["access_token"]
    assert _with(f"Bearer {access}").get("/api/v1/me/").json()["id"] == customer.pk
    again = Client().post(
        "/_allauth/app/v1/tokens/refresh",
        {"refresh_token": meta["refresh_token"]},
        content_type="application/json",
    )
    assert again.status_code != 200


def test_signing_out_ends_the_jwt(customer):
    meta = _login(Client(), customer)
    client = _with(f"Bearer {meta['access_token']}")
    assert client.get("/api/v1/me/").status_code == 200

    Client().delete("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=meta["session_token"])

    assert client.get("/api/v1/me/").status_code == 401


def test_a_jwt_signed_with_another_key_is_refused(customer):
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    forged = jwt.encode(
        {"sub": str(customer.pk), "token_use": "access", "exp": 4102444800},
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        algorithm="RS256",
    )

    assert _with(f"Bearer {forged}").get("/api/v1/me/").status_code == 401


# ── The site's session ───────────────────────────────────────────────────────────────────────


def test_the_sites_session_works_and_writes_need_the_csrf_token(customer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(customer)

    assert browser.get("/api/v1/me/").status_code == 200
    refused = browser.post("/api/v1/tickets/", VALID, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]

    browser.get("/accounts/api-tokens/")  # any page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        "/api/v1/tickets/", VALID, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 201
