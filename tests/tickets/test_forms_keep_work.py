"""The contact and reply forms lose nothing: every mistake is named at once, in our words, next to
its field and in a summary; files that passed the checks are kept through a refused post (in this
session only), listed with a remove button, sent with the corrected form, and deleted after a
day if never sent; a post refused by the rate limit keeps the draft for later."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from helpcenter import contact_drafts
from helpcenter import views as helpcenter_views
from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from helpcenter.models.contact import ContactFormField
from tests.factories import CustomerFactory, open_ticket
from tests.utils import count_queries
from tickets import kept_uploads
from tickets.choices import Priority
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "Missing limes in today's delivery",
    "description": "Two cases of limes were not delivered with order LT-1 this morning.",
    "priority": "medium",
}
MEGABYTE = 1024 * 1024
DJANGO_DEFAULTS = ("Ensure this value", "This field is required", "Select a valid choice")


@pytest.fixture
def contact_page():
    seed_contact_page(HomePage.objects.get())
    return ContactPage.objects.get(slug="contact")


@pytest.fixture(autouse=True)
def no_kept_files():
    """The test storage lives as long as the test process: start each test with none kept."""
    for name in kept_paths():
        storages["attachments"].delete(f"{kept_uploads.KEPT_FOLDER}/{name}")


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def text_file(name="notes.txt", content=b"the driver's notes"):
    return SimpleUploadedFile(name, content)


def kept_paths():
    try:
        return storages["attachments"].listdir(kept_uploads.KEPT_FOLDER)[1]
    except FileNotFoundError:
        return []


def four_bad_fields():
    return {
        "subject": "Hi",
        "description": "Too short",
        "priority": Priority.URGENT,
        "priority_justification": "",
        "attachments": [
            SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 64),
            SimpleUploadedFile("huge.txt", b"a" * (11 * MEGABYTE)),
            text_file(),
        ],
    }


def test_four_bad_fields_are_all_named_at_once_in_our_words(signed_in, contact_page):
    response = signed_in.post("/contact/", four_bad_fields())

    errors = response.context["form"].errors
    assert set(errors) == {"subject", "description", "priority_justification", "attachments"}
    assert errors["subject"] == [
        "Please write a subject of at least 5 characters, e.g. “Missing items in my order”."
    ]
    assert errors["priority_justification"] == ["Tell us why this needs high or urgent attention."]
    assert errors["attachments"] == [
        "setup.exe is not a file type we accept: send images, PDF, text, CSV or office documents.",
        "huge.txt is larger than 10 MB.",
    ]
    page = response.content.decode()
    assert not any(default in page for default in DJANGO_DEFAULTS)
    assert not Ticket.objects.exists()


def test_the_error_summary_takes_the_focus_and_links_to_each_field(signed_in, contact_page):
    page = signed_in.post("/contact/", four_bad_fields()).content.decode()

    (summary,) = re.findall(r'<div class="alert alert--error error-summary"[^>]*>', page)
    assert 'tabindex="-1"' in summary and "autofocus" in summary and 'role="alert"' in summary
    for field in ("subject", "description", "priority_justification", "attachments"):
        assert f'<a href="#id_{field}">' in page


def test_the_justification_is_never_optional_and_required_when_the_priority_needs_it(
    signed_in, contact_page
):
    page = signed_in.get("/contact/").content.decode()
    label = re.search(r'<label[^>]*for="id_priority_justification".*?</label>', page, re.S)[0]
    assert "(optional)" not in label
    assert "data-required-marker hidden" in label
    assert 'data-needed-for="high urgent"' in page or 'data-needed-for="urgent high"' in page

    page = signed_in.post("/contact/", {**FORM, "priority": Priority.HIGH}).content.decode()
    label = re.search(r'<label[^>]*for="id_priority_justification".*?</label>', page, re.S)[0]
    assert "data-required-marker>(required)" in label


def test_a_default_priority_needs_no_justification(signed_in, contact_page):
    signed_in.post("/contact/", {**FORM, "priority": ""})

    assert Ticket.objects.count() == 1


def test_an_editors_extra_field_speaks_our_words(signed_in, contact_page):
    ContactFormField.objects.create(
        page=contact_page, label="Your email", field_type="email", required=True
    )

    errors = (
        signed_in.post("/contact/", {**FORM, "your_email": "not-an-address"}).context["form"].errors
    )

    assert errors["your_email"] == ["Please enter an email address, like name@example.com."]


def test_a_good_file_survives_a_failed_submit_and_goes_with_the_corrected_form(
    signed_in, contact_page
):
    response = signed_in.post("/contact/", four_bad_fields())

    page = response.content.decode()
    assert "notes.txt" in page and 'name="remove_upload"' in page
    assert "setup.exe" not in re.search(r'kept-uploads".*?</ul>', page, re.S)[0]
    assert len(kept_paths()) == 1

    response = signed_in.post("/contact/", {**FORM, "attachments": [text_file("photo.txt")]})

    ticket = Ticket.objects.get()
    assert sorted(a.original_name for a in ticket.attachments.all()) == ["notes.txt", "photo.txt"]
    assert kept_paths() == []
    assert "notes.txt" not in signed_in.get("/contact/").content.decode()


def test_a_kept_file_can_be_removed_and_the_text_stays(signed_in, contact_page):
    signed_in.post("/contact/", {**four_bad_fields(), "subject": "Limes"})
    (upload,) = kept_uploads.listed(
        _request_of(signed_in), contact_drafts.uploads_scope(contact_page)
    )

    response = signed_in.post(
        "/contact/", {**FORM, "subject": "Limes again", "remove_upload": upload.id}
    )

    page = response.content.decode()
    assert 'value="Limes again"' in page
    assert "notes.txt" not in page
    assert "error-summary" not in page
    assert kept_paths() == []
    assert not Ticket.objects.exists()


def test_an_anonymous_visitor_removes_a_kept_file_without_being_sent_to_sign_in(
    client, contact_page
):
    client.post("/contact/", {**FORM, "attachments": [text_file()]})
    (upload,) = kept_uploads.listed(_request_of(client), contact_drafts.uploads_scope(contact_page))

    response = client.post("/contact/", {**FORM, "remove_upload": upload.id})

    assert response.status_code == 200
    assert FORM["description"] in response.content.decode()
    assert kept_paths() == []


def test_kept_files_belong_to_their_session_only(signed_in, contact_page):
    signed_in.post("/contact/", four_bad_fields())
    (upload,) = kept_uploads.listed(
        _request_of(signed_in), contact_drafts.uploads_scope(contact_page)
    )
    stranger = Client()
    stranger.force_login(CustomerFactory())

    page = stranger.get("/contact/").content.decode()
    stranger.post("/contact/", {**FORM, "remove_upload": upload.id})
    stranger.post("/contact/", FORM)

    assert "notes.txt" not in page
    assert len(kept_paths()) == 1
    assert not Ticket.objects.get().attachments.exists()


def test_kept_files_expire_after_a_day(signed_in, contact_page):
    signed_in.post("/contact/", four_bad_fields())

    assert kept_uploads.forget_expired() == 0
    assert kept_uploads.forget_expired(now=timezone.now() + timedelta(hours=25)) == 1
    assert kept_paths() == []
    with freeze_time(timezone.now() + timedelta(hours=25)):
        assert "notes.txt" not in signed_in.get("/contact/").content.decode()


def test_the_scheduler_runs_the_clean_up_every_hour():
    job = settings.PERIODIC_TASKS["forget-kept-uploads"]

    assert job == {"task": "tickets.kept_uploads.forget_expired_task", "every": 3600}
    assert kept_uploads.forget_expired_task.call() == 0


def test_too_many_posts_from_one_address_keep_the_draft_for_later(
    signed_in, contact_page, monkeypatch
):
    monkeypatch.setattr(helpcenter_views, "CONTACT_POSTS_PER_IP", "1/h")
    signed_in.post("/contact/", {**FORM, "subject": "x"})

    response = signed_in.post(
        "/contact/", {**FORM, "attachments": [text_file()], "best_time_to_call_you": "at 2pm"}
    )

    assert response.status_code == 429
    page = response.content.decode()
    assert 'href="/contact/?resume=1"' in page
    assert "Back to your message" in page
    page = signed_in.get("/contact/?resume=1").content.decode()
    assert FORM["description"] in page and 'value="at 2pm"' in page
    assert "notes.txt" in page


def test_the_429_page_without_a_draft_offers_the_help_center_only(client):
    from supportsite.views import rate_limited

    request = client.get("/").wsgi_request
    page = rate_limited(request).content.decode()

    assert "Back to your message" not in page


def test_reply_form_names_every_mistake_and_keeps_a_good_file(signed_in, customer):
    ticket = open_ticket(customer)

    response = signed_in.post(
        ticket.get_absolute_url(),
        {"body": "", "attachments": [SimpleUploadedFile("x.exe", b"MZ\x00\x00"), text_file()]},
    )

    errors = response.context["reply_form"].errors
    assert errors["body"] == ["Please write your reply."]
    assert errors["attachments"] == [
        "x.exe is not a file type we accept: send images, PDF, text, CSV or office documents."
    ]
    assert "notes.txt" in response.content.decode()

    signed_in.post(ticket.get_absolute_url(), {"body": "Here are the notes."})

    message = ticket.messages.get()
    assert [a.original_name for a in message.attachments.all()] == ["notes.txt"]
    assert kept_paths() == []


def test_reply_form_counts_kept_files_against_the_limit(signed_in, customer):
    ticket = open_ticket(customer)
    signed_in.post(
        ticket.get_absolute_url(),
        {"body": "", "attachments": [text_file(f"n{n}.txt") for n in range(4)]},
    )

    response = signed_in.post(
        ticket.get_absolute_url(),
        {"body": "Two more", "attachments": [text_file("a.txt"), text_file("b.txt")]},
    )

    assert response.context["reply_form"].errors["attachments"] == ["Attach at most 5 files."]
    assert not ticket.messages.exists()


def test_file_inputs_carry_the_servers_limits_for_the_browser(signed_in, contact_page):
    page = signed_in.get("/contact/").content.decode()
    (tag,) = re.findall(r'<input type="file"[^>]*>', page)

    assert 'data-max-files="5"' in tag
    assert f'data-max-bytes="{10 * MEGABYTE}"' in tag
    assert ".pdf" in tag and ".exe" not in tag
    assert 'data-too-large="{name} is larger than 10 MB."' in tag


def test_contact_page_query_count_is_flat_as_kept_files_grow(signed_in, contact_page):
    signed_in.post("/contact/", {"subject": "x", "attachments": [text_file()]})
    count_queries(signed_in, "/contact/")
    small = count_queries(signed_in, "/contact/")

    signed_in.post("/contact/", {"subject": "x", "attachments": [text_file() for _ in range(3)]})

    assert len(kept_paths()) == 4
    assert count_queries(signed_in, "/contact/") == small


def test_ticket_page_query_count_is_flat_as_kept_files_grow(signed_in, customer):
    ticket = open_ticket(customer)
    url = ticket.get_absolute_url()
    signed_in.post(url, {"body": "", "attachments": [text_file()]})
    count_queries(signed_in, url)
    small = count_queries(signed_in, url)

    signed_in.post(url, {"body": "", "attachments": [text_file() for _ in range(3)]})

    assert count_queries(signed_in, url) == small


def _request_of(client):
    """Something with the client's session, as tickets.kept_uploads reads it."""
    return SimpleNamespace(session=client.session)
