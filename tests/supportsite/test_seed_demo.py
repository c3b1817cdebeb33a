import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Revision

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import User

pytestmark = pytest.mark.django_db

STAFF = {"agent@example.com", "agent2@example.com", "editor@example.com", "admin@example.com"}


def snapshot():
    return {
        "users": sorted(
            User.objects.values_list("email", "password", "name", "business_name", "phone")
        ),
        "groups": sorted(User.groups.through.objects.values_list("user__email", "group__name")),
        "emails": sorted(EmailAddress.objects.values_list("email", "verified", "primary")),
        "revisions": Revision.objects.count(),
    }


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    first = snapshot()

    call_command("seed_demo")

    assert snapshot() == first
    assert len(first["users"]) == len(DEMO_ACCOUNTS)


def test_seed_demo_leaves_an_edited_demo_account_alone():
    call_command("seed_demo")
    User.objects.filter(email="customer@example.com").update(name="Maria L.")

    call_command("seed_demo")

    assert User.objects.get(email="customer@example.com").name == "Maria L."


@pytest.mark.parametrize("spec", DEMO_ACCOUNTS, ids=lambda spec: spec["email"])
def test_every_demo_account_logs_in_and_reaches_what_its_role_allows(client, spec):
    call_command("seed_demo")

    response = client.post(
        reverse("account_login"), {"login": spec["email"], "password": DEMO_PASSWORD}
    )

    assert response.status_code == 302, response.content
    admin = client.get("/admin/")
    if spec["email"] in STAFF:
        assert admin.status_code == 200
    else:
        assert admin.status_code == 302


def test_seed_demo_publishes_the_home_page(client):
    call_command("seed_demo")

    response = client.get("/")

    assert response.status_code == 200
    assert "Help Center" in response.content.decode()
