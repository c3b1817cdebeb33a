"""workflow.merge: duplicates join the ticket that goes on; their numbers still lead there."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from notifications.models import Notification
from tests.factories import CustomerFactory, open_ticket
from tickets import history, signals, workflow
from tickets.choices import Status
from tickets.models import Attachment, Message, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    events = []

    def listen(sender, **kwargs):
        events.append(kwargs)

    signals.merged.connect(listen, weak=False)
    yield events
    signals.merged.disconnect(listen)


def _older(ticket, days):
    at = timezone.now() - timedelta(days=days)
    Ticket.objects.filter(pk=ticket.pk).update(created_at=at)
    ticket.refresh_from_db()
    return at


def test_messages_and_files_move_keeping_their_times_and_authors(customer, agent, committed):
    duplicate = open_ticket(
        customer,
        subject="Limes again",
        attachments=[SimpleUploadedFile("photo.txt", b"a photo")],
    )
    opened_at = _older(duplicate, 2)
    reply = workflow.post_message(duplicate, author=agent, body="Looking.")
    target = open_ticket(customer)

    with committed():
        workflow.merge([duplicate], into=target, by=agent, reason="Same delivery")

    thread = list(Message.objects.filter(ticket=target).order_by("created_at", "pk"))
    opening, moved = thread
    assert (opening.author, opening.created_at, opening.is_internal) == (customer, opened_at, False)
    assert opening.body.startswith("Limes again\n\n")
    assert (moved.pk, moved.author, moved.created_at) == (reply.pk, agent, reply.created_at)
    file = Attachment.objects.get(original_name="photo.txt")
    assert (file.ticket, file.message) == (target, opening)
    assert not Message.objects.filter(ticket=duplicate).exists()


def test_the_duplicate_closes_with_a_link_and_both_sides_keep_history(customer, agent):
    duplicate, target = open_ticket(customer), open_ticket(customer)

    workflow.merge([duplicate], into=target, by=agent, reason="Same delivery")

    duplicate.refresh_from_db()
    assert duplicate.status == Status.CLOSED and duplicate.closed_at
    assert duplicate.merged_into == target
    last = history.revisions(duplicate)[-1]
    assert (last.by, last.reason) == (agent, "Same delivery")
    assert {change.field for change in last.changes} == {"status", "merged_into"}
    assert history.revisions(target)[-1].reason == "Same delivery"
    assert history.revisions(target)[-1].by == agent
    target.refresh_from_db()
    assert target.status == Status.OPEN


def test_without_a_reason_the_history_names_the_tickets(customer, agent):
    first, second, target = open_ticket(customer), open_ticket(customer), open_ticket(customer)

    workflow.merge([first, second], into=target, by=agent)

    assert history.revisions(first)[-1].reason == f"Merged into {target.number}"
    assert history.revisions(target)[-1].reason == (
        f"Merged {first.number}, {second.number} into this ticket"
    )


def test_the_customer_is_told_once_however_many_tickets_merge(customer, agent, committed, heard):
    first, second, target = open_ticket(customer), open_ticket(customer), open_ticket(customer)
    Notification.objects.all().delete()

    with committed():
        workflow.merge([first, second], into=target, by=agent)

    (event,) = heard
    assert event["ticket"] == target and event["into"] == target
    assert {t.pk for t in event["merged"]} == {first.pk, second.pk}
    (told,) = Notification.objects.filter(recipient=customer)
    assert told.kind == "tickets_merged"
    assert first.number in told.text and target.number in told.text


def test_support_admins_merge_across_customers_each_told_once_notes_stay_private(
    customer, support_admin, committed, heard
):
    """Each customer whose tickets merged is told once; the target's customer, whose ticket
    only gained internal notes, is not told."""
    other = CustomerFactory()
    theirs, also_theirs, target = open_ticket(other), open_ticket(other), open_ticket(customer)
    workflow.post_message(theirs, author=other, body="My private words")
    Notification.objects.all().delete()

    with committed():
        workflow.merge([theirs, also_theirs], into=target, by=support_admin)

    (event,) = heard
    assert (event["ticket"], event["into"], len(event["merged"])) == (theirs, target, 2)
    assert Notification.objects.filter(recipient=other).count() == 1
    assert not Notification.objects.filter(recipient=customer).exists()
    # The target's customer never reads the other customer's words: they moved as notes.
    moved = Message.objects.filter(ticket=target, author=other)
    assert moved.count() == 3 and all(message.is_internal for message in moved)


def test_agents_merge_only_one_customers_tickets(customer, agent):
    theirs, target = open_ticket(CustomerFactory()), open_ticket(customer)

    with pytest.raises(PermissionDenied):
        workflow.merge([theirs], into=target, by=agent)

    theirs.refresh_from_db()
    assert theirs.merged_into is None and theirs.status == Status.OPEN


@pytest.mark.parametrize("role", ["customer", "editor"])
def test_only_staff_merge(customer, editor, role):
    duplicate, target = open_ticket(customer), open_ticket(customer)
    with pytest.raises(PermissionDenied):
        workflow.merge([duplicate], into=target, by={"customer": customer, "editor": editor}[role])


def test_a_ticket_cannot_be_merged_into_itself(customer, agent):
    ticket = open_ticket(customer)
    with pytest.raises(ValidationError) as error:
        workflow.merge([ticket], into=ticket, by=agent)
    assert "into" in error.value.message_dict


def test_nor_into_a_closed_or_merged_ticket(customer, agent):
    closed, duplicate, merged = open_ticket(customer), open_ticket(customer), open_ticket(customer)
    workflow.change_status(closed, by=agent, status=Status.CLOSED)
    workflow.merge([merged], into=duplicate, by=agent)

    for target in (closed, merged):
        with pytest.raises(ValidationError) as error:
            workflow.merge([duplicate], into=target, by=agent)
        assert "into" in error.value.message_dict
    duplicate.refresh_from_db()
    assert duplicate.status == Status.OPEN


def test_a_merged_ticket_is_not_merged_again(customer, agent):
    duplicate, target, other = open_ticket(customer), open_ticket(customer), open_ticket(customer)
    workflow.merge([duplicate], into=target, by=agent)

    with pytest.raises(ValidationError) as error:
        workflow.merge([duplicate], into=other, by=agent)
    assert duplicate.number in error.value.message_dict["tickets"][0]


def test_chains_are_flattened(customer, agent):
    first, second, third = open_ticket(customer), open_ticket(customer), open_ticket(customer)
    workflow.merge([first], into=second, by=agent)

    workflow.merge([second], into=third, by=agent)

    first.refresh_from_db()
    assert first.merged_into == third
    assert Message.objects.filter(ticket=third).count() == 2


def test_a_merge_of_both_customers_tickets_tells_each_once_about_their_own(
    customer, support_admin, committed, heard
):
    other = CustomerFactory()
    mine, theirs, target = open_ticket(customer), open_ticket(other), open_ticket(customer)

    with committed():
        workflow.merge([mine, theirs], into=target, by=support_admin)

    told = {event["ticket"].customer_id: event for event in heard}
    assert set(told) == {customer.pk, other.pk}
    assert told[customer.pk]["ticket"] == target
    assert [t.pk for t in told[customer.pk]["merged"]] == [mine.pk]
    assert (told[other.pk]["ticket"], list(told[other.pk]["merged"])) == (theirs, [theirs])
    assert not Message.objects.get(ticket=target, author=customer).is_internal
    assert Message.objects.get(ticket=target, author=other).is_internal
