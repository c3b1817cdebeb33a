"""The contact page at /contact/ turns a visitor's question into a ticket through the workflow."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from tests.factories import CategoryFactory, CustomerFactory, OrderFactory, open_ticket
from tests.helpcenter.factories import make_article
from tickets.choices import Priority
from tickets.models import Deflection, Ticket

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "Missing limes in today's delivery",
    "description": "Two cases of limes were not delivered with order LT-1 this morning.",
    "priority": "medium",
    "best_time_to_call_you": "after 2pm",
}


@pytest.fixture
def contact_page():
    seed_contact_page(HomePage.objects.get())
    return ContactPage.objects.get(slug="contact")


def test_the_thank_you_page_names_only_the_visitors_own_ticket(client, customer, contact_page):
    theirs = open_ticket(customer)
    someone_elses = open_ticket(CustomerFactory())
    client.force_login(customer)

    assert theirs.number in client.get(f"/contact/?sent={theirs.number}").content.decode()
    page = client.get(f"/contact/?sent={someone_elses.number}").content.decode()
    assert someone_elses.number not in page
    assert 'name="subject"' in page  # the form, as for any visit
    client.logout()
    assert theirs.number not in client.get(f"/contact/?sent={theirs.number}").content.decode()


def test_signed_in_customer_sends_a_ticket_and_sees_its_number(client, customer, contact_page):
    category = CategoryFactory(name="Order issue")
    order = OrderFactory(customer=customer)
    client.force_login(customer)

    response = client.post(
        "/contact/",
        {
            **FORM,
            "category": category.pk,
            "order": order.number,
            "attachments": [SimpleUploadedFile("photo.txt", b"a photo description")],
        },
    )

    ticket = Ticket.objects.get()
    # Post, then redirect: reloading the thank-you page sends nothing twice.
    assert response.status_code == 302
    assert response["Location"] == f"/contact/?sent={ticket.number}"
    assert (ticket.customer, ticket.category, ticket.order) == (customer, category, order)
    assert ticket.source_page.specific == contact_page
    assert ticket.extra_fields == {"Best time to call you": "after 2pm"}
    assert ticket.attachments.get().original_name == "photo.txt"
    body = client.get(response["Location"]).content.decode()
    assert ticket.number in body
    assert ticket.get_absolute_url() in body
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data["ticket"] == ticket.number


def test_mistakes_are_shown_next_to_the_fields_and_the_text_is_kept(client, customer, contact_page):
    client.force_login(customer)

    response = client.post("/contact/", {**FORM, "subject": "Help", "priority": Priority.URGENT})

    assert response.status_code == 200
    form = response.context["form"]
    assert "subject" in form.errors
    assert FORM["description"] in response.content.decode()
    assert not Ticket.objects.exists()

    response = client.post("/contact/", {**FORM, "priority": Priority.URGENT})

    assert "priority_justification" in response.context["form"].errors
    assert not Ticket.objects.exists()


def test_only_my_own_orders_are_offered_and_accepted(client, customer, contact_page):
    mine = OrderFactory(customer=customer)
    theirs = OrderFactory()
    client.force_login(customer)

    body = client.get(f"/contact/?order={mine.number}").content.decode()
    assert f'value="{mine.number}" selected' in body
    assert theirs.number not in body

    response = client.post("/contact/", {**FORM, "order": theirs.number})
    assert "order" in response.context["form"].errors


def test_the_orders_are_offered_by_number_newest_first(client, customer, contact_page):
    older = OrderFactory(customer=customer, placed_at=timezone.now() - timedelta(days=30))
    newer = OrderFactory(customer=customer)
    client.force_login(customer)

    body = client.get("/contact/").content.decode()

    select = re.search(r'<select name="order".*?</select>', body, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select) == [
        ("", "Not about a specific order"),
        (newer.number, newer.number),
        (older.number, older.number),
    ]


def test_category_and_subject_can_be_preselected_by_links(client, customer, contact_page):
    category = CategoryFactory(name="Delivery problem")
    client.force_login(customer)

    form = client.get(f"/contact/?category={category.pk}&subject=Late+truck").context["form"]

    assert form.initial["category"] == str(category.pk)
    assert form.initial["subject"] == "Late truck"


def test_anonymous_visitor_signs_in_and_comes_back_to_their_form(client, customer, contact_page):
    response = client.post(
        "/contact/", {**FORM, "attachments": [SimpleUploadedFile("notes.txt", b"kept")]}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/contact/%3Fresume%3D1"
    assert not Ticket.objects.exists()

    client.force_login(customer)
    response = client.get("/contact/?resume=1")
    body = response.content.decode()
    assert FORM["description"] in body
    assert 'value="after 2pm"' in body
    assert "notes.txt" in body

    client.post("/contact/", FORM)

    ticket = Ticket.objects.get()
    assert ticket.customer == customer
    assert ticket.attachments.get().original_name == "notes.txt"
    assert "notes.txt" not in client.get("/contact/?resume=1").content.decode()


def test_a_follow_up_links_to_the_closed_ticket(client, customer, contact_page):
    old = open_ticket(customer)
    client.force_login(customer)

    client.post("/contact/", {**FORM, "follow_up": old.number})

    assert Ticket.objects.exclude(pk=old.pk).get().previous_ticket == old


def test_suggestions_match_what_is_typed(client, contact_page):
    make_article(title="Refunds for missing items")

    body = client.get(reverse("helpcenter:contact_suggestions"), {"q": "refunds"}).content.decode()

    assert "<mark>Refunds</mark> for missing items" in body
    assert client.get(reverse("helpcenter:contact_suggestions"), {"q": "zz"}).content.strip() == b""


def test_opening_a_suggestion_counts_as_a_deflection_until_a_ticket_is_sent(
    client, customer, contact_page
):
    article = make_article(title="Refunds for missing items")
    client.force_login(customer)

    response = client.post(
        reverse("helpcenter:open_suggestion", args=[article.pk]),
        {"q": "refund", "from": contact_page.pk},
    )

    assert response.status_code == 302
    assert response["Location"] == article.url
    deflection = Deflection.objects.get(page=article)
    assert (deflection.page_id, deflection.ticket, deflection.query) == (article.pk, None, "refund")

    client.post("/contact/", FORM)

    deflection.refresh_from_db()
    assert deflection.ticket == Ticket.objects.get()


def test_bad_suggestion_input_is_a_404_not_an_error(client, contact_page):
    assert client.post(reverse("helpcenter:open_suggestion", args=[999999])).status_code == 404
    home = Page.objects.get(depth=2)
    response = client.post(
        reverse("helpcenter:open_suggestion", args=[home.pk]), {"from": "not-a-number"}
    )
    assert response.status_code == 302


def test_following_a_suggestion_url_with_get_records_nothing(client, contact_page):
    article = make_article(title="Refunds for missing items")

    response = client.get(
        reverse("helpcenter:open_suggestion", args=[article.pk]),
        {"q": "refund", "from": contact_page.pk},
    )

    assert response.status_code == 405
    assert not Deflection.objects.exists()


def test_opening_a_suggestion_needs_the_pages_csrf_token(contact_page):
    article = make_article(title="Refunds for missing items")
    client = Client(enforce_csrf_checks=True)
    url = reverse("helpcenter:open_suggestion", args=[article.pk])

    assert client.post(url, {"q": "refund"}).status_code == 403
    assert not Deflection.objects.exists()
    page = client.get("/contact/").content.decode()
    (token,) = re.findall(
        r'id="suggestion-opener"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" '
        r'value="([^"]+)"',
        page,
    )
    response = client.post(url, {"q": "refund", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Deflection.objects.get().query == "refund"


def test_suggestions_are_buttons_of_the_pages_suggestion_form(client, contact_page):
    article = make_article(title="Refunds for missing items")

    body = client.get(
        reverse("helpcenter:contact_suggestions"), {"q": "refunds", "from": contact_page.pk}
    ).content.decode()

    url = reverse("helpcenter:open_suggestion", args=[article.pk])
    assert (
        f'<button type="submit" class="suggestions__link" form="suggestion-opener" '
        f'formaction="{url}"><mark>Refunds</mark> for missing items'
    ) in body
    assert '<input type="hidden" name="q" value="refunds" form="suggestion-opener">' in body
    assert (
        f'<input type="hidden" name="from" value="{contact_page.pk}" form="suggestion-opener">'
    ) in body
    assert f'href="{url}' not in body


def test_too_many_tickets_get_a_429_on_the_form_as_typed(client, customer, contact_page):
    client.force_login(customer)
    for _ in range(10):
        client.post("/contact/", FORM)

    response = client.post("/contact/", FORM)

    assert response.status_code == 429
    page = response.content.decode()
    assert "You have opened 10 tickets in the last hour. Please wait a little." in page
    assert 0 < int(response["Retry-After"]) <= 3600
    assert f'value="{FORM["subject"]}"' in page.replace("&#x27;", "'")
    assert f"{FORM['description']}</textarea>" in page
    assert Ticket.objects.count() == 10
