"""The queue at scale: the SQL it sends and what it shows (timings: bench/agent_queue.py)."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CustomerFactory
from tests.utils import count_queries
from tickets.choices import Priority, Status
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"
_numbers = itertools.count()


def add_tickets(count, **fields):
    fields.setdefault("customer", None)
    fields["customer"] = fields["customer"] or CustomerFactory()
    return Ticket.objects.bulk_create(
        Ticket(
            **{
                "number": f"TKTS{next(_numbers):08d}",
                "subject": f"Scale ticket {n}",
                "description": "x" * 20,
                **fields,
            }
        )
        for n in range(count)
    )


def ticket_selects(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured if '"tickets_ticket"' in q["sql"]]


def test_status_and_priority_filters_select_without_distinct(client, agent):
    add_tickets(3, assignee=agent, status=Status.OPEN, priority=Priority.URGENT)
    client.force_login(agent)

    response, selects = ticket_selects(
        client, {"assignee": "me", "status": ["open", "in_progress"], "priority": ["urgent"]}
    )

    assert len(response.context["object_list"]) == 3
    assert selects
    assert not [sql for sql in selects if "DISTINCT" in sql.upper()]


def test_each_row_shows_wagtails_markup_for_every_column(client, agent):
    from datetime import timedelta

    from django.utils import timezone

    customer = CustomerFactory(name="Maria Lopez")
    (ticket,) = add_tickets(
        1,
        customer=customer,
        assignee=agent,
        status=Status.IN_PROGRESS,
        priority=Priority.URGENT,
        first_response_due_at=timezone.now() + timedelta(hours=1),
    )
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    edit_url = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    assert '<tr class="ticket-row ticket-row--urgent">' in body
    assert (
        f'data-object-id="{ticket.pk}" data-bulk-action-checkbox class="bulk-action-checkbox"'
        f' aria-label="Select" aria-describedby="snippet_{ticket.pk}_title"/>'
    ) in body
    assert (
        f'<a href="{edit_url}"><span id="snippet_{ticket.pk}_title">{ticket.number}</span></a>'
    ) in body
    assert f"<td>{ticket.subject}</td><td>Maria Lopez</td><td></td>" in body
    assert '<span class="support-badge support-badge--urgent">Urgent</span>' in body
    assert '<span class="support-badge support-badge--in_progress">In progress</span>' in body
    assert f"<td>{agent.get_full_name()}</td>" in body
    assert (
        '<span class="support-badge support-badge--sla-at_risk">At risk</span><br><small>due '
    ) in body
    assert 'class="w-human-readable-date__date"' in body
    assert "Just now" in body


def test_cells_escape_what_customers_wrote(client, agent):
    add_tickets(1, customer=CustomerFactory(name="<b>Bold</b> & Co"), subject="<script>x</script>")
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()

    assert "<script>x</script>" not in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in body


def test_filtering_by_assignee_costs_no_extra_query(client, agent):
    add_tickets(3, assignee=agent)
    client.force_login(agent)
    url = reverse(QUEUE)
    count_queries(client, url)

    assert count_queries(client, url + "?assignee=me") == count_queries(client, url)


def test_a_search_lists_a_ticket_once_when_several_fields_match(client, agent):
    customer = CustomerFactory(name="Lime Co", email="orders@lime.example.com")
    add_tickets(1, customer=customer, subject="Limes missing")
    add_tickets(1, subject="Tomatoes")
    client.force_login(agent)

    response = client.get(reverse(QUEUE), {"q": "lime"})

    assert [t.subject for t in response.context["object_list"]] == ["Limes missing"]
    assert "There is 1 match" in response.content.decode()


def test_a_search_finds_tickets_through_their_order_and_customer(client, agent):
    from tests.factories import OrderFactory

    customer = CustomerFactory(name="Ana Ortiz", email="ana@ortiz.example.com")
    order = OrderFactory(customer=customer, number="LT-55012")
    (by_order,) = add_tickets(1, customer=customer, order=order)
    (by_customer,) = add_tickets(1, customer=customer)
    add_tickets(3)
    client.force_login(agent)

    def found(text):
        return {t.pk for t in client.get(reverse(QUEUE), {"q": text}).context["object_list"]}

    assert found("lt-5501") == {by_order.pk}
    assert found("ORTIZ") == {by_order.pk, by_customer.pk}
    assert found("ana@ortiz") == {by_order.pk, by_customer.pk}


@pytest.mark.postgres
def test_postgresql_reads_a_small_result_by_id_and_the_related_rows_as_arrays(
    client, agent, on_postgres
):
    (ticket,) = add_tickets(1)
    add_tickets(5)
    client.force_login(agent)

    response, selects = ticket_selects(client, {"q": ticket.number})

    assert [t.number for t in response.context["object_list"]] == [ticket.number]
    # The page's rows, read by id (the menu's counts and the page's tags come after it).
    (page_query,) = [q for q in selects if f'"tickets_ticket"."id" IN ({ticket.pk})' in q]
    assert '"tickets_ticket"."customer_id" = ANY(ARRAY(SELECT' in page_query


@pytest.fixture
def uncounted(monkeypatch):
    """The queue as on PostgreSQL past its exact count: 5 here, with the planner saying 100,000."""
    from tickets.admin import paginator

    monkeypatch.setattr(paginator.QueuePaginator, "exact_up_to", 5)
    monkeypatch.setattr(paginator, "can_estimate", lambda queryset: True)
    monkeypatch.setattr(paginator, "planner_estimate", lambda queryset: 100_123)


def page_text(response):
    import re

    return re.sub(r"\s+", " ", response.content.decode())


def test_past_the_exact_count_the_queue_says_about_how_many(client, agent, uncounted):
    add_tickets(120)
    client.force_login(agent)

    response = client.get(reverse(QUEUE))

    text = page_text(response)
    assert "Page 1 of about 2,000" in text
    assert "About 100,000 tickets" in text
    assert len(response.context["object_list"]) == 50
    assert 'class="next"> <a href="' in text


def test_filtered_past_the_exact_count_says_about_how_many_match(client, agent, uncounted):
    add_tickets(20, priority=Priority.URGENT)
    client.force_login(agent)

    text = page_text(client.get(reverse(QUEUE), {"priority": ["urgent"]}))

    assert "There are about 100,000 matches" in text


def test_a_search_past_the_exact_count_says_more_than(client, agent, uncounted):
    add_tickets(20)
    client.force_login(agent)

    text = page_text(client.get(reverse(QUEUE), {"q": "Scale ticket"}))

    assert "There are more than 5 matches" in text
    assert "More than 5 tickets" in text
    assert "Page 1 of at least 1" in text


def test_uncounted_pages_go_on_while_there_are_tickets(client, agent, uncounted):
    tickets = add_tickets(120)
    client.force_login(agent)

    third = client.get(reverse(QUEUE), {"p": 3, "ordering": "number"})

    assert [t.number for t in third.context["object_list"]] == [t.number for t in tickets[100:]]
    assert 'class="next"> <a>' in page_text(third)


def test_a_page_past_the_end_counts_and_shows_the_last_page(client, agent, uncounted):
    add_tickets(120)
    client.force_login(agent)

    response = client.get(reverse(QUEUE), {"p": 1999})

    text = page_text(response)
    assert len(response.context["object_list"]) == 20
    assert "Page 3 of 3" in text
    assert "about" not in text.split('class="pagination"')[1].split("</nav>")[0]


def test_small_queues_are_counted_exactly(client, agent):
    add_tickets(120)
    client.force_login(agent)

    text = page_text(client.get(reverse(QUEUE), {"p": 3}))

    assert "Page 3 of 3" in text
    assert "120 tickets" in text


@pytest.mark.postgres
def test_postgresql_estimates_the_queue_past_the_exact_count(
    client, agent, on_postgres, monkeypatch
):
    from tickets.admin import paginator

    monkeypatch.setattr(paginator.QueuePaginator, "exact_up_to", 10)
    add_tickets(60)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tickets_ticket")
    client.force_login(agent)

    text = page_text(client.get(reverse(QUEUE)))

    assert "About 60 tickets" in text
    assert "Page 1 of about 2" in text


def test_without_change_permission_the_number_is_not_a_link(client):
    from django.contrib.auth.models import Permission

    viewer = CustomerFactory()
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_ticket"),
    )
    (ticket,) = add_tickets(1)
    # The queue lists what tickets.permissions lets the user see: for someone outside the
    # support team, their own tickets.
    Ticket.objects.filter(pk=ticket.pk).update(customer=viewer)
    client.force_login(viewer)

    body = client.get(reverse(QUEUE)).content.decode()

    title = f'<span id="snippet_{ticket.pk}_title">{ticket.number}</span>'
    assert f'<div class="title-wrapper">{title}</div>' in body
    assert reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]) not in body
