"""A restaurant's manager, on a desktop and on a 375 px phone, finds the ticket the owner opened
for their organisation (marked as hers), answers it, and the owner is emailed the answer."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD, AgentFactory, OrganizationFactory, member_of
from tickets import workflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
REPLY = "I checked the walk-in: the second case is there after all."


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def lopez_ticket():
    lopez = OrganizationFactory(name="Lopez Taqueria", domains="")
    maria = member_of(lopez, email="customer@example.com", name="Maria Lopez")
    member_of(lopez, email="manager@example.com", name="Luis Ortega")
    ticket = workflow.open_ticket(
        customer=maria,
        subject="Two cases of limes missing",
        description="Only one of the three cases of limes came this morning.",
        check_rate=False,
    )
    workflow.post_message(
        ticket, author=AgentFactory(name="Alex Kim"), body="Checking with the depot."
    )
    mail.outbox.clear()
    return ticket


def test_a_colleague_answers_the_organisations_ticket_and_the_owner_hears(
    screen, lopez_ticket, screenshot
):
    screen.goto("/accounts/login/")
    screen.get_by_label("Email").fill("manager@example.com")
    screen.get_by_label("Password").fill(PASSWORD)
    screen.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(screen).to_have_url(re.compile(r"/tickets/$"))

    row = screen.get_by_role("row").filter(has_text="Two cases of limes missing")
    expect(row).to_contain_text("opened by Maria Lopez")
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    screenshot("organisation-list", of=screen)
    row.get_by_role("link", name=lopez_ticket.number).click()

    expect(screen.get_by_role("heading", level=1)).to_have_text("Two cases of limes missing")
    expect(
        screen.get_by_text("Maria Lopez opened this ticket for your organisation")
    ).to_be_visible()
    screen.get_by_label("Your reply").fill(REPLY)
    screen.get_by_role("button", name="Send reply").click()
    expect(screen.get_by_text(REPLY)).to_be_visible()
    for _ in range(100):
        if lopez_ticket.messages.filter(body=REPLY).exists():
            break
        screen.wait_for_timeout(100)
    assert lopez_ticket.messages.get(body=REPLY).author.email == "manager@example.com"
    screenshot("replied", of=screen)

    for _ in range(100):
        to_maria = [email for email in mail.outbox if "customer@example.com" in email.to]
        if to_maria:
            break
        screen.wait_for_timeout(100)
    assert to_maria and REPLY in to_maria[0].body
    assert "Luis Ortega" in to_maria[0].body
    assert not [email for email in mail.outbox if "manager@example.com" in email.to]
