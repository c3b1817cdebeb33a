"""Every page a customer sees fits a 375 px phone (no sideways scrolling), and the portal's
pages have no serious or critical accessibility problem (axe-core)."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from helpcenter.demo import seed_help_center
from helpcenter.models import ArticlePage
from tests.factories import PASSWORD, AgentFactory, CategoryFactory, CustomerFactory, OrderFactory
from tickets import workflow
from tickets.choices import Status

from .axe import violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def portal():
    """The demo help center and a customer with an order, and a resolved ticket with a long
    thread: files, a long unbroken word, status history."""
    seed_help_center()
    customer = CustomerFactory(name="Maria Lopez-Fernández", business_name="La Cocina")
    agent = AgentFactory(name="Alex Kim")
    order = OrderFactory(customer=customer, number="LT-10420-2026-EXPRESS", total=Decimal("1284.5"))
    ticket = workflow.open_ticket(
        customer=customer,
        subject="Avocados missing from this morning's delivery to the back entrance",
        description="The case of avocados was not in the drop. Reference "
        "https://example.com/deliveries/LT-10420-2026-EXPRESS/photos/case-7-of-12.png",
        category=CategoryFactory(name="Order issue"),
        order=order,
        attachments=[SimpleUploadedFile("a-rather-long-photo-name-of-the-case.txt", b"photo")],
        check_rate=False,
    )
    workflow.post_message(ticket, author=agent, body="A replacement case is on its way.")
    workflow.post_message(ticket, author=customer, body="Thanks! " + "x" * 80)
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    return {"customer": customer, "ticket": ticket}


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/tickets/$"))


def overflow(page, url):
    page.goto(url)
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_customer_page_scrolls_sideways_on_a_phone(browser, live_server, portal, screenshot):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    article = ArticlePage.objects.get(slug="refunds-and-credits")
    public = {
        "home": "/",
        "topic": article.get_parent().url,
        "article": article.url,
        "faq": "/faq/",
        "search": "/search/?q=refund",
        "contact": "/contact/",
        "sign in": "/accounts/login/",
        "sign up": "/accounts/signup/",
        "password reset": "/accounts/password/reset/",
        "not found": "/no-such-page/",
    }
    private = {
        "ticket list": "/tickets/",
        "ticket": portal["ticket"].get_absolute_url(),
        "orders": "/orders/",
        "notifications": "/notifications/",
        "profile": "/accounts/profile/",
        "API tokens": "/accounts/api-tokens/",
    }
    widths = {name: overflow(page, url) for name, url in public.items()}
    sign_in(page, portal["customer"])
    widths |= {name: overflow(page, url) for name, url in private.items()}
    page.goto(private["ticket"])
    screenshot("ticket-phone", of=page)
    context.close()

    assert {name: width for name, width in widths.items() if width > PHONE["width"]} == {}


def test_portal_pages_have_no_serious_accessibility_violation(page, portal):
    sign_in(page, portal["customer"])
    found = {}
    for name, url in {
        "ticket list": "/tickets/",
        "resolved ticket": portal["ticket"].get_absolute_url(),
        "orders": "/orders/",
        "notifications": "/notifications/",
        "profile": "/accounts/profile/",
        "API tokens": "/accounts/api-tokens/",
    }.items():
        page.goto(url)
        found[name] = violations(page)

    page.goto(portal["ticket"].get_absolute_url())
    page.get_by_role("button", name="4 stars: good").click()
    expect(page.get_by_label(re.compile("Anything you'd like to tell us"))).to_be_visible()
    found["rated, comment box"] = violations(page)

    assert found == {name: [] for name in found}
