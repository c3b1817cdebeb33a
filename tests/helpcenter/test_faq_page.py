"""An FAQ page: questions grouped by category, inactive ones hidden, edited inline in the admin."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from helpcenter.models import FAQCategory
from tests.factories import UserFactory

from .factories import make_faq

pytestmark = pytest.mark.django_db


def test_questions_are_grouped_by_category_in_category_order(client):
    faq = make_faq(
        items=[
            ("When is my card charged?", "<p>On delivery.</p>", "Payments", True),
            ("What is the cut-off?", "<p>10pm.</p>", "Ordering", True),
            ("Do you deliver on Sundays?", "<p>No.</p>", None, True),
        ]
    )
    FAQCategory.objects.filter(name="Payments").update(sort_order=5)

    html = client.get(faq.url).content.decode()

    headings = re.findall(r'<h2 id="faq-group-\d+-title">(.*?)</h2>', html)
    assert headings == ["Ordering", "Payments", "General"]
    assert html.index("What is the cut-off?") < html.index("When is my card charged?")
    assert '<details class="accordion" id="faq-' in html


def test_inactive_questions_are_not_shown(client):
    faq = make_faq(
        items=[
            ("Can I order by phone?", "<p>Not any more.</p>", "Ordering", False),
            ("What is the cut-off?", "<p>10pm.</p>", "Ordering", True),
        ]
    )

    html = client.get(faq.url).content.decode()

    assert "What is the cut-off?" in html and "Can I order by phone?" not in html


def test_an_editor_adds_a_question_inline_in_the_page_editor(client):
    faq = make_faq(items=[("What is the cut-off?", "<p>10pm.</p>", "Ordering", True)])
    existing = faq.faq_items.get()
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[faq.pk]),
        nested_form_data(
            {
                "title": faq.title,
                "slug": faq.slug,
                "intro": rich_text(""),
                "faq_items": inline_formset(
                    [
                        {
                            "id": existing.pk,
                            "question": existing.question,
                            "answer": rich_text(existing.answer),
                            "category": existing.category_id,
                            "active": "on",
                        },
                        {
                            "question": "Do you deliver ice?",
                            "answer": rich_text("<p>Yes, bagged ice.</p>"),
                            "category": existing.category_id,
                            "active": "on",
                        },
                    ],
                    initial=1,
                ),
                "comments": inline_formset([]),
                "action-publish": "Publish",
            }
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    html = client.get(faq.url).content.decode()
    assert "What is the cut-off?" in html and "Do you deliver ice?" in html


def test_editors_preview_unsaved_questions(client):
    faq = make_faq(items=[("What is the cut-off?", "<p>10pm.</p>", "Ordering", True)])
    existing = faq.faq_items.get()
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[faq.pk])
    form = nested_form_data(
        {
            "title": faq.title,
            "slug": faq.slug,
            "intro": rich_text(""),
            "faq_items": inline_formset(
                [
                    {
                        "id": existing.pk,
                        "question": "What is the new cut-off?",
                        "answer": rich_text("<p>9pm.</p>"),
                        "category": existing.category_id,
                        "active": "on",
                    },
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
        }
    )

    assert client.post(url, form).json()["is_valid"]
    html = client.get(url).content.decode()

    assert "What is the new cut-off?" in html
    assert "What is the new cut-off?" not in client.get(faq.url).content.decode()
