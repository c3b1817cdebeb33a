"""A solved ticket, as its customer meets it on a desktop and on a 375 px phone: one star in the
resolution email rates it (signing in on the way), the ticket page asks for a comment, and a
page left open sees its status badge follow the team's change without a reload."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD, AgentFactory, CustomerFactory
from tickets import workflow
from tickets.choices import Status
from tickets.models import Feedback

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def solved():
    customer = CustomerFactory(name="Maria Lopez")
    agent = AgentFactory(name="Alex Kim")
    ticket = workflow.open_ticket(
        customer=customer,
        subject="Avocados missing from delivery",
        description="The case of avocados was not in this morning's drop.",
        check_rate=False,
    )
    workflow.post_message(ticket, author=agent, body="A replacement case is on its way.")
    mail.outbox.clear()
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    return ticket


def star_link(stars):
    email = next(email for email in mail.outbox if " - Solved: " in email.subject)
    urls = [line.rpartition(": ")[2] for line in email.body.splitlines() if "/rate/" in line]
    return urlsplit(urls[stars - 1]).path


def test_one_star_click_in_the_email_rates_and_opens_the_comment_box(screen, solved, screenshot):
    screen.goto(star_link(4))

    expect(screen).to_have_url(re.compile(r"/accounts/login/"))
    assert Feedback.objects.get(ticket=solved).rating == 4
    screen.get_by_label("Email").fill(solved.customer.email)
    screen.get_by_label("Password").fill(PASSWORD)
    screen.get_by_role("button", name=re.compile("sign in", re.I)).click()

    expect(screen).to_have_url(re.compile(rf"/tickets/{solved.number}/"))
    block = screen.locator("#feedback")
    expect(block.get_by_role("img", name="4 out of 5 stars")).to_be_visible()
    expect(block.get_by_role("button", name="Yes, it's solved")).to_be_visible()
    comment = block.get_by_label(re.compile("Anything you'd like to tell us"))
    expect(comment).to_be_visible()
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    screenshot("comment-box", of=screen)
    comment.fill("Quick, and the new case was perfect.")
    block.get_by_role("button", name="Send comment").click()

    expect(screen.locator("#feedback blockquote")).to_contain_text("the new case was perfect")
    assert Feedback.objects.get(ticket=solved).comment == "Quick, and the new case was perfect."


def test_the_ticket_page_rates_with_star_buttons(screen, solved):
    screen.goto("/accounts/login/")
    screen.get_by_label("Email").fill(solved.customer.email)
    screen.get_by_label("Password").fill(PASSWORD)
    screen.get_by_role("button", name=re.compile("sign in", re.I)).click()
    screen.goto(solved.get_absolute_url())

    block = screen.locator("#feedback")
    expect(block.get_by_role("radio")).to_have_count(0)
    block.get_by_role("button", name="2 stars: poor").click()

    expect(screen.locator("#feedback").get_by_role("img", name="2 out of 5 stars")).to_be_visible()
    assert Feedback.objects.get(ticket=solved).rating == 2


def test_the_status_badge_follows_a_live_update(screen, solved, settings):
    settings.TICKET_POLL_SECONDS = 1
    screen.goto("/accounts/login/")
    screen.get_by_label("Email").fill(solved.customer.email)
    screen.get_by_label("Password").fill(PASSWORD)
    screen.get_by_role("button", name=re.compile("sign in", re.I)).click()
    screen.goto(solved.get_absolute_url())
    badge = screen.locator("[data-ticket-status]")
    expect(badge).to_have_text("Solved")

    workflow.post_message(solved, author=solved.customer, body="Actually, one is bruised.")
    ticket = type(solved).objects.get(pk=solved.pk)
    agent = AgentFactory()
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)

    expect(badge).to_have_text("Awaiting your reply")
    expect(badge).to_have_class(re.compile("badge--waiting_on_customer"))
    expect(screen.locator("[data-ticket-status-text]")).to_have_text("Awaiting your reply")
    assert screen.evaluate("performance.getEntriesByType('navigation').length") == 1
