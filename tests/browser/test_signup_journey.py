"""A visitor signs up through the real pages, verifies their email by code and is signed in."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.utils import code_from_mail

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_signs_up_verifies_email_and_sees_their_tickets(page, screenshot):
    page.goto("/")
    page.get_by_role("link", name=re.compile("sign up", re.I)).first.click()

    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    page.get_by_label("Email").fill("nina@example.com")
    page.get_by_label("Password", exact=True).fill("a-long-Passphrase-42")
    page.get_by_label(re.compile(r"Password \(again\)", re.I)).fill("a-long-Passphrase-42")
    page.get_by_label("Your name").fill("Nina Ortiz")
    page.get_by_label("Business name").fill("Ortiz Bakery")
    page.get_by_label("Phone").fill("+1 312 555 0100")
    screenshot("signup-form")
    page.get_by_role("button", name=re.compile("sign up", re.I)).click()

    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    assert len(mail.outbox) == 1
    page.get_by_label("Code").fill(code_from_mail(mail.outbox[0]))
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()

    expect(page).to_have_url(re.compile(r"/tickets/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("my tickets", re.I))
    expect(page.get_by_role("button", name=re.compile("sign out", re.I))).to_be_visible()
    screenshot()
    user = User.objects.get(email="nina@example.com")
    assert user.business_name == "Ortiz Bakery"
    assert user.emailaddress_set.get().verified


def test_wrong_code_keeps_the_visitor_on_the_code_page_with_a_message(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("omar@example.com")
    page.get_by_label("Password", exact=True).fill("a-long-Passphrase-42")
    page.get_by_label(re.compile(r"Password \(again\)", re.I)).fill("a-long-Passphrase-42")
    page.get_by_label("Your name").fill("Omar Said")
    page.get_by_role("button", name=re.compile("sign up", re.I)).click()

    page.get_by_label("Code").fill("NOPE-NOPE")
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()

    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.locator("#id_code_error")).to_contain_text(re.compile("incorrect code", re.I))
