"""In-app notifications: the bell for customers, the admin menu item for staff, the list with
mark-as-read, each linking to its ticket, in flat query counts."""

import pytest
from django.utils import timezone

from notifications.models import Notification
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow

pytestmark = pytest.mark.django_db


def notify(user, ticket, count=1, *, read=False):
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            ticket=ticket,
            kind="staff_replied",
            text=f"Sam replied to your ticket {ticket.number} ({n}).",
            url=ticket.get_absolute_url(),
            read_at=timezone.now() if read else None,
        )
        for n in range(count)
    )


def test_the_bell_in_the_header_counts_unread_notifications(client, customer):
    ticket = open_ticket(customer)
    notify(customer, ticket, 2)
    notify(customer, ticket, 3, read=True)
    client.force_login(customer)

    page = client.get("/tickets/").content.decode()

    assert 'href="/notifications/"' in page
    assert 'class="notification-bell__count"' in page
    assert '2<span class="visually-hidden"> unread</span>' in page


def test_no_count_when_everything_is_read(client, customer):
    notify(customer, open_ticket(customer), read=True)
    client.force_login(customer)

    assert "notification-bell__count" not in client.get("/tickets/").content.decode()


def test_a_staff_reply_shows_up_in_the_customers_list_and_opens_the_ticket(
    client, customer, committed
):
    agent = AgentFactory(name="Sam Rivera")
    with committed():
        ticket = open_ticket(customer)
        workflow.post_message(ticket, author=agent, body="Hello!")
    client.force_login(customer)

    page = client.get("/notifications/").content.decode()
    assert f"Sam Rivera replied about “{ticket.subject}” (ticket {ticket.number})." in page
    notification = Notification.objects.get(recipient=customer)

    response = client.post(f"/notifications/{notification.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == f"/tickets/{ticket.number}/"
    assert client.get(response["Location"]).status_code == 200
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_one_or_all_as_read(client, customer):
    ticket = open_ticket(customer)
    notify(customer, ticket, 3)
    first = Notification.objects.filter(recipient=customer).first()
    client.force_login(customer)

    response = client.post(f"/notifications/{first.pk}/read/", {"next": "/notifications/"})
    assert response["Location"] == "/notifications/"
    assert Notification.objects.filter(recipient=customer, read_at=None).count() == 2

    response = client.post("/notifications/read/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/notifications/"
    assert not Notification.objects.filter(recipient=customer, read_at=None).exists()


def test_marking_as_read_takes_a_post(client, customer):
    notify(customer, open_ticket(customer))
    client.force_login(customer)

    assert client.get("/notifications/read/").status_code == 405
    assert client.get(f"/notifications/{Notification.objects.get().pk}/open/").status_code == 405


def test_nobody_reaches_someone_elses_notifications(client, customer):
    notify(customer, open_ticket(customer))
    notification = Notification.objects.get()
    client.force_login(CustomerFactory())

    assert client.post(f"/notifications/{notification.pk}/open/").status_code == 404
    client.post(f"/notifications/{notification.pk}/read/")
    client.post("/notifications/read/")
    notification.refresh_from_db()
    assert notification.read_at is None
    assert notification.text not in client.get("/notifications/").content.decode()


def test_notifications_need_a_signed_in_visitor(client):
    assert client.get("/notifications/").status_code == 302


def test_what_customers_typed_shows_as_text(client, customer, committed):
    agent = AgentFactory()
    with committed():
        ticket = open_ticket(customer, subject="<script>alert(1)</script> limes")
        workflow.post_message(ticket, author=customer, body="more")
    client.force_login(agent)

    page = client.get("/admin/notifications/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt; limes" in page
    assert "<script>alert(1)" not in page


def test_notification_pages_take_the_same_queries_for_5_or_60(client, customer):
    agent = AgentFactory()
    ticket = open_ticket(customer)
    notify(customer, ticket, 5)
    notify(agent, ticket, 5)
    pages = {customer: ["/notifications/", "/tickets/"], agent: ["/admin/notifications/"]}
    small = {}
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            count_queries(client, url)
            small[url] = count_queries(client, url)

    notify(customer, ticket, 55)
    notify(agent, ticket, 55)

    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            assert count_queries(client, url) == small[url], url


def test_staff_see_their_unread_count_in_the_admin_menu(client, customer):
    agent = AgentFactory()
    notify(agent, open_ticket(customer), 4)
    client.force_login(agent)

    home = client.get("/admin/").content.decode()

    assert "Notifications (4)" in home
    page = client.get("/admin/notifications/").content.decode()
    assert page.count("Mark as read") == 4
