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
    customer = fields.pop("customer", None) or CustomerFactory()
    return Ticket.objects.bulk_create(
        Ticket(
            number=f"TKTS{next(_numbers):08d}",
            customer=customer,
            subject=f"Scale ticket {n}",
            description="x" * 20,
            **fields,
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
