"""A support admin reads the reports and changes the period: the chart and the tables follow."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CustomerFactory, SupportAdminFactory, open_ticket
from tickets.models import Ticket

from .axe import violations
from .test_agent_journey import admin_sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_admin_changes_the_period_and_the_report_follows(page, screenshot):
    admin = SupportAdminFactory(email="admin@example.com", name="Sam Admin")
    customer = CustomerFactory()
    for n in range(3):
        open_ticket(customer, subject=f"Recent question {n}")
    for n in range(2):
        old = open_ticket(customer, subject=f"Older question {n}")
        Ticket.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=45))

    admin_sign_in(page, admin)
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Support overview").click()

    expect(page.get_by_role("heading", name="Support overview")).to_be_visible()
    expect(page.locator("[data-figure=created]")).to_have_text("3")
    expect(page.locator("[data-chart] rect.support-chart__bar--created")).to_have_count(30)
    expect(page.locator("table.listing tbody tr")).to_have_count(30)
    screenshot("last-30-days")
    assert violations(page, "#listing-results") == []

    start = (timezone.localdate() - timedelta(days=59)).isoformat()
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Period").click()
    period_from = page.locator("input[name=period_from]")
    period_from.fill(start)
    period_from.dispatch_event("change")

    expect(page.locator("[data-figure=created]")).to_have_text("5")
    expect(page.locator("[data-chart] rect.support-chart__bar--created")).to_have_count(60)
    expect(page.locator("table.listing tbody tr")).to_have_count(60)
    expect(page.locator("[data-report-period]")).to_contain_text("From")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Show filters").click()
    screenshot("last-60-days")

    page.get_by_role("link", name="Tickets by status").click()
    expect(page.locator("[data-figure=backlog]")).to_have_text("5")
    screenshot("status")
