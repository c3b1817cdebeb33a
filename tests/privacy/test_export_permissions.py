"""Every route of the export, for every role."""

import pytest
from django.urls import reverse

from privacy import export_requests
from privacy.models import DataExport
from tests.factories import CustomerFactory

ROLES = ["anonymous", "customer", "other_customer", "editor", "agent", "support_admin"]


@pytest.fixture
def people(customer, editor, agent, support_admin):
    return {
        "anonymous": None,
        "customer": customer,
        "other_customer": CustomerFactory(),
        "editor": editor,
        "agent": agent,
        "support_admin": support_admin,
    }


@pytest.fixture
def ready(customer, committed):
    with committed():
        data_export = export_requests.request_own(customer)
    data_export.refresh_from_db()
    return data_export


def signed_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_asking_for_a_copy_is_for_signed_in_people_and_their_own_data(client, people, role):
    response = signed_in(client, people[role]).post(reverse("privacy:request_export"))

    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
        assert not DataExport.objects.exists()
    else:
        assert response.status_code == 302 and response.url == reverse("account_profile")
        assert list(DataExport.objects.values_list("user", "requested_by")) == [
            (people[role].pk, people[role].pk)
        ]


def test_asking_for_a_copy_takes_only_a_post(client, customer):
    assert signed_in(client, customer).get(reverse("privacy:request_export")).status_code == 405


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("customer", 200),
        ("other_customer", 404),
        ("editor", 404),
        ("agent", 404),
        ("support_admin", 200),
    ],
)
def test_a_copy_downloads_for_its_owner_and_support_admins_only(
    client, people, ready, role, status
):
    response = signed_in(client, people[role]).get(export_requests.download_path(ready))

    assert response.status_code == status
    if role == "anonymous":
        assert "/accounts/login/" in response.url


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("customer", False),
        ("other_customer", False),
        ("editor", False),
        ("agent", False),
        ("support_admin", True),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_support_admins_export_from_the_admin(client, people, role, allowed, method):
    url = reverse("privacy_admin_export", args=[people["customer"].pk])

    response = getattr(signed_in(client, people[role]), method)(url)

    if allowed:
        assert response.status_code == (200 if method == "get" else 302)
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "login" in response.url or response.url == reverse("wagtailadmin_home")
    assert DataExport.objects.exists() == (allowed and method == "post")


@pytest.mark.parametrize(
    ("role", "shown"),
    [("editor", False), ("agent", False), ("support_admin", True)],
)
def test_the_admin_menu_offers_customer_data_to_support_admins_only(client, people, role, shown):
    page = signed_in(client, people[role]).get(reverse("wagtailadmin_home"))

    assert (reverse("privacy_admin_find") in page.content.decode()) == shown


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("customer", False), ("agent", False), ("support_admin", True)],
)
def test_only_support_admins_find_an_account_to_export(client, people, role, allowed):
    customer = people["customer"]
    url = reverse("privacy_admin_find")

    response = signed_in(client, people[role]).get(url, {"email": customer.email.upper()})

    if allowed:
        assert response.url == reverse("privacy_admin_export", args=[customer.pk])
    else:
        assert response.status_code in (302, 403)
        assert reverse("privacy_admin_export", args=[customer.pk]) not in response.get(
            "Location", ""
        )


def test_an_unknown_address_is_said_next_to_the_field_and_kept(client, support_admin):
    client.force_login(support_admin)

    page = client.get(reverse("privacy_admin_find"), {"email": "nobody@example.com"})

    assert page.status_code == 200
    assert "No account has this address." in page.content.decode()
    assert 'value="nobody@example.com"' in page.content.decode()


def test_superusers_find_the_export_in_each_accounts_menu_of_the_users_list(client, customer):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))

    page = client.get(reverse("wagtailusers_users:index"))

    assert reverse("privacy_admin_export", args=[customer.pk]) in page.content.decode()


def test_the_admin_page_lists_the_copies_with_their_links(
    client, customer, support_admin, committed
):
    client.force_login(support_admin)
    url = reverse("privacy_admin_export", args=[customer.pk])
    with committed():
        client.post(url)

    page = client.get(url).content.decode()

    assert export_requests.download_path(DataExport.objects.get()) in page
