""" "Also viewing" on the agent's ticket view, kept as Wagtail editing sessions."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.admin.models import EditingSession

from supportsite.tasks import prune_editing_sessions
from tests.factories import AgentFactory, open_ticket
from tickets.admin import presence
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer)


def view_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def ping_url(ticket):
    """The ticket view's poll, which also says who else is looking."""
    return reverse("wagtailsnippets_tickets_ticket:updates", args=[ticket.pk])


def ping(client, ticket):
    return client.get(ping_url(ticket)).json()["presence"]


def test_two_agents_on_a_ticket_see_each_other(client, ticket):
    sam, jordan = AgentFactory(name="Sam Ortiz"), AgentFactory(name="Jordan Reyes")
    client.force_login(sam)
    assert "Also viewing" not in client.get(view_url(ticket)).content.decode()

    client.force_login(jordan)
    assert "Also viewing this ticket: Sam Ortiz" in client.get(view_url(ticket)).content.decode()

    client.force_login(sam)
    assert "Also viewing this ticket: Jordan Reyes" in ping(client, ticket)


def test_each_agent_has_one_editing_session_per_ticket_on_the_ticket(client, agent, ticket):
    client.force_login(agent)
    with freeze_time("2026-12-01 10:00:00"):
        client.get(view_url(ticket))
    with freeze_time("2026-12-01 10:00:20"):
        client.get(ping_url(ticket))
        client.get(ping_url(ticket))

    session = EditingSession.objects.get()
    assert session.user == agent
    assert session.content_type == ContentType.objects.get_for_model(Ticket)
    assert session.object_id == str(ticket.pk)
    assert session.content_object == ticket
    assert session.last_seen_at == datetime(2026, 12, 1, 10, 0, 20, tzinfo=UTC)


def test_an_agent_not_seen_for_a_minute_is_not_listed(client, agent, ticket):
    colleague = AgentFactory(name="Jordan Reyes")
    EditingSession.objects.create(
        content_object=ticket,
        user=colleague,
        last_seen_at=timezone.now() - presence.SEEN_WITHIN - timedelta(seconds=1),
    )
    client.force_login(agent)

    assert "Jordan Reyes" not in client.get(view_url(ticket)).content.decode()
    assert "Jordan Reyes" not in ping(client, ticket)


def test_the_hourly_job_deletes_sessions_silent_for_an_hour(client, agent, ticket):
    old = EditingSession.objects.create(
        content_object=open_ticket(),
        user=AgentFactory(),
        last_seen_at=timezone.now() - EditingSession.STALE_TIMEOUT - timedelta(minutes=1),
    )
    client.force_login(agent)
    client.get(view_url(ticket))

    prune_editing_sessions.call()

    assert not EditingSession.objects.filter(pk=old.pk).exists()
    assert EditingSession.objects.filter(user=agent).exists()


def test_other_tickets_viewers_are_not_listed(client, agent, ticket):
    client.force_login(AgentFactory(name="Jordan Reyes"))
    client.get(view_url(open_ticket()))

    client.force_login(agent)

    assert "Jordan Reyes" not in client.get(view_url(ticket)).content.decode()


@pytest.mark.parametrize("role", ["customer", "editor"])
def test_someone_who_is_not_an_agent_cannot_ping(client, people, role, ticket):
    client.force_login(people[role])

    response = client.get(ping_url(ticket))

    assert response.status_code == 302
    assert not EditingSession.objects.exists()
