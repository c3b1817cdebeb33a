"""Keyboard shortcuts on the ticket view and the queue: bound on the pages, listed in Wagtail's
keyboard-shortcuts dialog, and j/k lead to the next and previous ticket in the queue's order."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tests.factories import ROLES, open_ticket
from tickets import workflow
from tickets.admin.shortcuts import SHORTCUTS
from tickets.choices import Priority
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def edit_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def step_url(ticket, direction):
    return reverse(f"wagtailsnippets_tickets_ticket:{direction}", args=[ticket.pk])


def test_wagtails_dialog_lists_the_ticket_shortcuts_for_agents(client, agent):
    client.force_login(agent)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="keyboard-shortcuts-dialog"' in body
    assert "Show keyboard shortcuts" in body  # Wagtail's own rows stay
    for key, label in SHORTCUTS.values():
        assert f'<th scope="row">{escape(label)}</th>' in body
        assert f"<kbd>{key}</kbd>" in body


def test_editors_dialog_has_no_ticket_shortcuts(client, editor):
    client.force_login(editor)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Show keyboard shortcuts" in body
    assert "Next ticket" not in body


def test_the_ticket_view_binds_each_shortcut_with_wagtails_controller(client, agent):
    ticket = open_ticket()
    client.force_login(agent)

    body = client.get(edit_url(ticket)).content.decode()

    for key, _ in SHORTCUTS.values():
        assert f'data-w-kbd-key-value="{key}"' in body
    assert 'data-w-kbd-action-value="focus"' in body  # s focuses the status
    assert 'data-compose="reply"' in body and 'data-compose="note"' in body


def test_the_queue_carries_j_and_k_for_its_script(client, agent):
    client.force_login(agent)

    body = client.get(reverse("wagtailsnippets_tickets_ticket:list")).content.decode()

    assert 'data-next="j" data-previous="k"' in body
    assert "js/queue_shortcuts.js" in body


def test_next_and_previous_follow_the_queues_order(client, agent):
    low = open_ticket(priority=Priority.LOW)
    urgent_old = open_ticket(priority=Priority.URGENT, priority_justification="Food safety")
    medium = open_ticket()
    urgent_new = open_ticket(priority=Priority.URGENT, priority_justification="Food safety")
    client.force_login(agent)
    order = [urgent_old, urgent_new, medium, low]

    for here, there in zip(order, order[1:], strict=False):
        assert client.get(step_url(here, "next"))["Location"] == edit_url(there)
        assert client.get(step_url(there, "previous"))["Location"] == edit_url(here)


def test_past_either_end_is_the_queue_with_a_word(client, agent):
    only = open_ticket()
    client.force_login(agent)

    response = client.get(step_url(only, "next"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("wagtailsnippets_tickets_ticket:list"))
    assert "That was the last ticket in the queue." in response.content.decode()
    response = client.get(step_url(only, "previous"), follow=True)
    assert "That was the first ticket in the queue." in response.content.decode()


def test_the_neighbours_are_found_in_a_fixed_number_of_queries(client, agent):
    here = open_ticket()
    open_ticket()
    client.force_login(agent)
    client.get(step_url(here, "next"))
    with CaptureQueriesContext(connection) as few:
        client.get(step_url(here, "next"))

    for n in range(40):
        open_ticket(priority=[Priority.LOW, Priority.MEDIUM][n % 2])

    with CaptureQueriesContext(connection) as many:
        client.get(step_url(here, "next"))
    assert len(many) == len(few)


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_step_between_tickets(client, people, role):
    first, second = open_ticket(), open_ticket()
    if people[role]:
        client.force_login(people[role])

    location = client.get(step_url(first, "next"))["Location"]

    if role in ("agent", "support_admin"):
        assert location == edit_url(second)
    else:
        assert location != edit_url(second)


@pytest.mark.parametrize(
    "order",
    [
        [F("first_response_at").asc(nulls_last=True), "created_at"],
        [F("first_response_at").desc(nulls_first=True), "-created_at"],
    ],
    ids=["nulls-last", "descending-nulls-first"],
)
def test_stepping_walks_the_whole_order_with_empty_values_too(monkeypatch, agent, order):
    from tickets.admin import neighbours

    tickets = [open_ticket() for _ in range(5)]
    for ticket in tickets[1:4]:
        workflow.post_message(ticket, author=agent, body="Answered")
    monkeypatch.setattr(neighbours, "QUEUE_ORDER", order)
    expected = list(Ticket.objects.order_by(*order, "pk"))

    walked = [expected[0]]
    while (found := neighbours.neighbour(walked[-1], agent, step=1)) is not None:
        walked.append(found)
    back = [walked[-1]]
    while (found := neighbours.neighbour(back[-1], agent, step=-1)) is not None:
        back.append(found)

    assert walked == expected
    assert back == expected[::-1]
