"""Tags: the model, workflow.tag (rules, history, event, permissions), the ticket view's form, the
bulk action, the queue's filter and column, the Tags report."""

import csv
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import (
    AgentFactory,
    CustomerFactory,
    EditorFactory,
    SupportAdminFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import signals, workflow
from tickets.admin.timeline import ticket_timeline
from tickets.models import Tag, Ticket

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"


@pytest.fixture
def tags():
    return {
        name: Tag.objects.create(name=name, colour=colour)
        for name, colour in (("refund", "green"), ("driver", "blue"), ("damaged", "red"))
    }


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Tomatoes arrived bruised")


@pytest.fixture
def events():
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.tags_changed.connect(receiver)
    yield received
    signals.tags_changed.disconnect(receiver)


def names(ticket):
    return sorted(tag.name for tag in Ticket.objects.get(pk=ticket.pk).tags.all())


# ── The model ────────────────────────────────────────────────────────────────────────────────


def test_tag_names_are_unique_whatever_their_case(tags):
    duplicate = Tag(name="  Refund ", colour="red")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.message_dict == {"name": ["A tag with this name already exists."]}


def test_a_colour_outside_the_palette_is_refused():
    with pytest.raises(ValidationError) as error:
        Tag(name="vip", colour="#ff00ff").full_clean()

    assert "colour" in error.value.message_dict


# ── The workflow ─────────────────────────────────────────────────────────────────────────────


def test_tagging_adds_and_removes_with_one_history_entry(
    ticket, agent, tags, events, django_capture_on_commit_callbacks
):
    workflow.tag(ticket, by=agent, add=[tags["refund"], tags["driver"]])
    before = ticket.history.count()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.tag(
            ticket, by=agent, add=[tags["damaged"]], remove=[tags["driver"]], reason="Photo"
        )

    assert names(ticket) == ["damaged", "refund"]
    assert ticket.history.count() == before + 1
    record = ticket.history.latest()
    assert (record.history_user, record.history_change_reason) == (agent, "Photo")
    [event] = events
    assert event["ticket"].pk == ticket.pk and event["by"] == agent
    assert event["added"] == [tags["damaged"]] and event["removed"] == [tags["driver"]]


def test_without_a_reason_the_history_says_what_changed(ticket, agent, tags):
    workflow.tag(ticket, by=agent, add=[tags["refund"]])
    workflow.tag(ticket, by=agent, add=[tags["driver"]], remove=[tags["refund"]])

    assert ticket.history.latest().history_change_reason == "Tagged driver; Untagged refund"


def test_the_timeline_shows_the_tags_before_and_after(ticket, agent, tags):
    workflow.tag(ticket, by=agent, add=[tags["refund"], tags["driver"]], reason="Sorting")
    workflow.tag(ticket, by=agent, remove=[tags["driver"]])

    previous, newest = ticket_timeline(ticket)[-2:]

    assert newest["changes"] == [("tags", "driver, refund", "refund")]
    assert previous["reason"] == "Sorting"
    assert previous["changes"] == [("tags", "—", "driver, refund")]


def test_other_changes_keep_the_tags_out_of_their_history_entry(ticket, agent, tags):
    workflow.tag(ticket, by=agent, add=[tags["refund"]])
    workflow.change_priority(ticket, by=agent, priority="high")

    assert [label for label, *_ in ticket_timeline(ticket)[-1]["changes"]] == ["priority"]


def test_nothing_changes_when_the_tags_are_already_so(ticket, agent, tags, events):
    workflow.tag(ticket, by=agent, add=[tags["refund"]])
    before = ticket.history.count()
    events.clear()

    workflow.tag(ticket, by=agent, add=[tags["refund"]], remove=[tags["driver"]])

    assert ticket.history.count() == before
    assert events == []


def test_a_tag_both_added_and_removed_is_refused_and_nothing_changes(ticket, agent, tags):
    with pytest.raises(ValidationError) as error:
        workflow.tag(
            ticket, by=agent, add=[tags["refund"], tags["driver"]], remove=[tags["driver"]]
        )

    assert error.value.message_dict == {"tags": ["A tag cannot be both added and removed: driver"]}
    assert names(ticket) == []


@pytest.mark.parametrize("make_user", [CustomerFactory, EditorFactory])
def test_only_staff_tag_tickets(ticket, tags, make_user):
    with pytest.raises(PermissionDenied):
        workflow.tag(ticket, by=make_user(), add=[tags["refund"]])
    with pytest.raises(PermissionDenied):
        workflow.tag(ticket, by=ticket.customer, add=[tags["refund"]])

    assert names(ticket) == []


def test_support_admins_tag_too(ticket, tags):
    workflow.tag(ticket, by=SupportAdminFactory(), add=[tags["damaged"]])

    assert names(ticket) == ["damaged"]


# ── The ticket view ──────────────────────────────────────────────────────────────────────────


def ticket_url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def test_the_ticket_view_shows_the_tags_and_changes_them(client, agent, ticket, tags):
    workflow.tag(ticket, by=agent, add=[tags["driver"]])
    client.force_login(agent)

    body = client.get(ticket_url(ticket)).content.decode()
    assert '<span class="support-tag support-tag--blue">driver</span>' in body
    # Every tag a box, the ticket's ticked.
    boxes = dict(re.findall(r'<input type="checkbox" name="tags" value="(\d+)"([^>]*)>', body))
    assert set(boxes) == {str(tag.pk) for tag in tags.values()}
    assert [pk for pk, attrs in boxes.items() if "checked" in attrs] == [str(tags["driver"].pk)]

    response = client.post(
        ticket_url(ticket),
        {"action": "tags", "tags": [tags["refund"].pk, tags["damaged"].pk], "reason": "Bruised"},
        follow=True,
    )

    assert names(ticket) == ["damaged", "refund"]
    assert ticket.history.latest().history_change_reason == "Bruised"
    assert "Tags changed." in response.content.decode()


def test_a_tag_that_is_gone_is_a_message_not_an_error(client, agent, ticket):
    client.force_login(agent)

    response = client.post(ticket_url(ticket), {"action": "tags", "tags": [987654]}, follow=True)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("make_user", [CustomerFactory, EditorFactory])
def test_non_staff_cannot_tag_through_the_ticket_view(client, ticket, tags, make_user):
    client.force_login(make_user())

    client.post(ticket_url(ticket), {"action": "tags", "tags": [tags["refund"].pk]})

    assert names(ticket) == []


def test_the_ticket_view_query_count_stays_flat_with_tags(client, agent, ticket, tags):
    client.force_login(agent)
    count_queries(client, ticket_url(ticket))
    small = count_queries(client, ticket_url(ticket))

    for n in range(10):
        Tag.objects.create(name=f"extra {n}")
        workflow.tag(ticket, by=agent, add=[Tag.objects.get(name=f"extra {n}")])

    assert count_queries(client, ticket_url(ticket)) == small


# ── The bulk action ──────────────────────────────────────────────────────────────────────────


def bulk_url(tickets):
    ids = "&".join(f"id={ticket.pk}" for ticket in tickets)
    action = reverse("wagtail_bulk_action", args=["tickets", "ticket", "tag"])
    return f"{action}?{ids}&next={reverse(QUEUE)}"


def test_bulk_tagging_goes_through_the_workflow(client, agent, tags):
    tickets = [open_ticket(), open_ticket()]
    workflow.tag(tickets[0], by=agent, add=[tags["driver"]])
    client.force_login(agent)

    assert client.get(bulk_url(tickets)).status_code == 200
    response = client.post(
        bulk_url(tickets),
        {"add": [tags["refund"].pk], "remove": [tags["driver"].pk], "reason": "Refund round"},
    )

    assert response.status_code == 302
    for ticket in tickets:
        assert names(ticket) == ["refund"]
        record = ticket.history.latest()
        assert (record.history_user, record.history_change_reason) == (agent, "Refund round")


def test_bulk_tagging_needs_a_tag_and_refuses_one_both_ways(client, agent, tags):
    tickets = [open_ticket()]
    client.force_login(agent)

    empty = client.post(bulk_url(tickets), {"reason": "Nothing"})
    both = client.post(
        bulk_url(tickets), {"add": [tags["refund"].pk], "remove": [tags["refund"].pk]}
    )

    assert "Choose tags to add or to remove." in empty.content.decode()
    assert "A tag cannot be both added and removed: refund" in both.content.decode()
    assert names(tickets[0]) == []


@pytest.mark.parametrize("make_user", [CustomerFactory, EditorFactory])
def test_bulk_tagging_is_refused_to_non_staff(client, tags, make_user):
    ticket = open_ticket()
    client.force_login(make_user())

    client.post(bulk_url([ticket]), {"add": [tags["refund"].pk]})

    assert names(ticket) == []


# ── The queue ────────────────────────────────────────────────────────────────────────────────


def test_the_queue_shows_tag_chips_and_filters_by_tag(client, agent, tags):
    tagged = open_ticket(subject="Driver was late")
    open_ticket(subject="Other thing")
    workflow.tag(tagged, by=agent, add=[tags["driver"], tags["refund"]])
    client.force_login(agent)

    body = client.get(reverse(QUEUE)).content.decode()
    filtered = client.get(reverse(QUEUE), {"tag": tags["driver"].pk})

    assert (
        '<td><span class="support-tag support-tag--blue">driver</span> '
        '<span class="support-tag support-tag--green">refund</span></td>'
    ) in body
    assert [t.pk for t in filtered.context["object_list"]] == [tagged.pk]


def test_queue_query_count_is_flat_from_50_to_5000_tagged_tickets(client, agent, tags):
    customer = CustomerFactory()
    all_tags = list(tags.values())
    through = Ticket.tags.through
    made = iter(range(10**6))

    def add(count):
        tickets = Ticket.objects.bulk_create(
            Ticket(
                number=f"TKTG{next(made):08d}",
                customer=customer,
                subject="Tagged",
                description="x" * 20,
            )
            for _ in range(count)
        )
        through.objects.bulk_create(
            through(ticket_id=ticket.pk, tag_id=tag.pk)
            for n, ticket in enumerate(tickets)
            for tag in all_tags[: n % 4]
        )

    add(50)
    client.force_login(agent)
    url = reverse(QUEUE)
    count_queries(client, url)
    small = count_queries(client, url)
    filtered = count_queries(client, f"{url}?tag={tags['refund'].pk}")

    add(4950)

    assert count_queries(client, url) == small
    assert count_queries(client, f"{url}?tag={tags['refund'].pk}") == filtered


# ── The tags' admin ──────────────────────────────────────────────────────────────────────────


def test_support_admins_manage_tags_and_agents_only_see_them(client, support_admin, tags):
    add_url = reverse("wagtailsnippets_tickets_tag:add")
    client.force_login(AgentFactory())
    assert client.get(reverse("wagtailsnippets_tickets_tag:list")).status_code == 200
    client.post(add_url, {"name": "vip", "colour": "purple"})
    assert not Tag.objects.filter(name="vip").exists()

    client.force_login(support_admin)
    duplicate = client.post(add_url, {"name": "DRIVER", "colour": "blue"})
    client.post(add_url, {"name": "vip", "colour": "purple"})

    assert "A tag with this name already exists." in duplicate.content.decode()
    assert Tag.objects.get(name="vip").colour == "purple"


# ── The report ───────────────────────────────────────────────────────────────────────────────


def test_the_tags_report_counts_the_periods_tickets_by_tag(client, agent, tags):
    for subject, names_ in (("One", ["refund"]), ("Two", ["refund", "driver"]), ("Three", [])):
        ticket = open_ticket(subject=f"Ticket {subject}")
        workflow.tag(ticket, by=agent, add=[tags[name] for name in names_])
        if subject == "One":
            workflow.change_status(ticket, by=agent, status="resolved")
    client.force_login(agent)
    url = reverse("support_reports:tags")

    page = client.get(url)
    export = b"".join(client.get(url + "?export=csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(export)))

    assert page.status_code == 200
    assert [(row["Tag"], row["Tickets"], row["Still open"], row["Resolved"]) for row in rows] == [
        ("refund", "2", "1", "1"),
        ("driver", "1", "1", "0"),
    ]


def test_the_tags_report_query_count_stays_flat(client, agent, tags):
    client.force_login(agent)
    url = reverse("support_reports:tags")
    count_queries(client, url)
    small = count_queries(client, url)

    for n in range(20):
        workflow.tag(open_ticket(), by=agent, add=list(tags.values())[: n % 4])

    assert count_queries(client, url) == small


def test_the_tags_listing_query_count_stays_flat(client, support_admin, tags):
    client.force_login(support_admin)
    url = reverse("wagtailsnippets_tickets_tag:list")
    count_queries(client, url)
    small = count_queries(client, url)

    for n in range(20):
        Tag.objects.create(name=f"more {n}", colour="teal")

    body = client.get(url).content.decode()
    assert '<span class="support-tag support-tag--teal">more 7</span>' in body
    assert count_queries(client, url) == small
