"""/accounts/api-tokens/: customers and agents create personal API tokens (shown once) and
revoke them, in the account pages' layout."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import APIToken, ModelLogEntry

from accounts import api_tokens
from tests.factories import CustomerFactory


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def _secret(response):
    match = re.search(r'data-testid="new-secret">(wagtail_[^<]+)<', response.content.decode())
    assert match, "the new secret is not shown"
    return match.group(1)


def test_the_page_is_for_signed_in_users_only(client, db):
    response = client.get("/accounts/api-tokens/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_page_sits_in_the_account_layout(signed_in):
    response = signed_in.get("/accounts/api-tokens/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="subnav"' in html
    assert 'aria-current="page">API tokens<' in html
    assert "You have no API tokens." in html


@pytest.mark.parametrize("role", ["customer", "agent"])
def test_creating_a_token_shows_the_secret_once(db, client, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)

    response = client.post("/accounts/api-tokens/", {"name": "Inventory script"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = _secret(response)
    token = APIToken.objects.get(user=user)
    assert token.name == "Inventory script" and secret.startswith(token.prefix)
    listing = client.get("/accounts/api-tokens/").content.decode()
    assert "Inventory script" in listing and token.prefix in listing
    assert secret not in listing
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {secret}").json()["id"] == user.pk


def test_a_token_needs_a_name(signed_in, customer):
    response = signed_in.post("/accounts/api-tokens/", {"name": "  "})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not APIToken.objects.exists()


def test_revoking_is_a_post_and_ends_the_token(signed_in, customer):
    secret = _secret(signed_in.post("/accounts/api-tokens/", {"name": "Old script"}))
    token = APIToken.objects.get()
    url = f"/accounts/api-tokens/{token.pk}/revoke/"

    assert signed_in.get(url).status_code == 405
    response = signed_in.post(url, follow=True)

    assert "The token was revoked" in response.content.decode()
    assert token.name not in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert signed_in.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {secret}").status_code == 401


def test_nobody_revokes_someone_elses_token(client, customer):
    theirs = CustomerFactory()
    client.force_login(theirs)
    client.post("/accounts/api-tokens/", {"name": "Theirs"})
    token = APIToken.objects.get()
    client.force_login(customer)

    response = client.post(f"/accounts/api-tokens/{token.pk}/revoke/", follow=True)

    assert "No such token." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_page_lists_only_my_tokens(client, customer):
    theirs = CustomerFactory()
    client.force_login(theirs)
    client.post("/accounts/api-tokens/", {"name": "Their secret script"})
    client.force_login(customer)

    assert "Their secret script" not in client.get("/accounts/api-tokens/").content.decode()


def test_an_account_has_at_most_twenty_tokens_and_revoked_ones_do_not_count(signed_in, customer):
    for n in range(api_tokens.MAX_TOKENS_PER_USER):
        api_tokens.create_token(customer, name=f"Script {n}")

    refused = signed_in.post("/accounts/api-tokens/", {"name": "One too many"})

    assert refused.status_code == 400
    assert "You have 20 tokens already" in refused.content.decode()
    api_tokens.revoke_token(customer, APIToken.objects.filter(user=customer).first().pk)
    assert signed_in.post("/accounts/api-tokens/", {"name": "Replacement"}).status_code == 200


def test_making_and_revoking_a_token_is_in_wagtails_audit_log(signed_in, customer):
    signed_in.post("/accounts/api-tokens/", {"name": "Audited"})
    token = APIToken.objects.get()
    signed_in.post(f"/accounts/api-tokens/{token.pk}/revoke/")

    actions = ModelLogEntry.objects.for_instance(token).order_by("pk")
    assert [(entry.action, entry.user) for entry in actions] == [
        ("wagtail.apitoken.create", customer),
        ("wagtail.apitoken.revoke", customer),
    ]


def test_wagtails_api_tokens_command_lists_and_revokes_a_customers_token(customer):
    token, secret = api_tokens.create_token(customer, name="Inventory script")
    listing = StringIO()

    call_command("api_tokens", "list", user=customer.email, stdout=listing)
    call_command("api_tokens", "revoke", id=token.pk, stdout=StringIO())

    assert token.prefix in listing.getvalue() and "Inventory script" in listing.getvalue()
    assert Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {secret}").status_code == 401
    assert not api_tokens.active_tokens(customer).exists()
