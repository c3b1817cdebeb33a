"""A customer sends a ticket from the contact page, follows it, replies, confirms and rates it."""

import re

import pytest
from playwright.sync_api import expect

from helpcenter.demo import seed_contact_page
from helpcenter.models import HomePage
from tests.factories import PASSWORD, AgentFactory, CategoryFactory, CustomerFactory, OrderFactory
from tests.helpcenter.factories import make_article
from tickets import workflow
from tickets.choices import Status
from tickets.models import Deflection, Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture
def desk():
    seed_contact_page(HomePage.objects.get())
    customer = CustomerFactory(name="Maria Lopez")
    category = CategoryFactory(name="Order issue")
    return {
        "customer": customer,
        "agent": AgentFactory(name="Alex Kim"),
        "order": OrderFactory(customer=customer, number="LT-10420"),
        "category": category,
        "article": make_article(title="Missing or damaged items", ticket_category=category),
    }


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/tickets/$"))


def test_customer_sends_follows_confirms_and_rates_a_ticket(page, screenshot, desk, tmp_path):
    customer, agent = desk["customer"], desk["agent"]
    sign_in(page, customer)
    photo = tmp_path / "damaged-case.png"
    photo.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082"
        )
    )

    page.goto(desk["article"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Missing or damaged items")
    page.get_by_role("region", name="Still need help?").get_by_role(
        "link", name="Contact support"
    ).click()

    expect(page).to_have_url(re.compile(r"/contact/\?category="))
    expect(page.get_by_label("Category")).to_have_value(str(desk["category"].pk))
    page.get_by_label("Subject").fill("Avocados missing from delivery")
    page.get_by_label("Description").fill("The case of avocados was not in this morning's drop.")
    page.get_by_label(re.compile(r"^Order")).select_option("LT-10420")
    page.get_by_label("Attachments").set_input_files(str(photo))
    screenshot("contact-form")
    page.get_by_role("button", name="Send to support").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("got it", re.I))
    ticket = Ticket.objects.get()
    expect(page.get_by_text(ticket.number)).to_be_visible()
    screenshot("thank-you")
    page.get_by_role("link", name="View your ticket").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Avocados missing from delivery")
    expect(page.get_by_text("Order LT-10420")).to_be_visible()
    expect(page.get_by_role("link", name="damaged-case.png")).to_be_visible()

    page.get_by_label("Your reply").fill("The driver left at 6:05, if that helps.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("The driver left at 6:05, if that helps.")).to_be_visible()
    # The thread shows the reply at once, while it is still being sent: wait until it is saved,
    # or it would come after the resolution below and reopen the ticket.
    for _ in range(100):
        if ticket.messages.filter(body="The driver left at 6:05, if that helps.").exists():
            break
        page.wait_for_timeout(100)
    assert ticket.messages.filter(body="The driver left at 6:05, if that helps.").exists()

    workflow.post_message(ticket, author=agent, body="A replacement case is on its way.")
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    page.reload()
    expect(page.get_by_text("A replacement case is on its way.")).to_be_visible()
    expect(page.get_by_text("Support team")).to_be_visible()
    screenshot("resolved")

    page.get_by_role("button", name="Yes, it's solved").click()
    expect(page.get_by_text("the ticket is closed")).to_be_visible()
    page.get_by_role("button", name="5 stars: excellent").click()
    expect(page.get_by_text("Thank you for your rating.")).to_be_visible()
    page.get_by_label(re.compile("Anything you'd like to tell us")).fill("Quick help, thanks!")
    page.get_by_role("button", name="Send comment").click()

    expect(page.get_by_text("Thank you for telling us.").first).to_be_visible()
    screenshot("rated")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert ticket.feedback.rating == 5
    page.goto("/tickets/")
    expect(page.get_by_role("link", name=ticket.number)).to_be_visible()


def test_a_suggested_article_opens_in_a_new_tab_and_counts_as_read(page, desk):
    sign_in(page, desk["customer"])
    page.goto("/contact/")
    page.get_by_label("Subject").fill("Damaged items")

    suggestion = page.get_by_role("button", name=re.compile("^Missing or damaged items"))
    expect(suggestion).to_be_visible()
    with page.expect_popup() as popup:
        suggestion.click()

    article = popup.value
    expect(article.get_by_role("heading", level=1)).to_have_text("Missing or damaged items")
    deflection = Deflection.objects.get()
    assert (deflection.page_id, deflection.query) == (desk["article"].pk, "Damaged items")
    assert deflection.contact_page.slug == "contact"
    expect(page.get_by_label("Subject")).to_have_value("Damaged items")
    assert not Ticket.objects.exists()


def test_new_replies_appear_without_a_reload(page, desk, settings):
    customer, agent = desk["customer"], desk["agent"]
    ticket = workflow.open_ticket(
        customer=customer,
        subject="Driver could not find us",
        description="Please add a note about the alley entrance.",
        check_rate=False,
    )
    settings.TICKET_POLL_SECONDS = 1
    sign_in(page, customer)
    page.goto(ticket.get_absolute_url())
    expect(page.get_by_text("No replies yet.")).to_be_visible()

    workflow.post_message(ticket, author=agent, body="Note added for the driver.")

    expect(page.get_by_text("Note added for the driver.")).to_be_visible()
    expect(page.get_by_text("No replies yet.")).to_be_hidden()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1


def test_script_in_a_subject_or_reply_is_shown_as_text(page, screenshot, desk):
    customer = desk["customer"]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ticket = workflow.open_ticket(
        customer=customer,
        subject=XSS,
        description=f"Description with {XSS} inside it.",
        check_rate=False,
    )
    workflow.post_message(ticket, author=customer, body=XSS)
    sign_in(page, customer)

    page.goto("/tickets/")
    expect(page.get_by_text(XSS).first).to_be_visible()
    page.goto(ticket.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(XSS)
    screenshot("xss")

    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
