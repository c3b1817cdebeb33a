"""With team-scoped visibility on, an agent of the Accounts team is refused a Payments ticket
in Chromium: its admin page, the API (with the browser's session) and its file link are 404s,
while their own team's ticket opens. At desktop and phone widths."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_agent_journey import admin_sign_in
from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, TeamFactory, open_ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WIDTHS = [1280, 375]


@pytest.mark.parametrize("width", WIDTHS)
def test_an_agent_of_another_team_gets_a_404_in_the_admin_the_api_and_for_a_file(
    page, screenshot, settings, width
):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    page.set_viewport_size({"width": width, "height": 900})
    accounts_agent = AgentFactory(name="Jordan Reyes", email="jordan@example.com")
    payments = TeamFactory(name="Payments", members=[AgentFactory(name="Alex Kim")])
    accounts = TeamFactory(name="Accounts", members=[accounts_agent])
    customer = CustomerFactory(name="Maria Lopez")
    theirs = open_ticket(
        customer,
        subject="Card charged twice for order LT-10420",
        category=CategoryFactory(name="Payment issue", default_team=payments),
        attachments=[SimpleUploadedFile("statement.pdf", PDF)],
    )
    own = open_ticket(
        customer,
        subject="Cannot sign in to the ordering site",
        category=CategoryFactory(name="Account support", default_team=accounts),
    )
    file_url = theirs.attachments.get().get_absolute_url()

    admin_sign_in(page, accounts_agent)
    admin_page = page.goto(reverse("wagtailsnippets_tickets_ticket:edit", args=[theirs.pk]))
    screenshot(f"admin-404-{width}")
    api_answer = page.request.get(f"/api/v1/tickets/{theirs.number}/")
    file_answer = page.request.get(file_url)

    assert admin_page.status == 404
    expect(page.get_by_text("Card charged twice")).to_have_count(0)
    assert api_answer.status == 404
    assert "Card charged twice" not in api_answer.text()
    assert file_answer.status == 404
    assert not file_answer.body().startswith(b"%PDF")

    page.goto(reverse("wagtailsnippets_tickets_ticket:list"))
    expect(page.get_by_role("link", name=own.number)).to_be_visible()
    expect(page.get_by_role("link", name=theirs.number)).to_have_count(0)
    page.get_by_role("link", name=own.number).click()
    expect(
        page.get_by_role("heading", name=re.compile("Cannot sign in to the ordering site"))
    ).to_be_visible()
    assert page.request.get(f"/api/v1/tickets/{own.number}/").status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
