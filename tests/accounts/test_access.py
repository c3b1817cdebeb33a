"""Who reaches which page: the site's entry points, for every role."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/tickets/", "/accounts/profile/", "/accounts/email/"])
def test_anonymous_visitors_are_sent_to_log_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={path}"


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/admin/")


def test_customer_gets_no_access_to_the_admin(client, customer):
    client.force_login(customer)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[0][1] == 302
    assert response.resolver_match.url_name == "admin_login"
    assert "You do not have permission to access the admin" in response.content.decode()


@pytest.mark.parametrize("role", ["agent", "support_admin", "editor"])
def test_staff_roles_reach_the_admin(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", ["customer", "agent", "support_admin", "editor"])
def test_every_signed_in_role_sees_their_tickets_page(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get("/tickets/").status_code == 200


def test_django_admin_is_not_installed_or_routed(client, customer, settings):
    client.force_login(customer)

    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    assert client.get("/django-admin/").status_code == 404


def header(response):
    body = response.content.decode()
    return body[body.index("<header") : body.index("</header>")]


def test_header_shows_admin_link_only_to_staff(client, customer, agent):
    client.force_login(customer)
    assert 'href="/admin/"' not in header(client.get("/tickets/"))

    client.force_login(agent)
    assert 'href="/admin/"' in header(client.get("/tickets/"))


def test_header_offers_sign_in_to_anonymous_visitors(client):
    nav = header(client.get("/"))

    assert f'href="{reverse("account_login")}"' in nav
    assert 'href="/tickets/"' not in nav


def test_header_offers_my_tickets_and_sign_out_to_customers(client, customer):
    client.force_login(customer)

    nav = header(client.get("/"))

    assert 'href="/tickets/"' in nav
    assert f'action="{reverse("account_logout")}"' in nav
    assert f'href="{reverse("account_login")}"' not in nav
