"""The queue at scale: the SQL it sends and what it shows (the timings are in bench/agent_queue.py)."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tickets.choices import Priority, Status
from tickets.models import Ticket
from tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"
_numbers = itertools.count()


def add_tickets(count, **fields):
    fields.setdefault("customer", None)
    fields["customer"] = fields["customer"] or CustomerFactory()
    return Ticket.objects.bulk_create(
        Ticket(
            **{
                "number": f"TKTS{next(_numbers):08d}",
                "subject": f"Scale ticket {n}",
                "description": "x" * 20,
                **fields,
            }
        )
        for n in range(count)
    )


def ticket_selects(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured if '"tickets_ticket"' in q["sql"]]


def test_status_and_priority_filters_select_without_distinct(client, agent):
    add_tickets(3, assignee=agent, status=Status.OPEN, priority=Priority.URGENT)
    client.force_login(agent)

    response, selects = ticket_selects(
        client, {"assignee": "me", "status": ["open", "in_progress"], "priority": ["urgent"]}
    )

    assert len(response.context["object_list"]) == 3
    assert selects
    assert not [sql for sql in selects if "DISTINCT" in sql.upper()]


def test_each_row_shows_wagtails_markup_for_every_column(client, agent):
    from datetime import timedelta

    from django.utils import timezone

    customer = CustomerFactory(name="Maria Lopez")
    (ticket,) = add_tickets(
        1,
        customer=customer,
        assignee=agent,
        status=Status.IN_PROGRESS,
        priority=Priority.URGENT,
        first_response_due_at=timezone.now() + timedelta(hours=1),
    )
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    edit_url = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    assert '<tr class="ticket-row ticket-row--urgent">' in body
    assert (
        f'data-object-id="{ticket.pk}" data-bulk-action-checkbox class="bulk-action-checkbox"'
        f' aria-label="Select" aria-describedby="snippet_{ticket.pk}_title"/>'
    ) in body
    assert (
        f'<a href="{edit_url}"><span id="snippet_{ticket.pk}_title">{ticket.number}</span></a>'
    ) in body
    assert f"<td>{ticket.subject}</td><td>Maria Lopez</td><td></td>" in body
    assert '<span class="support-badge support-badge--urgent">Urgent</span>' in body
    assert '<span class="support-badge support-badge--in_progress">In progress</span>' in body
    assert f"<td>{agent.get_full_name()}</td>" in body
    assert '<span class="support-badge support-badge--sla-at_risk">At risk</span><br><small>due ' in body
    assert 'class="w-human-readable-date__date"' in body
    assert "Just now" in body


def test_cells_escape_what_customers_wrote(client, agent):
    add_tickets(1, customer=CustomerFactory(name="<b>Bold</b> & Co"), subject="<script>x</script>")
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    assert "<script>x</script>" not in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in body
