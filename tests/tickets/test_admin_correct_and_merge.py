"""The ticket view's "Correct details" and "Merge into…" forms, the "Merge tickets" bulk
action, and the "New ticket" page with its customer chooser: each through the workflow."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from tests.factories import (
    ROLES,
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    OrderFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.admin.forms import CorrectForm
from tickets.choices import Source, Status
from tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db

NEW_TICKET = "/admin/tickets/new/"


LINKED_NUMBERS = 'SELECT "tickets_ticket"."id" AS "pk", "tickets_ticket"."number" AS "number" FROM'


def url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def bulk_merge_url(tickets):
    ids = "&".join(f"id={ticket.pk}" for ticket in tickets)
    queue = reverse("wagtailsnippets_tickets_ticket:list")
    return (
        reverse("wagtail_bulk_action", args=["tickets", "ticket", "merge"]) + f"?{ids}&next={queue}"
    )


def correction(ticket, **data):
    current = {
        "correct-category": ticket.category_id or "",
        "correct-subject": ticket.subject,
        "correct-order": ticket.order_id or "",
        "correct-resolution_notes": ticket.resolution_notes,
        "correct-reason": "",
    }
    return {"action": "correct", **current, **{f"correct-{k}": v for k, v in data.items()}}


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Limes missing from order")


# Correct details


def test_the_folded_form_is_fetched_when_opened_and_shows_the_current_values(
    client, agent, customer
):
    order = OrderFactory(customer=customer, number="LT-7001")
    ticket = open_ticket(customer, category=CategoryFactory(name="Billing"), order=order)
    client.force_login(agent)

    page = client.get(url(ticket)).content.decode()
    assert "Correct details" in page and 'name="correct-subject"' not in page
    assert f'data-lazy-panel="{url(ticket)}panel/correct/"' in page
    assert 'href="?panel=correct#correct-heading"' in page

    # Fetched by the page's script, or the whole page without JavaScript.
    for body in (
        client.get(f"{url(ticket)}panel/correct/").content.decode(),
        client.get(f"{url(ticket)}?panel=correct").content.decode(),
    ):
        assert 'name="correct-subject"' in body and 'value="Missing items in my order"' in body
        assert f'<option value="{order.pk}" selected>LT-7001</option>' in body


def test_the_merge_form_is_fetched_the_same_way(client, agent, ticket):
    client.force_login(agent)

    assert 'name="merge-into"' not in client.get(url(ticket)).content.decode()
    assert 'name="merge-into"' in client.get(f"{url(ticket)}panel/merge/").content.decode()
    assert 'name="merge-into"' in client.get(f"{url(ticket)}?panel=merge").content.decode()


def test_an_unknown_panel_or_ticket_is_not_found(client, agent, ticket):
    client.force_login(agent)

    assert client.get(f"{url(ticket)}panel/history/").status_code == 404
    assert (
        client.get(url(ticket).replace(str(ticket.pk), "999999") + "panel/correct/").status_code
        == 404
    )


def test_an_agent_corrects_the_category_and_order_with_a_reason(client, agent, customer, ticket):
    delivery, order = CategoryFactory(name="Delivery"), OrderFactory(customer=customer)
    client.force_login(agent)

    response = client.post(
        url(ticket),
        correction(ticket, category=delivery.pk, order=order.pk, reason="Misfiled"),
    )

    assert response.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.category, ticket.order) == (delivery, order)
    record = ticket.history.latest()
    assert (record.history_user, record.history_change_reason) == (agent, "Misfiled")
    body = client.get(url(ticket)).content.decode()
    assert "Misfiled" in body and "Delivery" in body


def test_errors_show_next_to_the_fields_all_at_once_keeping_the_input(client, agent, ticket):
    client.force_login(agent)

    response = client.post(url(ticket), correction(ticket, subject="abc", escalated="on"))

    assert response.status_code == 200
    form = response.context["correct_form"]
    assert set(form.errors) == {"subject", "reason"}
    body = response.content.decode()
    assert 'value="abc"' in body
    ticket.refresh_from_db()
    assert ticket.subject == "Limes missing from order" and not ticket.escalated


def test_the_workflows_reasons_come_back_by_field(client, agent, ticket):
    client.force_login(agent)

    response = client.post(url(ticket), correction(ticket, subject="Limes and lemons missing"))

    assert response.status_code == 200
    assert "goes into its history" in response.context["correct_form"].errors["reason"][0]


def test_the_order_choices_are_the_customers_own(client, agent, ticket):
    theirs = OrderFactory(customer=CustomerFactory())
    client.force_login(agent)

    response = client.post(url(ticket), correction(ticket, order=theirs.pk, reason="x"))

    assert "order" in response.context["correct_form"].errors
    ticket.refresh_from_db()
    assert ticket.order is None


@pytest.mark.parametrize("role", ["customer", "editor"])
def test_no_correction_or_merge_without_the_role(client, people, role, ticket):
    target = open_ticket(ticket.customer)
    client.force_login(people[role])

    client.post(url(ticket), correction(ticket, subject="Hacked subject", reason="x"))
    client.post(url(ticket), {"action": "merge", "merge-into": target.number})

    ticket.refresh_from_db()
    assert ticket.subject == "Limes missing from order" and ticket.merged_into is None


# Merge into…


def test_merge_into_moves_the_thread_and_opens_the_target(client, agent, customer, ticket):
    target = open_ticket(customer)
    workflow.post_message(ticket, author=customer, body="Any news?")
    client.force_login(agent)

    response = client.post(
        url(ticket), {"action": "merge", "merge-into": target.number.lower(), "merge-reason": ""}
    )

    assert response.status_code == 302 and response.url == url(target)
    ticket.refresh_from_db()
    assert ticket.merged_into == target and ticket.status == Status.CLOSED
    assert Message.objects.filter(ticket=target, body="Any news?").exists()
    assert "Merged into" in client.get(url(ticket)).content.decode()


def test_an_agent_corrects_a_custom_field_and_the_timeline_names_it(client, agent, customer):
    ticket = open_ticket(customer, extra_fields={"Store": "North", "Cases": ["limes", "lemons"]})
    client.force_login(agent)

    form = client.get(f"{url(ticket)}panel/correct/").content.decode()
    assert 'value="North"' in form and 'value="limes, lemons"' in form

    # The form names the fields by position in the ticket's extra_fields (PostgreSQL's jsonb
    # keeps its own key order, so read it as the view does).
    ticket.refresh_from_db()
    names = {
        label: name for name, label in CorrectForm(ticket=ticket, user=agent).extra_labels.items()
    }
    response = client.post(
        url(ticket),
        {
            **correction(ticket, reason="Wrong store"),
            f"correct-{names['Store']}": "South",
            f"correct-{names['Cases']}": "limes, lemons",
        },
    )

    assert response.status_code == 302
    ticket.refresh_from_db()
    # The untouched list stays a list: only what the agent changed is sent.
    assert ticket.extra_fields == {"Store": "South", "Cases": ["limes", "lemons"]}
    stream = client.get(url(ticket)).content.decode()
    assert "Store: North → South" in stream and "Cases:" not in stream


def test_the_ticket_links_what_it_follows_up_on_and_was_merged_into(client, agent, customer):
    first, target = open_ticket(customer), open_ticket(customer)
    follow_up = open_ticket(customer, previous_ticket=first)
    workflow.merge([follow_up], into=target, by=agent)
    client.force_login(agent)

    with CaptureQueriesContext(connection) as queries:
        body = client.get(url(follow_up)).content.decode()

    # Both numbers in one small query, not two more joins in the ticket's own.
    sql = [query["sql"] for query in queries]
    assert len([q for q in sql if q.startswith(LINKED_NUMBERS)]) == 1
    assert not [q for q in sql if 'JOIN "tickets_ticket"' in q]
    assert f'Follows up on <a href="{url(first)}">{first.number}</a>' in body
    assert f'Merged into <a href="{url(target)}">{target.number}</a>' in body


def test_merge_errors_show_by_the_field(client, agent, ticket):
    client.force_login(agent)

    for into, error in (("TKT000000000000", "No ticket"), (ticket.number, "itself")):
        response = client.post(url(ticket), {"action": "merge", "merge-into": into})
        assert response.status_code == 200
        assert error in response.context["merge_form"].errors["into"][0]
        assert f'value="{into}"' in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.merged_into is None


def test_agents_cannot_merge_other_customers_tickets_from_the_view(client, agent, ticket):
    target = open_ticket(CustomerFactory())
    client.force_login(agent)

    response = client.post(url(ticket), {"action": "merge", "merge-into": target.number})

    assert response.status_code == 302 and response.url == url(ticket)
    ticket.refresh_from_db()
    assert ticket.merged_into is None


def test_the_ticket_view_stays_flat_with_the_new_forms(client, agent, customer, ticket):
    workflow.post_message(ticket, author=agent, body="First reply")
    client.force_login(agent)
    count_queries(client, url(ticket))
    small = count_queries(client, url(ticket))

    for _ in range(10):
        OrderFactory(customer=customer)
        CategoryFactory()
        workflow.merge([open_ticket(customer)], into=ticket, by=agent)
    count_queries(client, url(ticket))  # reads the merged tickets' words: one write more, once

    assert count_queries(client, url(ticket)) == small


# The bulk action


def test_bulk_merge_into_the_one_chosen_among_the_selected(client, agent, customer):
    tickets = [open_ticket(customer) for _ in range(3)]
    client.force_login(agent)

    page = client.get(bulk_merge_url(tickets))
    assert page.status_code == 200
    assert all(ticket.number in page.content.decode() for ticket in tickets)
    response = client.post(
        bulk_merge_url(tickets), {"into": tickets[1].pk, "reason": "Same call"}, follow=True
    )

    assert f"2 tickets merged into {tickets[1].number}" in response.content.decode()
    for ticket in (tickets[0], tickets[2]):
        ticket.refresh_from_db()
        assert ticket.merged_into == tickets[1]
        assert ticket.history.latest().history_change_reason == "Same call"


def test_bulk_merge_reports_what_the_workflow_refuses(client, agent):
    tickets = [open_ticket(), open_ticket()]
    client.force_login(agent)

    response = client.post(bulk_merge_url(tickets), {"into": tickets[0].pk}, follow=True)

    assert "Nothing merged" in response.content.decode()
    assert not Ticket.objects.filter(merged_into__isnull=False).exists()


# New ticket


def test_the_queue_and_the_menu_offer_a_new_ticket_to_staff(client, agent):
    client.force_login(agent)
    body = client.get(reverse("wagtailsnippets_tickets_ticket:list")).content.decode()
    assert f'<a href="{NEW_TICKET}" class="w-header-button button"' in body
    menu_item = '"label": "New ticket", "icon_name": "plus", "classname": "", "attrs": {}'
    assert f'{menu_item}, "url": "{NEW_TICKET}"' in body


@pytest.mark.parametrize("role", ["editor", "support_admin"])
def test_the_menu_item_is_for_staff_only(client, people, role):
    client.force_login(people[role])
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ('"label": "New ticket"' in body) == (role == "support_admin")


def test_an_agent_opens_a_ticket_for_a_new_caller(
    client, agent, django_capture_on_commit_callbacks
):
    client.force_login(agent)
    assert client.get(NEW_TICKET).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW_TICKET,
            {
                "customer_email": "caller@example.com",
                "customer_name": "Casey Caller",
                "source": "phone",
                "subject": "Limes missing on the phone",
                "description": "Called: two cases of limes were not delivered today.",
                "priority": "high",
                "attachments": [SimpleUploadedFile("note.txt", b"call notes")],
            },
        )

    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response.url == url(ticket)
    assert ticket.customer.email == "caller@example.com"
    assert ticket.source == Source.PHONE and ticket.priority == "high"
    assert ticket.attachments.get().original_name == "note.txt"


def test_an_agent_opens_a_ticket_for_a_chosen_customer_with_their_order(client, agent, customer):
    order = OrderFactory(customer=customer, number="LT-4242")
    client.force_login(agent)

    client.post(
        NEW_TICKET,
        {
            "customer": customer.pk,
            "source": "agent",
            "subject": "Walk-in about an order",
            "description": "Came to the counter about a missing case of limes.",
            "priority": "medium",
            "order": "lt-4242",
        },
    )

    ticket = Ticket.objects.get()
    assert (ticket.customer, ticket.order, ticket.source) == (customer, order, Source.AGENT)


def test_new_ticket_errors_all_at_once_keeping_the_input(client, agent):
    client.force_login(agent)

    response = client.post(
        NEW_TICKET,
        {"customer_name": "Casey", "subject": "Hi", "description": "Short", "order": "NOPE"},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"customer", "subject", "description", "order", "source", "priority"} <= set(errors)
    assert 'value="Casey"' in response.content.decode()
    assert not Ticket.objects.exists() and not User.objects.filter(name="Casey").exists()


def test_the_workflows_errors_reach_the_form(client, agent):
    AgentFactory(email="colleague@example.com")
    client.force_login(agent)

    response = client.post(
        NEW_TICKET,
        {
            "customer_email": "colleague@example.com",
            "source": "phone",
            "subject": "Limes missing on the phone",
            "description": "Called: two cases of limes were not delivered today.",
            "priority": "medium",
        },
    )

    assert "support team" in response.context["form"].errors["customer_email"][0]


def test_the_customer_chooser_finds_customers_not_staff(client, agent):
    CustomerFactory(name="Maria Lopez", email="maria@example.com")
    AgentFactory(name="Maria Agent", email="maria.agent@example.com")
    client.force_login(agent)

    response = client.get("/admin/customer-chooser/results/?q=maria")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Maria Lopez" in body and "maria@example.com" in body
    assert "Maria Agent" not in body


def test_the_new_ticket_page_and_chooser_are_flat(client, agent):
    CustomerFactory()
    client.force_login(agent)
    chooser = "/admin/customer-chooser/results/"
    count_queries(client, NEW_TICKET)
    small = (count_queries(client, NEW_TICKET), count_queries(client, chooser))

    for _ in range(30):
        CustomerFactory()
        CategoryFactory()

    assert (count_queries(client, NEW_TICKET), count_queries(client, chooser)) == small


# Who may open what

PAGES = ("new_ticket", "new_ticket_post", "chooser", "chooser_chosen", "bulk_merge")
EXPECTED = {
    "anonymous": [302, 302, 302, 302, 302],
    "customer": [302, 302, 302, 302, 302],
    "applicant": [302, 302, 302, 302, 302],
    "editor": [302, 302, 302, 302, 302],
    "agent": [200, 200, 200, 200, 200],
    "support_admin": [200, 200, 200, 200, 200],
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer(client, people, role):
    tickets = [open_ticket(people["customer"]), open_ticket(people["customer"])]
    if people[role]:
        client.force_login(people[role])

    answers = [
        client.get(NEW_TICKET).status_code,
        client.post(NEW_TICKET, {}).status_code,
        client.get("/admin/customer-chooser/").status_code,
        client.get(f"/admin/customer-chooser/chosen/{people['customer'].pk}/").status_code,
        client.get(bulk_merge_url(tickets)).status_code,
    ]

    assert answers == EXPECTED[role]
    assert Ticket.objects.count() == 2


def test_the_new_ticket_pages_inline_scripts_carry_the_csp_nonce(client, agent, customer):
    """The customer chooser starts with Wagtail's inline script, which the CSP lets run only
    with the response's nonce (supportsite/csp.py)."""
    client.force_login(agent)

    response = client.post(NEW_TICKET, {"customer": customer.pk})
    body = response.content.decode()

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", body, re.DOTALL)
    inline = [attrs for attrs, code in scripts if "src=" not in attrs and "json" not in attrs]
    assert inline and all(f'nonce="{nonce}"' in attrs for attrs in inline)
    assert customer.get_full_name() in body
