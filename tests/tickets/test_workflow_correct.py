"""workflow.correct: staff set a misfiled ticket right, field by field, each time with a reason
in the history; nothing happens when nothing changes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import CategoryFactory, CustomerFactory, OrderFactory, open_ticket
from tickets import history, signals, workflow
from tickets.choices import Priority, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, category=CategoryFactory(name="Billing"))


@pytest.fixture
def heard(django_capture_on_commit_callbacks):
    """The `corrected` events sent once the change commits."""
    events = []

    def listen(sender, **kwargs):
        events.append(kwargs)

    signals.corrected.connect(listen, weak=False)
    yield events
    signals.corrected.disconnect(listen)


def test_an_agent_corrects_category_subject_order_and_notes_with_one_reason(
    ticket, customer, agent, heard, django_capture_on_commit_callbacks
):
    delivery = CategoryFactory(name="Delivery")
    order = OrderFactory(customer=customer)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.correct(
            ticket,
            by=agent,
            reason="Filed under billing by mistake",
            category=delivery,
            subject="  Limes missing from Tuesday's order ",
            order=order,
            resolution_notes="Credit issued.",
        )

    ticket.refresh_from_db()
    assert (ticket.category, ticket.subject, ticket.order) == (
        delivery,
        "Limes missing from Tuesday's order",
        order,
    )
    assert ticket.resolution_notes == "Credit issued."
    last = history.revisions(ticket)[-1]
    assert (last.by, last.reason) == (agent, "Filed under billing by mistake")
    assert {change.field for change in last.changes} == {
        "category",
        "order",
        "resolution_notes",
        "subject",
    }
    (event,) = heard
    assert event["ticket"] == ticket and event["by"] == agent
    assert set(event["fields"]) == {"category", "subject", "order", "resolution_notes"}


def test_escalating_by_hand_stamps_the_time_and_de_escalating_clears_it(ticket, agent):
    workflow.correct(ticket, by=agent, reason="Angry caller", escalated=True)
    ticket.refresh_from_db()
    assert ticket.escalated and ticket.escalated_at is not None

    workflow.correct(ticket, by=agent, reason="Calmed down", escalated=False)
    ticket.refresh_from_db()
    assert not ticket.escalated and ticket.escalated_at is None
    assert [r.reason for r in history.revisions(ticket)][-2:] == ["Angry caller", "Calmed down"]


def test_a_category_change_recomputes_the_due_times_as_a_priority_change_does(ticket, agent):
    """The SLA's targets are computed by one function (sla.targets.set_due_times) from what
    the ticket is; a correction of the category goes through it too."""
    workflow.change_priority(ticket, by=agent, priority=Priority.URGENT)
    ticket.refresh_from_db()
    urgent_due = ticket.resolution_due_at
    type(ticket).objects.filter(pk=ticket.pk).update(resolution_due_at=None)

    workflow.correct(ticket, by=agent, reason="Misfiled", category=CategoryFactory())

    ticket.refresh_from_db()
    assert ticket.resolution_due_at == urgent_due


def test_nothing_changed_is_a_no_op_without_history_or_event(ticket, agent, heard):
    before = ticket.history.count()

    workflow.correct(ticket, by=agent, reason="", category=ticket.category, subject=ticket.subject)

    assert ticket.history.count() == before
    assert heard == []


def test_the_reason_is_required_for_a_change_and_nothing_changes_without_it(ticket, agent):
    with pytest.raises(ValidationError) as error:
        workflow.correct(ticket, by=agent, reason="  ", subject="Another subject here")

    assert set(error.value.message_dict) == {"reason"}
    ticket.refresh_from_db()
    assert ticket.subject == "Missing items in my order"


def test_bad_input_is_reported_by_field_all_at_once_and_nothing_changes(ticket, agent):
    someone_elses = OrderFactory(customer=CustomerFactory())
    before = ticket.history.count()

    with pytest.raises(ValidationError) as error:
        workflow.correct(ticket, by=agent, reason="", subject="abc", order=someone_elses)

    assert set(error.value.message_dict) == {"subject", "order", "reason"}
    assert "customer's orders" in error.value.message_dict["order"][0]
    ticket.refresh_from_db()
    assert ticket.order is None and ticket.subject == "Missing items in my order"
    assert ticket.history.count() == before


def test_fields_that_cannot_be_corrected_are_named(ticket, agent):
    with pytest.raises(ValidationError) as error:
        workflow.correct(ticket, by=agent, reason="x", status=Status.CLOSED, customer=None)

    assert set(error.value.message_dict) == {"status", "customer"}


@pytest.mark.parametrize("role", ["customer", "editor", "other_customer"])
def test_only_staff_correct_tickets(ticket, role, customer, editor):
    user = {"customer": customer, "editor": editor, "other_customer": CustomerFactory()}[role]
    with pytest.raises(PermissionDenied):
        workflow.correct(ticket, by=user, reason="Mine", subject="A better subject")


def test_support_admins_correct_too(ticket, support_admin):
    workflow.correct(ticket, by=support_admin, reason="Typo", subject="Missing limes")
    ticket.refresh_from_db()
    assert ticket.subject == "Missing limes"


def test_a_merged_ticket_is_corrected_through_the_ticket_it_went_into(customer, agent):
    duplicate, target = open_ticket(customer), open_ticket(customer)
    workflow.merge([duplicate], into=target, by=agent)

    with pytest.raises(ValidationError, match=target.number):
        workflow.correct(duplicate, by=agent, reason="x", subject="Something else")


# Custom fields (the contact form's, by label)


def test_staff_correct_some_custom_fields_and_the_others_stay(customer, agent):
    ticket = open_ticket(customer, extra_fields={"Store": "North", "Cases": ["limes", "lemons"]})

    workflow.correct(ticket, by=agent, reason="Wrong store", extra_fields={"Store": " South "})

    ticket.refresh_from_db()
    assert ticket.extra_fields == {"Store": "South", "Cases": ["limes", "lemons"]}
    [change] = history.revisions(ticket)[-1].changes
    assert change.field == "extra_fields"
    assert (change.old["Store"], change.new["Store"]) == ("North", "South")


def test_a_custom_field_the_ticket_does_not_have_is_refused(customer, agent):
    ticket = open_ticket(customer, extra_fields={"Store": "North"})

    with pytest.raises(ValidationError) as raised:
        workflow.correct(ticket, by=agent, reason="Typo", extra_fields={"Shop": "South"})

    assert "no field named Shop" in raised.value.message_dict["extra_fields"][0]
    ticket.refresh_from_db()
    assert ticket.extra_fields == {"Store": "North"}


def test_custom_fields_at_their_values_change_nothing(customer, agent):
    ticket = open_ticket(customer, extra_fields={"Store": "North"})
    versions = len(history.revisions(ticket))

    workflow.correct(ticket, by=agent, reason="", extra_fields={"Store": "North"})

    assert len(history.revisions(ticket)) == versions
