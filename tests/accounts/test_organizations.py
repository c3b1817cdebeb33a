"""Customers join an organisation by a verified address at one of its domains, and only so."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Organization, User
from accounts.organizations import join_by_verified_address, organization_for_address
from tests.factories import OrganizationFactory, member_of, open_ticket
from tests.utils import code_from_mail
from tickets.intake.senders import new_customer

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "cook@lopez.test",
    "password1": "a-long-Passphrase-42",
    "password2": "a-long-Passphrase-42",
    "name": "Luis Cook",
    "business_name": "Lopez Taqueria",
    "phone": "+1 312 555 0101",
}


@pytest.fixture
def lopez():
    return OrganizationFactory(name="Lopez Taqueria", domains="lopez.test")


@pytest.fixture
def owners_ticket(lopez):
    return open_ticket(member_of(lopez), subject="Secret order of the owner")


def test_an_unverified_sign_up_at_the_domain_sees_nothing_of_the_organisation(
    client, lopez, owners_ticket
):
    client.post(reverse("account_signup"), SIGNUP)

    user = User.objects.get(email=SIGNUP["email"])
    assert user.organization is None
    client.force_login(user)  # even signed in somehow, an unverified address earns nothing
    assert owners_ticket.subject.encode() not in client.get(reverse("tickets:list")).content
    assert client.get(owners_ticket.get_absolute_url()).status_code == 404


def test_a_sign_up_joins_once_its_code_verifies_the_address(client, lopez, owners_ticket):
    client.post(reverse("account_signup"), SIGNUP)
    client.post(
        reverse("account_email_verification_sent"), {"code": code_from_mail(mail.outbox[-1])}
    )

    user = User.objects.get(email=SIGNUP["email"])
    assert user.organization == lopez
    page = client.get(reverse("tickets:list")).content.decode()
    assert owners_ticket.subject in page


def test_an_email_sender_joins_only_after_signing_in_with_a_code(client, lopez):
    sender = new_customer("waiter@lopez.test", "Ana Waiter")
    assert sender.organization is None

    client.post(reverse("account_request_login_code"), {"email": sender.email})
    client.post(reverse("account_confirm_login_code"), {"code": code_from_mail(mail.outbox[-1])})

    sender.refresh_from_db()
    assert EmailAddress.objects.get(user=sender).verified
    assert sender.organization == lopez


def test_someone_already_in_an_organisation_stays_in_it(lopez):
    other = OrganizationFactory()
    user = member_of(other, email="moved@lopez.test")

    assert join_by_verified_address(user, user.email) is None
    user.refresh_from_db()
    assert user.organization == other


def test_domains_match_whole_and_webmail_never(lopez):
    assert organization_for_address("a@LOPEZ.test") == lopez
    assert organization_for_address("a@notlopez.test") is None
    assert organization_for_address("a@lopez.test.evil") is None
    assert organization_for_address("a@gmail.com") is None


def test_bad_domains_and_a_non_member_admin_are_all_reported_at_once(lopez):
    stranger = member_of(None)
    organization = Organization(
        name="Patel Market",
        domains="patel.test\nnot a domain\ngmail.com\nexample.com\nlopez.test",
        admin=stranger,
    )

    with pytest.raises(ValidationError) as error:
        organization.full_clean()

    errors = error.value.message_dict
    assert any("not a domain name" in text for text in errors["domains"])
    assert any("gmail.com" in text and "webmail" in text for text in errors["domains"])
    assert any("example.com" in text and "own domain" in text for text in errors["domains"])
    assert any("already belongs to Lopez Taqueria" in text for text in errors["domains"])
    assert "members" in errors["admin"][0]


def test_the_admin_is_one_of_the_members(lopez):
    owner = member_of(lopez)
    lopez.admin = owner
    lopez.domains = "LOPEZ.test\nlopez.test\nlopez-kitchen.test"

    lopez.full_clean()

    assert lopez.domain_list == ["lopez.test", "lopez-kitchen.test"]
