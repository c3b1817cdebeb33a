"""A customer's contact form with four mistakes: every one is named at once, the summary takes the
focus, the attached file survives the round trip and goes with the corrected form. A reply is
sent once however often its button is pressed, and shows in the thread."""

import re

import pytest
from playwright.sync_api import expect

from helpcenter.demo import seed_contact_page
from helpcenter.models import HomePage
from tests.factories import PASSWORD, CustomerFactory, open_ticket
from tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = [1280, 375]


@pytest.fixture
def customer():
    seed_contact_page(HomePage.objects.get())
    return CustomerFactory(name="Maria Lopez")


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/tickets/$"))


@pytest.mark.parametrize("width", WIDTHS)
def test_four_mistakes_at_once_and_the_file_is_kept(page, screenshot, customer, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    notes = tmp_path / "driver-notes.txt"
    notes.write_text("Left at 6:05 by the back door.")
    fake_photo = tmp_path / "photo.png"
    fake_photo.write_bytes(b"not a picture at all")
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ" + b"\x00" * 64)
    sign_in(page, customer)
    page.goto("/contact/")

    justification = page.get_by_label(re.compile("^Why is this high or urgent"))
    expect(justification).to_be_hidden()
    page.get_by_label("Subject").fill("Hi")
    page.get_by_label("Description").fill("Too short")
    page.get_by_label("Priority").select_option("urgent")
    expect(justification).to_be_visible()
    expect(page.locator("label[for=id_priority_justification]")).to_contain_text("(required)")
    attachments = page.get_by_label("Attachments")
    attachments.set_input_files([str(program)])
    expect(page.get_by_text("setup.exe is not a file type we accept")).to_be_visible()
    attachments.set_input_files([str(notes), str(fake_photo)])
    page.get_by_role("button", name="Send to support").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(4)
    for field in ("subject", "description", "priority_justification", "attachments"):
        expect(page.locator(f"#id_{field}_error")).to_be_visible()
    expect(page.locator("#id_attachments_error")).to_contain_text("photo.png")
    kept = page.get_by_role("group", name="Files kept for you, sent with this form")
    expect(kept).to_contain_text("driver-notes.txt")
    expect(kept).not_to_contain_text("photo.png")
    expect(justification).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(f"errors-{width}")
    summary.get_by_role("link", name=re.compile("^Subject")).click()
    expect(page.get_by_label("Subject")).to_be_focused()

    page.get_by_label("Subject").fill("Avocados missing from delivery")
    page.get_by_label("Description").fill("The case of avocados was not in this morning's drop.")
    justification.fill("The restaurant opens at noon.")
    # A large file: sent in the background, with its progress shown.
    log = tmp_path / "scanner.log"
    log.write_text("scan ok\n" * 300_000)
    attachments.set_input_files([str(log)])
    with page.expect_request(lambda request: request.resource_type == "xhr"):
        page.get_by_role("button", name="Send to support").click()
        expect(page.locator("progress.upload-progress")).to_be_attached()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("got it", re.I))
    ticket = Ticket.objects.get()
    assert sorted(a.original_name for a in ticket.attachments.all()) == [
        "driver-notes.txt",
        "scanner.log",
    ]
    assert ticket.priority_justification == "The restaurant opens at noon."


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reply_is_sent_once_and_shows_in_the_thread(page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    ticket = open_ticket(customer)
    sign_in(page, customer)
    page.goto(ticket.get_absolute_url())

    page.get_by_label("Your reply").fill("The driver left at 6:05, if that helps.")
    send = page.get_by_role("button", name="Send reply")
    send.click()
    page.locator("[data-reply-form] [data-busy-label]").dispatch_event("click")

    thread = page.locator("#thread")
    expect(thread).to_contain_text("The driver left at 6:05, if that helps.")
    expect(page.get_by_text("Your reply was sent.")).to_be_visible()
    assert ticket.messages.count() == 1


def test_a_reply_that_could_not_be_sent_is_marked_and_its_text_kept(page, customer):
    ticket = open_ticket(customer)
    sign_in(page, customer)
    page.goto(ticket.get_absolute_url())
    page.route(
        re.compile(r"/tickets/[^/]+/$"),
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )

    page.get_by_label("Your reply").fill("Are the limes coming today?")
    page.get_by_role("button", name="Send reply").click()

    failed = page.locator("#thread .message--failed")
    expect(failed).to_contain_text("Are the limes coming today?")
    expect(failed).to_contain_text("Not sent")
    expect(page.get_by_label("Your reply")).to_have_value("Are the limes coming today?")
    expect(page.get_by_role("button", name="Send reply")).not_to_have_attribute(
        "aria-disabled", "true"
    )
    assert not ticket.messages.exists()
