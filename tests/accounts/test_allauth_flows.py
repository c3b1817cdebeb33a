import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts import roles
from accounts.models import User
from tests.factories import PASSWORD, CustomerFactory
from tests.utils import code_from_mail

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.customer@example.com",
    "password1": "a-long-Passphrase-42",
    "password2": "a-long-Passphrase-42",
    "name": "Nina Ortiz",
    "business_name": "Ortiz Bakery",
    "phone": "+1 312 555 0100",
}


def test_signup_sends_code_and_verified_customer_is_logged_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.customer@example.com")
    assert (user.name, user.business_name, user.phone) == (
        "Nina Ortiz",
        "Ortiz Bakery",
        "+1 312 555 0100",
    )
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.customer@example.com"]

    response = client.post(
        reverse("account_email_verification_sent"), {"code": code_from_mail(mail.outbox[0])}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("tickets:list")
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("tickets:list")).status_code == 200
    assert user.groups.filter(name=roles.CUSTOMERS).exists()


def test_signup_with_a_wrong_code_is_refused_and_not_logged_in(client):
    client.post(reverse("account_signup"), SIGNUP)

    response = client.post(reverse("account_email_verification_sent"), {"code": "WRONG-CODE"})

    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert not EmailAddress.objects.get(email=SIGNUP["email"]).verified
    assert client.get(reverse("tickets:list")).status_code == 302


def test_signup_errors_are_shown_next_to_fields_and_input_is_kept(client):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password2": "something-else-1", "phone": "call me"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "password2" in form.errors
    assert "phone" in form.errors
    assert 'value="Ortiz Bakery"' in response.content.decode()
    assert not User.objects.exists()


def test_unverified_user_cannot_log_in_with_password_until_verified(client):
    user = CustomerFactory(verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("tickets:list")).status_code == 302
    assert "code" in mail.outbox[-1].body.lower()


def test_customer_logs_in_with_password_and_lands_on_their_tickets(client):
    user = CustomerFactory()

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("tickets:list")


def test_agent_logs_in_and_lands_in_the_admin(client, agent):
    response = client.post(reverse("account_login"), {"login": agent.email, "password": PASSWORD})

    assert response["Location"] == reverse("wagtailadmin_home")


def test_login_is_case_insensitive_on_email(client):
    user = CustomerFactory(email="mixed.case@example.com")

    response = client.post(
        reverse("account_login"), {"login": "Mixed.Case@Example.com", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_shows_a_clear_message_and_keeps_the_email(client, customer):
    response = client.post(
        reverse("account_login"), {"login": customer.email, "password": "not-my-password"}
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "The email address and/or password you specified are not correct." in body
    assert f'value="{customer.email}"' in body
    assert "_auth_user_id" not in client.session


def test_login_by_code_logs_in_without_a_password(client, customer):
    response = client.post(reverse("account_request_login_code"), {"email": customer.email})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    code = code_from_mail(mail.outbox[-1])

    response = client.post(reverse("account_confirm_login_code"), {"code": code})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(customer.pk)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, customer):
    response = client.post(reverse("account_reset_password"), {"email": customer.email})

    assert response.status_code == 302
    link = next(
        line
        for line in mail.outbox[-1].body.splitlines()
        if "/accounts/password/reset/key/" in line
    ).strip()
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"password1": "brand-new-Secret-77", "password2": "brand-new-Secret-77"}
    )

    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.check_password("brand-new-Secret-77")


def test_email_change_needs_verification_of_the_new_address(client, customer):
    client.force_login(customer)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "new.address@example.com"}
    )

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["new.address@example.com"]
    code = code_from_mail(mail.outbox[-1])
    client.post(reverse("account_email_verification_sent"), {"code": code})
    customer.refresh_from_db()
    assert customer.email == "new.address@example.com"
    assert EmailAddress.objects.get(user=customer).verified


def test_logout_ends_the_session(client, customer):
    client.force_login(customer)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
