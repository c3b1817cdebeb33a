"""The ticket view's composer and controls: send and set the status in one step, the ticket's
current values in the controls, and the assignee picker as each role may use it."""

import pytest
from django.urls import reverse

from tests.factories import AgentFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.admin.views import version_of
from tickets.choices import Priority, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Limes missing from order")


def url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def send(client, ticket, *, kind="reply", body="A new case is on its way.", then_status=None):
    """The composer as a browser posts it: the button pressed is the one name it sends."""
    button = {"then_status": then_status} if then_status else {"action": "reply"}
    return client.post(
        url(ticket), {"kind": kind, "body": body, "seen": version_of(ticket), **button}
    )


def new_history(ticket, since):
    return list(
        ticket.history.filter(history_id__gt=since)
        .order_by("history_id")
        .values_list("status", "history_change_reason")
    )


def last_history_id(ticket):
    return ticket.history.latest("history_id").history_id


@pytest.mark.parametrize(
    "target", [Status.WAITING_ON_CUSTOMER, Status.RESOLVED], ids=["waiting", "resolved"]
)
def test_send_and_set_on_an_open_ticket_records_the_reply_then_the_status(
    client, agent, ticket, target
):
    client.force_login(agent)
    before = last_history_id(ticket)

    response = send(client, ticket, then_status=target)

    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == target
    assert ticket.messages.get().is_internal is False
    # The reply's own move (open → in progress), then the chosen status: one entry each.
    assert new_history(ticket, before) == [
        (Status.IN_PROGRESS, "Staff replied"),
        (target, f"Status changed to {target.label}"),
    ]


def test_send_and_set_in_progress_is_the_replys_own_move_recorded_once(client, agent, ticket):
    client.force_login(agent)
    before = last_history_id(ticket)

    send(client, ticket, then_status=Status.IN_PROGRESS)

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    assert new_history(ticket, before) == [(Status.IN_PROGRESS, "Staff replied")]


def test_a_note_changes_no_status_unless_one_is_chosen(client, agent, ticket):
    client.force_login(agent)
    before = last_history_id(ticket)

    send(client, ticket, kind="note", body="Checked the depot.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert new_history(ticket, before) == []

    send(client, ticket, kind="note", body="Waiting on photos.", then_status="waiting_on_customer")
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_ON_CUSTOMER
    assert ticket.messages.filter(is_internal=True).count() == 2
    assert new_history(ticket, before) == [
        (Status.WAITING_ON_CUSTOMER, "Status changed to Waiting on customer")
    ]


def test_a_status_the_ticket_cannot_take_sends_nothing_and_keeps_the_text(client, agent, ticket):
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    client.force_login(agent)

    response = send(client, ticket, body="Shall I wait?", then_status="waiting_on_customer")

    assert response.status_code == 200
    assert "Shall I wait?" in response.content.decode()
    assert response.context["reply_form"].errors["then_status"]
    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED and not ticket.messages.exists()


def test_the_composer_offers_the_statuses_the_ticket_may_take(client, agent, ticket):
    client.force_login(agent)
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)

    offered = client.get(url(ticket)).context["reply_form"].send_and_set

    assert [value for value, label in offered] == ["in_progress", "resolved"]


def test_bad_input_in_the_composer_changes_nothing(client, agent, ticket):
    client.force_login(agent)

    response = send(client, ticket, body="", then_status="resolved")

    assert response.status_code == 200
    assert response.context["reply_form"].errors["body"]
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and not ticket.messages.exists()


def test_the_composer_comes_after_the_stream_and_the_collision_warning_before_both(
    client, agent, ticket
):
    client.force_login(agent)
    seen = version_of(ticket)
    workflow.post_message(ticket, author=AgentFactory(), body="Already sorted.")

    response = client.post(
        url(ticket), {"action": "reply", "kind": "reply", "body": "Hello", "seen": seen}
    )

    body = response.content.decode()
    warning = body.index("nothing was sent")
    assert warning < body.index('id="activity"') < body.index('id="composer"')
    composer = body[body.index('id="composer"') :]
    assert "nothing was sent" not in composer


def test_controls_show_the_tickets_current_values(client, agent, ticket):
    colleague = AgentFactory(name="Jordan Reyes")
    workflow.change_priority(ticket, by=agent, priority=Priority.HIGH)
    workflow.assign(ticket, by=colleague, assignee=colleague)
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
    client.force_login(agent)

    context = client.get(url(ticket)).context

    assert context["status_form"]["status"].value() == Status.WAITING_ON_CUSTOMER
    assert dict(context["status_form"].fields["status"].choices)["waiting_on_customer"] == (
        "Waiting on customer (now)"
    )
    assert context["priority_form"]["priority"].value() == Priority.HIGH
    assert context["assign_form"]["assignee"].value() == colleague.pk


def test_the_current_value_submitted_again_records_nothing(client, agent, ticket):
    client.force_login(agent)
    before = last_history_id(ticket)

    client.post(url(ticket), {"action": "status", "status": "open"})
    client.post(url(ticket), {"action": "priority", "priority": ticket.priority})

    assert new_history(ticket, before) == []


