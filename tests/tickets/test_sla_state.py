"""The queue's SLA filter (SQL) and the badge (Python) judge every ticket the same way."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.factories import CustomerFactory
from tickets.choices import Status
from tickets.models import Ticket
from tickets.sla.state import AT_RISK, BREACHED, ON_TRACK, sla_filter, sla_state

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("America/Chicago"))
DUES = {
    "none": None,
    "past": NOW - timedelta(minutes=5),
    "soon": NOW + timedelta(minutes=90),
    "later": NOW + timedelta(hours=5),
}


def every_kind_of_ticket():
    """A ticket for each status, answered or not, each pair of due times, breach recorded or not."""
    customer = CustomerFactory()
    tickets = []
    combinations = itertools.product(
        Status, (None, NOW - timedelta(hours=1)), DUES, DUES, (False, True)
    )
    for n, (status, answered_at, first_due, resolution_due, breach) in enumerate(combinations):
        tickets.append(
            Ticket(
                number=f"TKTSLA{n:05d}",
                customer=customer,
                subject="SLA state",
                description="-",
                status=status,
                first_response_at=answered_at,
                first_response_due_at=DUES[first_due],
                resolution_due_at=DUES[resolution_due],
                resolution_breached_at=NOW - timedelta(hours=2) if breach else None,
            )
        )
    return Ticket.objects.bulk_create(tickets)


def test_the_filter_and_the_badge_agree_on_every_ticket():
    tickets = every_kind_of_ticket()

    for state in (ON_TRACK, AT_RISK, BREACHED):
        expected = {t.number for t in tickets if sla_state(t, now=NOW) == state}
        found = set(
            Ticket.objects.filter(sla_filter(state, now=NOW)).values_list("number", flat=True)
        )
        assert found == expected, state
        assert expected  # every state occurs in the grid
