"""Agent teams in the workflow: new tickets go to their category's team, round-robin hands them
to its members, assignees are members, and moving a ticket to another team is a correction with
its history, its event and its SLA in the team's hours."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    EditorFactory,
    TeamFactory,
    open_ticket,
)
from tickets import signals, workflow
from tickets.models import Team

pytestmark = pytest.mark.django_db


def test_a_new_ticket_goes_to_its_categorys_default_team(customer):
    payments = TeamFactory(name="Payments")
    billing = CategoryFactory(name="Billing", default_team=payments)

    assert open_ticket(customer, category=billing).team == payments
    assert open_ticket(customer).team is None
    assert open_ticket(customer, category=CategoryFactory(name="Other")).team is None


def test_a_ticket_opened_by_staff_goes_to_the_categorys_team_too(agent):
    payments = TeamFactory(name="Payments")
    billing = CategoryFactory(name="Billing", default_team=payments)

    ticket = workflow.open_ticket(
        subject="Refund for order 1234",
        description="The customer called about a double charge on their card.",
        category=billing,
        opened_by=agent,
        customer_email="caller@example.com",
        customer_name="Caller",
    )

    assert ticket.team == payments


def test_round_robin_chooses_among_the_teams_available_members(settings, customer):
    settings.TICKETS_AUTO_ASSIGN = True
    outsider = AgentFactory()
    first, second = AgentFactory(), AgentFactory()
    away = AgentFactory(is_available=False)
    payments = TeamFactory(name="Payments", members=[first, second, away])
    billing = CategoryFactory(name="Billing", default_team=payments)

    handed = [open_ticket(customer, category=billing).assignee for _ in range(3)]
    without_team = open_ticket(customer, category=CategoryFactory(name="Other")).assignee

    assert handed == [first, second, first]
    assert without_team == outsider


def test_round_robin_leaves_the_ticket_unassigned_when_no_member_is_available(settings, customer):
    settings.TICKETS_AUTO_ASSIGN = True
    AgentFactory()
    empty = TeamFactory(name="Empty", members=[AgentFactory(is_available=False)])

    ticket = open_ticket(customer, category=CategoryFactory(name="Billing", default_team=empty))

    assert ticket.team == empty
    assert ticket.assignee is None


def test_only_agents_may_be_members_of_a_team():
    from django.forms import modelform_factory

    agent, customer = AgentFactory(), CustomerFactory()
    form = modelform_factory(Team, fields=["name", "members"])(
        data={"name": "Payments", "members": [agent.pk, customer.pk]}
    )

    assert not form.is_valid()
    assert "members" in form.errors
    assert list(form.fields["members"].queryset) == [agent]


def test_the_assignee_of_a_teams_ticket_is_one_of_its_members(support_admin, customer):
    member, outsider = AgentFactory(), AgentFactory(name="Olive Outsider")
    payments = TeamFactory(name="Payments", members=[member])
    ticket = open_ticket(customer, category=CategoryFactory(default_team=payments))

    with pytest.raises(ValidationError) as refused:
        workflow.assign(ticket, by=support_admin, assignee=outsider)
    assigned = workflow.assign(ticket, by=support_admin, assignee=member)

    assert "Olive Outsider is not a member of the team Payments" in str(
        refused.value.message_dict["assignee"]
    )
    assert assigned.assignee == member


def test_an_agent_outside_the_team_cannot_take_its_ticket(customer):
    outsider = AgentFactory()
    payments = TeamFactory(name="Payments", members=[AgentFactory()])
    ticket = open_ticket(customer, category=CategoryFactory(default_team=payments))

    with pytest.raises(ValidationError):
        workflow.assign(ticket, by=outsider, assignee=outsider)

    ticket.refresh_from_db()
    assert ticket.assignee is None


def test_changing_the_team_is_kept_in_the_history_with_its_reason(agent, customer, committed):
    orders, payments = TeamFactory(name="Orders"), TeamFactory(name="Payments")
    ticket = open_ticket(customer, category=CategoryFactory(default_team=orders))
    heard = []
    signals.team_changed.connect(lambda **kw: heard.append(kw), weak=False, dispatch_uid="t")

    try:
        with committed():
            workflow.change_team(ticket, payments, by=agent, reason="A refund question")
    finally:
        signals.team_changed.disconnect(dispatch_uid="t")

    ticket.refresh_from_db()
    last = ticket.history.first()
    assert ticket.team == payments
    assert (last.team_id, last.history_user, last.history_change_reason) == (
        payments.pk,
        agent,
        "A refund question",
    )
    assert [(event["ticket"].pk, event["previous"], event["by"]) for event in heard] == [
        (ticket.pk, orders.pk, agent)
    ]


def test_moving_a_ticket_to_another_team_unassigns_an_assignee_outside_it(agent, customer):
    orders = TeamFactory(name="Orders", members=[agent])
    payments, both = TeamFactory(name="Payments"), TeamFactory(name="Both", members=[agent])
    ticket = open_ticket(customer, category=CategoryFactory(default_team=orders))
    workflow.assign(ticket, by=agent, assignee=agent)

    kept = workflow.change_team(ticket, both, by=agent, reason="Either team")
    moved = workflow.change_team(ticket, payments, by=agent, reason="A refund")

    assert kept.assignee == agent
    assert (moved.team, moved.assignee) == (payments, None)


def test_a_team_change_needs_a_reason_and_a_team(agent, customer):
    ticket = open_ticket(customer)
    payments = TeamFactory(name="Payments")

    with pytest.raises(ValidationError) as no_reason:
        workflow.change_team(ticket, payments, by=agent, reason="  ")
    with pytest.raises(ValidationError) as no_team:
        workflow.correct(ticket, by=agent, reason="Typo", team="Payments")

    assert "reason" in no_reason.value.message_dict
    assert "team" in no_team.value.message_dict
    ticket.refresh_from_db()
    assert ticket.team is None


def test_only_staff_change_a_tickets_team(customer):
    ticket = open_ticket(customer)
    payments = TeamFactory(name="Payments")

    for someone in (customer, EditorFactory()):
        with pytest.raises(PermissionDenied):
            workflow.change_team(ticket, payments, by=someone, reason="Mine")


def test_the_same_team_again_changes_nothing(agent, customer):
    orders = TeamFactory(name="Orders")
    ticket = open_ticket(customer, category=CategoryFactory(default_team=orders))
    versions = ticket.history.count()

    workflow.change_team(ticket, orders, by=agent, reason="")

    assert ticket.history.count() == versions


CHICAGO = ZoneInfo("America/Chicago")


@freeze_time("2026-03-02 15:00:00")  # a Monday, 9:00 in Chicago
def test_a_team_with_its_own_hours_runs_its_tickets_sla_clock_in_them(customer):
    night = TeamFactory(
        name="Night shift",
        has_own_hours=True,
        opens=time(20, 0),
        closes=time(23, 0),
    )
    by_day = open_ticket(
        customer,
        category=CategoryFactory(name="Day"),
        priority="urgent",
        priority_justification="Kitchen is closed",
    )
    by_night = open_ticket(
        customer,
        category=CategoryFactory(name="Night", default_team=night),
        priority="urgent",
        priority_justification="Kitchen is closed",
    )

    # Urgent: answer within 2 business hours: 11:00 by day, 22:00 for the night shift.
    assert by_day.first_response_due_at.astimezone(CHICAGO) == datetime(
        2026, 3, 2, 11, 0, tzinfo=CHICAGO
    )
    assert by_night.first_response_due_at.astimezone(CHICAGO) == datetime(
        2026, 3, 2, 22, 0, tzinfo=CHICAGO
    )


@freeze_time("2026-03-02 15:00:00")
def test_moving_a_ticket_to_a_team_with_its_own_hours_restarts_its_targets(agent, customer):
    night = TeamFactory(name="Night", has_own_hours=True, opens=time(20, 0), closes=time(23, 0))
    ticket = open_ticket(customer, priority="urgent", priority_justification="Kitchen is closed")

    moved = workflow.change_team(ticket, night, by=agent, reason="Night work")

    assert moved.first_response_due_at.astimezone(CHICAGO) == datetime(
        2026, 3, 2, 22, 0, tzinfo=CHICAGO
    )


def test_a_teams_own_hours_must_close_after_they_open():
    team = Team(name="Odd", has_own_hours=True, opens=time(18, 0), closes=time(9, 0))

    with pytest.raises(ValidationError) as refused:
        team.full_clean()

    assert "closes" in refused.value.message_dict
