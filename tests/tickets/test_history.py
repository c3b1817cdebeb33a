"""One history of a ticket (tickets.history), read three ways: agents' timeline, the API and the
portal. They agree on every change; customers see status changes alone, never who or why."""

import pytest
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient

from tests.factories import AgentFactory, CategoryFactory, SupportAdminFactory, open_ticket
from tickets import history, workflow
from tickets.choices import Priority, Status
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def _edit(ticket, *, by, reason="", **fields):
    """A change made through the ticket's edit form: saved with who and why, as the admin does."""
    for name, value in fields.items():
        setattr(ticket, name, value)
    ticket._history_user = by
    ticket._change_reason = reason
    ticket.save()


@pytest.fixture
def worked_ticket(customer):
    """A ticket whose status, priority, assignee, category, escalation and notes all changed."""
    dana = AgentFactory(name="Dana Responder")
    lee = AgentFactory(name="Lee Backup")
    boss = SupportAdminFactory(name="Sam Lead")
    ticket = open_ticket(customer, subject="Limes missing from order")
    workflow.change_status(ticket, by=dana, status=Status.IN_PROGRESS, reason="Looking at it")
    workflow.change_priority(ticket, by=dana, priority=Priority.HIGH, reason="VIP customer")
    workflow.assign(ticket, by=boss, assignee=lee, reason="Dana is off tomorrow")
    ticket.refresh_from_db()
    _edit(ticket, by=lee, category=CategoryFactory(name="Deliveries"), escalated=True)
    workflow.change_status(
        ticket,
        by=lee,
        status=Status.RESOLVED,
        reason="Refund sent",
        resolution_notes="Credited two cases",
    )
    ticket.refresh_from_db()
    return ticket


def _timeline(client, ticket):
    client.force_login(AgentFactory())
    response = client.get(reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]))
    return [
        (str(label), old, new, entry["user"], entry["reason"], entry["at"])
        for kind, entry in response.context["activity"]
        if kind == "change"
        for label, old, new in entry["changes"]
    ]


def _api_history(user, ticket):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(f"/api/v1/tickets/{ticket.number}/").json()["history"]


def _portal_history(client, ticket):
    client.force_login(ticket.customer)
    response = client.get(ticket.get_absolute_url())
    return response.context["status_history"], response.content.decode()


def test_timeline_api_and_portal_agree_on_every_change(client, worked_ticket):
    revisions = history.revisions(worked_ticket)
    expected = [
        (change.field, change.old, change.new, revision.by, revision.reason, revision.at)
        for revision in revisions
        for change in revision.changes
    ]
    assert [row[:3] for row in expected] == [
        ("status", Status.OPEN, Status.IN_PROGRESS),
        ("priority", Priority.MEDIUM, Priority.HIGH),
        ("assignee", worked_ticket.history.earliest().assignee, worked_ticket.assignee),
        ("category", None, worked_ticket.category),
        ("escalated", False, True),
        ("status", Status.IN_PROGRESS, Status.RESOLVED),
        ("resolution_notes", "", "Credited two cases"),
    ]

    timeline = _timeline(client, worked_ticket)
    assert [row[0] for row in timeline] == [
        str(Ticket._meta.get_field(row[0]).verbose_name) for row in expected
    ]
    assert [row[3:] for row in timeline] == [row[3:] for row in expected]
    assert [row[1:3] for row in timeline] == [
        ("Open", "In progress"),
        ("Medium", "High"),
        (_name(expected[2][1]), "Lee Backup"),
        ("—", "Deliveries"),
        ("False", "True"),
        ("In progress", "Resolved"),
        ("—", "Credited two cases"),
    ]

    api = _api_history(AgentFactory(), worked_ticket)
    assert [
        (
            h["field_changed"],
            h["changed_by"]["id"],
            h["change_reason"],
            parse_datetime(h["created_at"]),
        )
        for h in api
    ] == [(field, by.pk, reason, at) for field, _old, _new, by, reason, at in expected]
    assert [(h["old_value"], h["new_value"]) for h in api] == [
        ("open", "in_progress"),
        ("medium", "high"),
        (expected[2][1] and _name(expected[2][1]), "Lee Backup"),
        (None, "Deliveries"),
        ("false", "true"),
        ("in_progress", "resolved"),
        ("", "Credited two cases"),
    ]

    status_changes = [row for row in expected if row[0] == "status"]
    portal, _body = _portal_history(client, worked_ticket)
    assert portal == [{"at": at, "old": old, "new": new} for _f, old, new, *_, at in status_changes]
    customer_api = _api_history(worked_ticket.customer, worked_ticket)
    assert [
        (h["field_changed"], h["old_value"], h["new_value"], parse_datetime(h["created_at"]))
        for h in customer_api
    ] == [(field, old, new, at) for field, old, new, _by, _reason, at in status_changes]


def _name(user):
    return user.get_full_name() if user else "—"


def test_portal_and_customer_api_never_show_internal_fields(client, worked_ticket):
    portal, body = _portal_history(client, worked_ticket)
    customer_api = _api_history(worked_ticket.customer, worked_ticket)

    assert {change["new"] for change in portal} == {Status.IN_PROGRESS, Status.RESOLVED}
    assert all(set(change) == {"at", "old", "new"} for change in portal)
    assert {h["field_changed"] for h in customer_api} == {"status"}
    assert all(
        set(h) == {"field_changed", "old_value", "new_value", "created_at"} for h in customer_api
    )
    for internal in ("Looking at it", "VIP customer", "Dana is off tomorrow", "Refund sent"):
        assert internal not in body
        assert internal not in str(customer_api)
    assert all(
        revision.by is None
        and revision.reason == ""
        and {c.field for c in revision.changes} == {"status"}
        for revision in history.customer_revisions(worked_ticket)
    )


def test_an_assignee_whose_account_is_gone_reads_as_nobody(customer):
    gone = AgentFactory(name="Former Agent")
    ticket = open_ticket(customer)
    workflow.assign(ticket, by=gone, assignee=gone)
    gone.delete()

    [change] = [c for revision in history.revisions(ticket) for c in revision.changes]

    assert (change.field, change.new) == ("assignee", None)


def test_history_is_read_in_as_many_queries_however_long_it_is(
    django_assert_num_queries, worked_ticket
):
    boss = SupportAdminFactory()
    for n in range(5):
        workflow.assign(worked_ticket, by=boss, assignee=AgentFactory(), reason=f"Shift {n}")
        _edit(worked_ticket, by=boss, category=CategoryFactory(name=f"Category {n}"))

    # The versions with their authors, their tags, then the assignees and the categories named.
    with django_assert_num_queries(4):
        revisions = history.revisions(worked_ticket)
        [(change.old, change.new) for revision in revisions for change in revision.changes]
        [revision.by for revision in revisions]
    with django_assert_num_queries(1):
        history.customer_revisions(worked_ticket)
