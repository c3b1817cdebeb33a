import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import Feedback
from tickets.transitions import TRANSITIONS, InvalidTransition

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer)


def move(ticket, by, *statuses):
    for status in statuses:
        ticket = workflow.change_status(ticket, by=by, status=status)
    return ticket


def test_first_public_staff_reply_sets_first_response_and_starts_work(ticket, agent):
    workflow.post_message(ticket, author=agent, body="On it!")

    ticket.refresh_from_db()
    assert ticket.first_response_at is not None
    assert ticket.status == Status.IN_PROGRESS
    assert ticket.history.latest().history_user == agent


def test_internal_note_changes_nothing_the_customer_sees(ticket, agent):
    note = workflow.post_message(ticket, author=agent, body="Check the depot log.", internal=True)

    ticket.refresh_from_db()
    assert note.is_internal and note.is_staff
    assert ticket.first_response_at is None
    assert ticket.status == Status.OPEN


def test_customers_cannot_write_internal_notes(ticket, customer):
    with pytest.raises(PermissionDenied):
        workflow.post_message(ticket, author=customer, body="secret", internal=True)


def test_other_customers_cannot_reply(ticket):
    with pytest.raises(PermissionDenied):
        workflow.post_message(ticket, author=CustomerFactory(), body="Hello")


def test_customer_reply_moves_waiting_back_to_in_progress(ticket, customer, agent):
    ticket = move(ticket, agent, Status.WAITING_ON_CUSTOMER)

    workflow.post_message(ticket, author=customer, body="Here are the photos.")

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    assert ticket.history.latest().history_change_reason == "Customer replied"


def test_customer_reply_reopens_a_resolved_ticket(ticket, customer, agent):
    ticket = move(ticket, agent, Status.RESOLVED)

    workflow.post_message(ticket, author=customer, body="Still broken, sorry.")

    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.resolved_at is None


def test_nobody_replies_to_a_closed_ticket(ticket, customer, agent):
    ticket = move(ticket, agent, Status.CLOSED)

    for author in (customer, agent):
        with pytest.raises(ValidationError) as error:
            workflow.post_message(ticket, author=author, body="Hello?")
        assert "open a new ticket" in error.value.message_dict["body"][0]


@pytest.mark.parametrize("body", ["", "   ", "x" * 2001])
def test_reply_length_is_checked(ticket, customer, body):
    with pytest.raises(ValidationError) as error:
        workflow.post_message(ticket, author=customer, body=body)

    assert "body" in error.value.message_dict


@pytest.mark.parametrize(
    ("start", "target"),
    [(start, target) for start in TRANSITIONS for target in Status if target != start],
)
def test_status_changes_follow_the_transition_table(customer, agent, start, target):
    ticket = open_ticket(customer)
    path = {
        Status.OPEN: [],
        Status.IN_PROGRESS: [Status.IN_PROGRESS],
        Status.WAITING_ON_CUSTOMER: [Status.WAITING_ON_CUSTOMER],
        Status.RESOLVED: [Status.RESOLVED],
        Status.CLOSED: [Status.CLOSED],
    }[start]
    ticket = move(ticket, agent, *path)

    if target in TRANSITIONS[start]:
        ticket = workflow.change_status(ticket, by=agent, status=target, reason="testing")
        assert ticket.status == target
        assert ticket.history.latest().history_change_reason == "testing"
    else:
        with pytest.raises(InvalidTransition) as error:
            workflow.change_status(ticket, by=agent, status=target)
        assert "Allowed:" in error.value.messages[0]


def test_customers_never_change_status_or_priority(ticket, customer):
    with pytest.raises(PermissionDenied):
        workflow.change_status(ticket, by=customer, status=Status.RESOLVED)
    with pytest.raises(PermissionDenied):
        workflow.change_priority(ticket, by=customer, priority=Priority.URGENT)


def test_resolving_and_closing_stamp_their_times(ticket, agent):
    ticket = move(ticket, agent, Status.RESOLVED)
    assert ticket.resolved_at is not None

    ticket = move(ticket, agent, Status.CLOSED)
    assert ticket.closed_at is not None


def test_priority_change_is_recorded_with_reason(ticket, agent):
    ticket = workflow.change_priority(ticket, by=agent, priority=Priority.HIGH, reason="VIP")

    assert ticket.priority == Priority.HIGH
    record = ticket.history.latest()
    assert (record.history_user, record.history_change_reason) == (agent, "VIP")


def test_agents_take_tickets_for_themselves(ticket, agent):
    ticket = workflow.assign(ticket, by=agent, assignee=agent)

    assert ticket.assignee == agent
    assert ticket.history.latest().history_change_reason == f"Assigned to {agent.get_full_name()}"


def test_agents_cannot_hand_tickets_to_others_or_take_anothers(ticket, agent):
    other = AgentFactory()
    with pytest.raises(PermissionDenied):
        workflow.assign(ticket, by=agent, assignee=other)

    workflow.assign(ticket, by=other, assignee=other)
    with pytest.raises(PermissionDenied):
        workflow.assign(ticket, by=agent, assignee=agent)


def test_support_admins_reassign(ticket, agent, support_admin):
    workflow.assign(ticket, by=agent, assignee=agent)
    other = AgentFactory()

    ticket = workflow.assign(ticket, by=support_admin, assignee=other, reason="Shift change")

    assert ticket.assignee == other


def test_tickets_are_only_assigned_to_agents(ticket, support_admin, customer):
    with pytest.raises(ValidationError):
        workflow.assign(ticket, by=support_admin, assignee=customer)


def test_customer_confirms_a_resolved_ticket_which_closes_it(ticket, customer, agent):
    with pytest.raises(ValidationError):
        workflow.confirm_resolution(ticket, by=customer)
    ticket = move(ticket, agent, Status.RESOLVED)
    with pytest.raises(PermissionDenied):
        workflow.confirm_resolution(ticket, by=agent)

    ticket = workflow.confirm_resolution(ticket, by=customer)

    assert ticket.status == Status.CLOSED
    assert ticket.history.latest().history_user == customer


def test_one_rating_per_ticket_only_after_resolution(ticket, customer, agent):
    with pytest.raises(ValidationError):
        workflow.rate(ticket, by=customer, rating=5)
    ticket = move(ticket, agent, Status.RESOLVED)
    with pytest.raises(PermissionDenied):
        workflow.rate(ticket, by=CustomerFactory(), rating=5)

    workflow.rate(ticket, by=customer, rating=4, comment="Quick and kind.")

    assert Feedback.objects.get(ticket=ticket).rating == 4
    with pytest.raises(ValidationError):
        workflow.rate(ticket, by=customer, rating=5)


@pytest.mark.parametrize("rating", [0, 6])
def test_ratings_are_one_to_five(ticket, customer, agent, rating):
    ticket = move(ticket, agent, Status.RESOLVED)

    with pytest.raises(ValidationError):
        workflow.rate(ticket, by=customer, rating=rating)


def test_a_long_reason_is_kept_to_what_the_history_can_hold(ticket, agent):
    ticket = workflow.change_priority(ticket, by=agent, priority=Priority.HIGH, reason="x" * 300)

    assert ticket.history.latest().history_change_reason == "x" * 100