def test_the_assignee_picker_lists_the_agents_only(client, support_admin, customer, ticket):
    agent = AgentFactory(name="Jordan Reyes")
    client.force_login(support_admin)

    picker = client.get(url(ticket)).context["assign_form"].fields["assignee"]

    people = set(picker.queryset)
    assert agent in people and support_admin in people and customer not in people


@pytest.mark.parametrize(
    ("owner", "hand_over", "offered"),
    [
        ("nobody", True, False),
        ("self", True, True),
        ("self", False, False),
        ("colleague", True, False),
    ],
)
def test_an_agent_gets_the_picker_for_their_own_ticket_when_hand_over_is_on(
    client, settings, agent, ticket, owner, hand_over, offered
):
    settings.TICKETS_AGENTS_HAND_OVER = hand_over
    colleague = AgentFactory()
    if owner != "nobody":
        holder = agent if owner == "self" else colleague
        workflow.assign(ticket, by=holder, assignee=holder)
    client.force_login(agent)

    response = client.get(url(ticket))

    assert response.context["assign_form"].offered is offered
    assert ('value="assign"' in response.content.decode()) is offered
    assert response.context["can_take"] is (owner == "nobody")


@pytest.mark.parametrize("hand_over", [True, False])
def test_an_agent_hands_their_own_ticket_to_a_colleague_only_if_the_setting_allows(
    client, settings, agent, ticket, hand_over
):
    settings.TICKETS_AGENTS_HAND_OVER = hand_over
    colleague = AgentFactory()
    workflow.assign(ticket, by=agent, assignee=agent)
    client.force_login(agent)

    client.post(url(ticket), {"action": "assign", "assignee": colleague.pk, "reason": "Shift"})

    ticket.refresh_from_db()
    assert ticket.assignee == (colleague if hand_over else agent)


def test_an_agent_cannot_hand_on_a_colleagues_ticket_or_take_it(client, agent, ticket):
    colleague, third = AgentFactory(), AgentFactory()
    workflow.assign(ticket, by=colleague, assignee=colleague)
    client.force_login(agent)

    client.post(url(ticket), {"action": "assign", "assignee": third.pk})
    client.post(url(ticket), {"action": "assign_me"})

    ticket.refresh_from_db()
    assert ticket.assignee == colleague


def test_support_admins_reassign_anyones_ticket_whatever_the_setting(
    client, settings, support_admin, ticket
):
    settings.TICKETS_AGENTS_HAND_OVER = False
    colleague, third = AgentFactory(), AgentFactory()
    workflow.assign(ticket, by=colleague, assignee=colleague)
    client.force_login(support_admin)

    assert client.get(url(ticket)).context["assign_form"].offered
    client.post(url(ticket), {"action": "assign", "assignee": third.pk})

    ticket.refresh_from_db()
    assert ticket.assignee == third


@pytest.mark.parametrize("hand_over", [True, False])
def test_the_workflow_applies_the_hand_over_setting(settings, agent, ticket, hand_over):
    from django.core.exceptions import PermissionDenied

    settings.TICKETS_AGENTS_HAND_OVER = hand_over
    colleague = AgentFactory()
    workflow.assign(ticket, by=agent, assignee=agent)

    if hand_over:
        ticket = workflow.assign(ticket, by=agent, assignee=colleague)
        assert ticket.assignee == colleague
        assert ticket.history.latest().history_user == agent
    else:
        with pytest.raises(PermissionDenied):
            workflow.assign(ticket, by=agent, assignee=colleague)


@pytest.mark.parametrize("messages", [5, 200])
def test_ticket_view_query_count_is_flat_with_5_or_200_messages(client, agent, ticket, messages):
    client.force_login(agent)
    workflow.post_message(ticket, author=agent, body="First reply")
    count_queries(client, url(ticket))
    few = count_queries(client, url(ticket))

    for n in range(messages):
        workflow.post_message(ticket, author=agent, body=f"Reply {n}", internal=n % 2 == 0)
    workflow.change_priority(ticket, by=agent, priority=Priority.HIGH)
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)

    assert count_queries(client, url(ticket)) == few


def test_a_status_refused_after_the_reply_rolls_the_reply_back(client, agent, ticket, monkeypatch):
    """The ticket changed between the page and the send (the form offered the status): the
    transition table refuses it, and neither the message nor the status is recorded."""
    from tickets.admin import forms

    client.force_login(agent)
    workflow.change_status(ticket, by=agent, status=Status.RESOLVED)
    monkeypatch.setattr(forms, "allowed_targets", lambda status: set(forms.SEND_AND_SET))
    ticket.refresh_from_db()
    before = last_history_id(ticket)

    response = send(client, ticket, body="Please wait.", then_status="waiting_on_customer")

    assert "cannot become Waiting on customer" in " ".join(
        response.context["reply_form"].errors["then_status"]
    )
    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED and not ticket.messages.exists()
    assert new_history(ticket, before) == []
