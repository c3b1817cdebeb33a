"""Sign-up answers an address that has an account as it answers a new one, and takes as long:
both hash one password (a new account's, or a stand-in), so timing tells no one who is here."""

import pytest
from django.contrib.auth.hashers import get_hasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-Passphrase-42"
SIGNUP = {"password1": PASSWORD, "password2": PASSWORD, "name": "Nina Ortiz"}
TAKEN = "taken@example.com"


@pytest.fixture
def hashes(monkeypatch):
    """The passwords the settings' hasher hashes from here on; TAKEN has an account."""
    CustomerFactory(email=TAKEN)
    hasher = type(get_hasher())
    hashed = []
    encode = hasher.encode

    def counting_encode(self, password, salt, *args, **kwargs):
        hashed.append(password)
        return encode(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counting_encode)
    return hashed


NEW = "new.customer@example.com"


def hashed_by_signup(hashes, post, email):
    """How many passwords one sign-up for `email` hashed, its answer, and the mail it sent."""
    hashes.clear()
    mail.outbox.clear()
    response = post(email)
    return len(hashes), response.status_code, [message.to for message in mail.outbox]


def test_the_signup_page_hashes_one_password_for_a_new_or_a_taken_address(hashes):
    def post(email):
        return Client().post(reverse("account_signup"), {**SIGNUP, "email": email})

    assert hashed_by_signup(hashes, post, NEW) == (1, 302, [[NEW]])
    assert hashed_by_signup(hashes, post, TAKEN) == (1, 302, [[TAKEN]])
    assert User.objects.filter(email=TAKEN).count() == 1


def test_the_apps_signup_hashes_one_password_for_a_new_or_a_taken_address(hashes):
    def post(email):
        return Client().post(
            "/_allauth/app/v1/auth/signup",
            {"email": email, "password": PASSWORD, "name": "Nina Ortiz"},
            content_type="application/json",
        )

    assert hashed_by_signup(hashes, post, NEW) == (1, 401, [[NEW]])
    assert hashed_by_signup(hashes, post, TAKEN) == (1, 401, [[TAKEN]])
