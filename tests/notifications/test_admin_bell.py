"""Staff see a bell with their unread count at the top of every admin page, linking to their
notifications; that page reads well: dated with times, its buttons say only what they show."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from notifications.models import Notification
from tests.factories import open_ticket
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def notify(user, count, *, read=False):
    ticket = open_ticket()
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            ticket=ticket,
            kind="customer_replied",
            text=f"Maria replied to ticket {ticket.number} ({n}).",
            url="/admin/",
        )
        for n in range(count)
    )
    if read:
        Notification.objects.filter(recipient=user).update(read_at=datetime.now(UTC))


def bell(page):
    match = re.search(r'<a class="admin-bell[^"]*" href="([^"]+)"[^>]*>(.*?)</a>', page, re.S)
    assert match, "no bell on the page"
    return match.group(1), match.group(2)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/snippets/tickets/ticket/",
        "/admin/notifications/",
        "/admin/support/reports/volume/",
    ],
)
def test_the_bell_counts_unread_notifications_on_every_admin_page(client, agent, url):
    notify(agent, 3)
    client.force_login(agent)

    href, inside = bell(client.get(url).content.decode())

    assert href == reverse("admin_notifications")
    assert '3<span class="w-sr-only"> unread</span>' in inside
    assert "Notifications" in inside


def test_no_count_once_everything_is_read(client, agent):
    notify(agent, 2, read=True)
    client.force_login(agent)

    _, inside = bell(client.get("/admin/").content.decode())

    assert "admin-bell__count" not in inside


def test_the_bell_and_the_menu_share_one_count_and_the_page_stays_flat(client, agent):
    client.force_login(agent)
    url = reverse("wagtailsnippets_tickets_ticket:list")
    notify(agent, 1)
    count_queries(client, url)
    few = count_queries(client, url)

    notify(agent, 40)

    assert count_queries(client, url) == few
    page = client.get(url).content.decode()
    assert "Notifications (41)" in page
    assert '41<span class="w-sr-only"> unread</span>' in page


def test_the_bell_needs_no_script_of_its_own(client, agent):
    client.force_login(agent)

    page = client.get("/admin/").content.decode()
    start = page.index('class="admin-bell')

    assert "<script" not in page[start : page.index("</a>", start)]


def test_the_notifications_page_dates_with_times_and_labels_buttons_once(client, agent, settings):
    settings.TIME_ZONE = "UTC"
    notify(agent, 1)
    Notification.objects.update(created_at=datetime(2026, 11, 3, 14, 5, tzinfo=UTC))
    notification = Notification.objects.get()
    client.force_login(agent)

    page = client.get(reverse("admin_notifications")).content.decode()

    assert '<time datetime="2026-11-03T14:05:00+00:00">11/03/2026 2:05 p.m.</time>' in page
    assert "visually-hidden" not in page
    assert page.count(notification.text) == 1  # in its cell, not again inside each button
    assert f'aria-describedby="notification-{notification.pk}"' in page
