import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_customer_updates_their_details(client, customer):
    client.force_login(customer)

    response = client.post(
        reverse("account_profile"),
        {"name": "Maria Lopez", "business_name": "Lopez Taqueria #2", "phone": "+1 312 555 0142"},
    )

    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.business_name == "Lopez Taqueria #2"


def test_bad_phone_is_refused_next_to_the_field_and_input_kept(client, customer):
    client.force_login(customer)

    response = client.post(
        reverse("account_profile"),
        {"name": "Maria Lopez", "business_name": "Kept Business", "phone": "not a phone"},
    )

    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert 'value="Kept Business"' in response.content.decode()
    customer.refresh_from_db()
    assert customer.business_name != "Kept Business"


def test_profile_page_escapes_what_users_typed(client, customer):
    customer.name = "<script>alert(1)</script>"
    customer.save()
    client.force_login(customer)

    body = client.get(reverse("account_profile")).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
