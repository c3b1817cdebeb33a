"""The admin has no password form of its own: /admin/login/ sends people to the site's login, so
allauth's throttle and lock (the `login_failed` rate limit) guard every way in."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"


def signed_in(client):
    return "_auth_user_id" in client.session


def post_admin_login(client, email, password):
    """What Wagtail's own login form posted (Django's AuthenticationForm field names)."""
    return client.post(ADMIN_LOGIN, {"username": email, "password": password, "next": "/admin/"})


def post_site_login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.parametrize("role", ["agent", "customer"])
def test_twenty_wrong_passwords_at_the_admin_login_then_the_right_one_logs_nobody_in(
    client, request, role
):
    user = request.getfixturevalue(role)
    for _ in range(20):
        post_admin_login(client, user.email, "not-the-password")

    response = post_admin_login(client, user.email, PASSWORD)

    assert not signed_in(client)
    # The admin login only points at the site's login; it checks no password itself.
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


@pytest.mark.parametrize("role", ["agent", "customer"])
def test_the_site_logins_lock_closes_the_admin_way_in_too(client, request, role):
    user = request.getfixturevalue(role)
    for _ in range(5):
        post_site_login(client, user.email, "not-the-password")

    assert post_site_login(client, user.email, PASSWORD).status_code in (200, 429)
    assert not signed_in(client)

    post_admin_login(client, user.email, PASSWORD)
    assert not signed_in(client)

    # Following the admin's way in (its login link) ends on the same locked form.
    page = client.get(ADMIN_LOGIN, follow=True)
    assert page.resolver_match.url_name == "account_login"
    response = client.post(
        page.request["PATH_INFO"] + "?next=/admin/",
        {
            "login": user.email,
            "password": PASSWORD,
        },
    )
    assert response.status_code in (200, 429)
    assert not signed_in(client)


def test_wrong_passwords_entered_from_the_admins_link_count_towards_the_lock(client, agent):
    page = client.get(ADMIN_LOGIN, follow=True)
    assert page.resolver_match.url_name == "account_login"
    login_url = f"{page.request['PATH_INFO']}?{page.request['QUERY_STRING']}"
    for _ in range(5):
        client.post(login_url, {"login": agent.email, "password": "not-the-password"})

    response = client.post(login_url, {"login": agent.email, "password": PASSWORD})

    assert response.status_code in (200, 429)
    assert not signed_in(client)


@pytest.mark.parametrize(
    "start, lands_on",
    [
        (ADMIN_LOGIN, "/admin/"),
        ("/admin/", "/admin/"),
        ("/admin/snippets/tickets/ticket/", "/admin/snippets/tickets/ticket/"),
    ],
)
def test_staff_sign_in_through_the_admins_login_link_and_land_in_the_admin(
    client, agent, start, lands_on
):
    page = client.get(start, follow=True)

    assert page.status_code == 200
    assert page.resolver_match.url_name == "account_login"
    assert page.wsgi_request.GET["next"] == lands_on

    response = client.post(
        f"{page.request['PATH_INFO']}?{page.request['QUERY_STRING']}",
        {"login": agent.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == lands_on
    assert signed_in(client)
    assert client.get(lands_on).status_code == 200


def test_the_admin_login_keeps_no_foreign_next(client):
    response = client.get(ADMIN_LOGIN, {"next": "https://evil.example.com/"})

    assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


def test_a_signed_in_staff_member_at_the_admin_login_goes_on_to_the_admin(client, agent):
    client.force_login(agent)

    response = client.get(ADMIN_LOGIN, {"next": "/admin/snippets/tickets/ticket/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/snippets/tickets/ticket/"


@pytest.mark.parametrize("start", ["/admin/", ADMIN_LOGIN, "/admin/snippets/tickets/ticket/"])
def test_a_signed_in_customer_opening_the_admin_is_refused_without_a_redirect_loop(
    client, customer, start
):
    client.force_login(customer)

    # The test client raises RedirectCycleError on a loop, and stops after 20 redirects.
    response = client.get(start, follow=True)

    assert len(response.redirect_chain) <= 2
    assert response.status_code == 403
    body = response.content.decode()
    assert "You do not have permission to access the admin" in body
    assert 'name="password"' not in body  # no password form to try passwords on
    assert signed_in(client)


def test_admin_logout_signs_out_and_offers_the_site_login(client, agent):
    client.force_login(agent)

    response = client.post(reverse("wagtailadmin_logout"), follow=True)

    assert not signed_in(client)
    assert response.status_code == 200
    assert response.resolver_match.url_name == "account_login"
    assert "You have been successfully logged out." in response.content.decode()
