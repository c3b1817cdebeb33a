"""Editors preview a contact page with the form customers get: the ticket's fields and theirs."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_contact_form_preview_shows_the_tickets_fields_and_the_editors(client):
    seed_contact_page(HomePage.objects.get())
    page = ContactPage.objects.get(slug="contact")
    extra = page.form_fields.get()
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(page.intro),
            "thank_you_text": rich_text(page.thank_you_text),
            "form_fields": inline_formset(
                [
                    {
                        "id": extra.pk,
                        "label": "Best day to call you",
                        "field_type": "singleline",
                        "required": "",
                        "help_text": "",
                        "choices": "",
                        "default_value": "",
                    }
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
        }
    )

    assert client.post(url, form).json()["is_valid"]
    html = client.get(url, {"mode": "form"}).content.decode()

    assert 'name="subject"' in html and 'name="description"' in html
    assert "Best day to call you" in html
