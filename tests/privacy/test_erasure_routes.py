"""Who may erase whom, by which route: the customer themselves (after signing in again), support
admins in the admin, and the shell."""

import io
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from privacy.models import PrivacyAction
from tests.factories import PASSWORD, CustomerFactory, open_ticket
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

CLOSE = reverse("privacy:close_account")
CLOSED = reverse("privacy:account_closed")


def erase_url(user):
    return reverse("privacy_erase", args=[user.pk])


def reauthenticate(client):
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()


def erased(user):
    return User.objects.get(pk=user.pk).erased_at is not None


@pytest.fixture
def people(customer, agent, editor, support_admin):
    return {
        "anonymous": None,
        "customer": customer,
        "agent": agent,
        "editor": editor,
        "support_admin": support_admin,
    }


# The customer's own page


def test_closing_needs_a_signed_in_customer(client):
    response = client.get(CLOSE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_closing_asks_for_the_password_again(client, customer):
    client.force_login(customer)

    for response in (client.get(CLOSE), client.post(CLOSE, {"understood": "on"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_reauthenticate"))
    assert not erased(customer)


def test_a_customer_closes_their_account_and_is_signed_out(client, customer, committed):
    open_ticket(customer)
    client.force_login(customer)
    reauthenticate(client)
    assert client.get(reverse("account_profile")).content.decode().count(CLOSE) == 1
    assert "understood" in client.get(CLOSE).content.decode()

    with committed():
        response = client.post(CLOSE, {"understood": "on"})

    assert response.status_code == 302 and response.url == CLOSED
    assert erased(customer)
    assert "_auth_user_id" not in client.session
    assert client.get(CLOSED).status_code == 200
    action = PrivacyAction.objects.get()
    assert (action.actor_id, action.subject_user_id) == (customer.pk, customer.pk)


def test_closing_without_ticking_the_box_says_why_and_erases_nothing(client, customer):
    client.force_login(customer)
    reauthenticate(client)

    response = client.post(CLOSE, {})

    assert response.status_code == 400
    assert "Tick the box" in response.content.decode()
    assert not erased(customer)


def test_signing_in_fails_after_closing(client, customer, committed):
    email = customer.email
    client.force_login(customer)
    reauthenticate(client)
    with committed():
        client.post(CLOSE, {"understood": "on"})

    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_a_customer_without_a_password_signs_in_again_first(client, customer, committed):
    customer.set_unusable_password()
    customer.save()
    client.force_login(customer)  # no sign-in recorded in this session: it is not fresh

    response = client.post(CLOSE, {"understood": "on"})

    assert response.status_code == 200
    assert "Sign in again" in response.content.decode()
    assert not erased(customer)


def test_a_customer_without_a_password_who_just_signed_in_may_close(client, customer, committed):
    customer.set_unusable_password()
    customer.save()
    client.force_login(customer)
    session = client.session
    session["account_authentication_methods_user"] = str(customer.pk)
    session["account_authentication_methods"] = [{"method": "code", "at": time.time()}]
    session.save()

    assert "Sign in again" not in client.get(CLOSE).content.decode()
    with committed():
        response = client.post(CLOSE, {"understood": "on"})

    assert response.status_code == 302
    assert erased(customer)


@pytest.mark.parametrize("role", ["agent", "editor", "support_admin"])
def test_the_team_cannot_close_their_accounts_this_way(client, people, role):
    client.force_login(people[role])
    reauthenticate(client)

    assert CLOSE not in client.get(reverse("account_profile")).content.decode()
    response = client.post(CLOSE, {"understood": "on"})

    assert response.status_code == 403
    assert not erased(people[role])


def test_the_close_page_makes_a_flat_number_of_queries(client, customer):
    client.force_login(customer)
    reauthenticate(client)
    open_ticket(customer)
    count_queries(client, CLOSE)
    one = count_queries(client, CLOSE)
    for _ in range(3):
        open_ticket(customer)
    assert count_queries(client, CLOSE) == one


# The admin


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("customer", False),
        ("agent", False),
        ("editor", False),
        ("support_admin", True),
    ],
)
def test_only_support_admins_reach_the_erase_page(client, people, role, allowed):
    target = CustomerFactory()
    if people[role]:
        client.force_login(people[role])

    page = client.get(erase_url(target))
    posted = client.post(erase_url(target))

    if allowed:
        assert page.status_code == 200
        assert "Former customer" in page.content.decode()
        assert posted.status_code == 302
        assert erased(target)
    else:
        assert page.status_code in (302, 403)
        assert posted.status_code in (302, 403)
        assert not erased(target)


def test_another_customer_cannot_erase_someone(client, customer):
    target = CustomerFactory()
    client.force_login(customer)

    client.post(erase_url(target))

    assert not erased(target)


def test_the_erase_page_refuses_members_of_the_team(client, support_admin, agent):
    client.force_login(support_admin)

    assert "take their role away" in client.get(erase_url(agent)).content.decode()
    assert client.post(erase_url(agent)).status_code == 403
    assert not erased(agent)


def test_an_erased_account_has_no_erase_page(client, support_admin, committed):
    target = CustomerFactory()
    client.force_login(support_admin)
    with committed():
        client.post(erase_url(target))

    assert client.get(erase_url(target)).status_code == 404


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root@example.com", "root-pass-123")


def test_the_users_listing_offers_erasure_to_superusers(client, superuser, customer):
    client.force_login(superuser)

    body = client.get(reverse("wagtailusers_users:index")).content.decode()

    assert erase_url(customer) in body


def test_support_admins_find_the_customer_by_address(client, support_admin, customer):
    client.force_login(support_admin)
    find = reverse("privacy_admin_find")

    assert find in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(find).status_code == 200
    response = client.get(find, {"email": customer.email.upper()})
    assert response.status_code == 302
    assert erase_url(customer) in client.get(response.url).content.decode()
    response = client.get(find, {"email": "nobody@example.com"})
    assert "No account has this address." in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "customer", "agent", "editor"])
def test_only_support_admins_reach_the_find_page(client, people, role):
    if people[role]:
        client.force_login(people[role])

    assert client.get(reverse("privacy_admin_find")).status_code in (302, 403)


def test_the_erase_page_makes_a_flat_number_of_queries(client, support_admin):
    target = CustomerFactory()
    client.force_login(support_admin)
    open_ticket(target)
    count_queries(client, erase_url(target))
    one = count_queries(client, erase_url(target))
    for _ in range(3):
        open_ticket(target)
    assert count_queries(client, erase_url(target)) == one


def test_the_users_listing_makes_a_flat_number_of_queries(client, superuser):
    CustomerFactory()
    client.force_login(superuser)
    url = reverse("wagtailusers_users:index")
    count_queries(client, url)
    one = count_queries(client, url)
    CustomerFactory.create_batch(3)
    assert count_queries(client, url) == one


# The shell


def test_the_command_erases_a_customer_by_email(customer, committed):
    out = io.StringIO()
    with committed():
        call_command("erase_personal_data", customer.email.upper(), stdout=out)

    assert erased(customer)
    assert f"Erased account {customer.pk}" in out.getvalue()
    assert PrivacyAction.objects.get().actor is None


def test_the_command_refuses_unknown_addresses_and_the_team(agent):
    with pytest.raises(CommandError, match="No account"):
        call_command("erase_personal_data", "nobody@example.com")
    with pytest.raises(CommandError, match="support team"):
        call_command("erase_personal_data", agent.email)
    assert not erased(agent)
