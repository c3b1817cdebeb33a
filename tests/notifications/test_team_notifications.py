"""Teams in the notifications: a team's ticket tells its members (and its address) rather than
every agent; a ticket moved to a team tells that team; with team-scoped visibility nobody hears
of a ticket they may not see."""

import pytest
from django.core import mail

from notifications.models import Notification
from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, TeamFactory, open_ticket
from tests.notifications.mail_helpers import inbox
from tickets import workflow

pytestmark = pytest.mark.django_db

DESK = "team@example.com"


@pytest.fixture(autouse=True)
def desk_address(settings):
    settings.SUPPORT_TEAM_EMAIL = DESK
    settings.SITE_NAME = "Help Center"


@pytest.fixture
def teams():
    payer, orderer = AgentFactory(), AgentFactory()
    return {
        "payer": payer,
        "orderer": orderer,
        "payments": TeamFactory(name="Payments", email="payments@example.com", members=[payer]),
        "orders": TeamFactory(name="Orders", members=[orderer]),
    }


def told(ticket):
    return set(Notification.objects.filter(ticket=ticket).values_list("recipient", flat=True))


def test_a_teams_new_ticket_emails_the_teams_address_and_tells_its_members(teams, committed):
    customer = CustomerFactory()
    with committed():
        ticket = open_ticket(customer, category=CategoryFactory(default_team=teams["payments"]))

    assert set(inbox()) == {customer.email, "payments@example.com"}
    assert told(ticket) == {teams["payer"].pk}  # the customer's receipt is an email only


def test_a_team_without_an_address_emails_its_members(settings, teams, committed):
    with committed():
        ticket = open_ticket(category=CategoryFactory(default_team=teams["orders"]))

    assert teams["orderer"].email in inbox()
    assert DESK not in inbox() and teams["payer"].email not in inbox()
    assert teams["payer"].pk not in told(ticket)


def test_a_ticket_of_no_team_still_reaches_the_whole_desk(teams, committed):
    with committed():
        ticket = open_ticket()

    assert DESK in inbox()
    assert {teams["payer"].pk, teams["orderer"].pk} <= told(ticket)


def test_a_ticket_moved_to_a_team_tells_that_team(teams, committed):
    ticket = open_ticket(category=CategoryFactory(default_team=teams["orders"]))
    mail.outbox.clear()

    with committed():
        workflow.change_team(ticket, teams["payments"], by=teams["orderer"], reason="A refund")

    assert list(inbox()) == ["payments@example.com"]
    subject = inbox()["payments@example.com"][0]
    assert "Moved to your team" in subject
    assert "to your team, Payments" in mail.outbox[0].body
    moved = Notification.objects.get(ticket=ticket, recipient=teams["payer"])
    assert "was moved to your team" in moved.text


def test_a_ticket_moved_to_no_team_tells_nobody(teams, committed):
    ticket = open_ticket(category=CategoryFactory(default_team=teams["orders"]))
    mail.outbox.clear()

    with committed():
        workflow.change_team(ticket, None, by=teams["orderer"], reason="Anyone may take it")

    assert inbox() == {}


def test_with_scoped_visibility_an_assignee_outside_the_team_hears_nothing(
    settings, teams, committed
):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    ticket = open_ticket(category=CategoryFactory(default_team=teams["orders"]))
    workflow.assign(ticket, by=teams["orderer"], assignee=teams["orderer"])
    workflow.change_team(ticket, teams["payments"], by=teams["payer"], reason="Refund")
    ticket.refresh_from_db()
    mail.outbox.clear()

    with committed():
        workflow.post_message(ticket, author=ticket.customer, body="Any news on my refund?")

    assert teams["orderer"].pk not in told(ticket)
    assert teams["orderer"].email not in inbox()
