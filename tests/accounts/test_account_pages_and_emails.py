"""The sign-in pages speak in sentence case and say when a contact request waits; account emails
come as text and HTML in the ticket emails' layout, greeting from the site's name."""

import pytest
from django.core import mail
from django.urls import reverse

from helpcenter.demo import seed_contact_page
from helpcenter.models import HomePage
from tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

ENTRANCE_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_request_login_code",
]


@pytest.mark.parametrize("name", ENTRANCE_PAGES)
def test_entrance_pages_use_sentence_case(client, name):
    body = client.get(reverse(name)).content.decode()

    for title_case in ("Sign In", "Sign Up", "Password Reset", "Remember Me", "Request Code"):
        assert title_case not in body, title_case


def test_the_login_page_says_a_contact_request_is_waiting(client):
    seed_contact_page(HomePage.objects.get())
    assert "contact-request-waiting" not in client.get(reverse("account_login")).content.decode()

    client.post(
        "/contact/",
        {
            "subject": "Missing limes",
            "description": "Two cases of limes were not delivered this morning.",
            "priority": "medium",
        },
    )

    for name in ("account_login", "account_signup"):
        body = client.get(reverse(name)).content.decode()
        assert "Your message to support is saved." in body, name


@pytest.fixture
def site(settings):
    settings.SITE_NAME = "Fresh Foods Help"
    settings.SITE_URL = "https://help.example.com"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Fresh Foods Help] "


def test_the_verification_email_is_branded_text_and_html_from_the_sites_name(client, site):
    client.post(
        reverse("account_signup"),
        {
            "email": "nina@example.com",
            "password1": "a-long-Passphrase-42",
            "password2": "a-long-Passphrase-42",
            "name": "Nina Ortiz",
        },
    )

    email = mail.outbox[-1]
    assert "Fresh Foods Help" in email.body
    assert "testserver" not in email.body and "127.0.0.1" not in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "Fresh Foods Help" in html and "testserver" not in html
    assert 'style="max-width:600px' in html  # the ticket emails' layout


def test_the_password_reset_email_has_a_button_to_its_link(client, site):
    customer = CustomerFactory()

    client.post(reverse("account_reset_password"), {"email": customer.email})

    email = mail.outbox[-1]
    html = email.alternatives[0][0]
    link = next(line for line in email.body.splitlines() if "/accounts/password/reset/" in line)
    assert f'href="{link.strip()}"' in html
