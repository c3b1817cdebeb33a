"""Support admins and superusers manage users in Wagtail's user admin, with our user's fields."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root@example.com", "root-pass-123")


def test_user_admin_creates_a_user_with_name_business_and_phone(client, superuser):
    client.force_login(superuser)
    agents = Group.objects.get(name=roles.AGENTS)

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.agent@example.com",
            "name": "Noor Haddad",
            "business_name": "",
            "phone": "+1 312 555 0111",
            "password1": "a-long-Passphrase-42",
            "password2": "a-long-Passphrase-42",
            "groups": [agents.pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="new.agent@example.com")
    assert (user.name, user.phone) == ("Noor Haddad", "+1 312 555 0111")
    assert list(user.groups.all()) == [agents]


def test_user_admin_edit_form_shows_our_fields(client, superuser, customer):
    client.force_login(superuser)

    body = client.get(reverse("wagtailusers_users:edit", args=[customer.pk])).content.decode()

    assert 'name="business_name"' in body
    assert 'name="phone"' in body
    assert 'name="first_name"' not in body


def test_agents_cannot_manage_users(client, agent):
    client.force_login(agent)

    response = client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 302
