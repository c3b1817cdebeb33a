"""Team-scoped visibility (settings.TICKETS_TEAM_SCOPED_VISIBILITY): an agent of another team
gets a 404 from every route of a ticket (the admin's ticket view, its panels and actions,
Wagtail's snippet pages, bulk actions, the portal, files, the API) and never its data in a list,
search, export, report or dashboard; with the setting off, or as a support admin, they see it.
All of it through tickets.permissions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    SupportAdminFactory,
    TeamFactory,
    open_ticket,
)
from tickets import workflow
from tickets.permissions import can_view_ticket, visible_attachments, visible_tickets

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SUBJECT = "Chargeback on the March invoice"


@pytest.fixture
def world():
    """A Payments ticket (a file, a reply, an internal note with a file, resolved and rated),
    a Payments agent, an agent of Orders only, and a ticket of no team."""
    payer, orderer = AgentFactory(name="Pat Payments"), AgentFactory(name="Oli Orders")
    payments = TeamFactory(name="Payments", members=[payer])
    TeamFactory(name="Orders", members=[orderer])
    customer = CustomerFactory()
    ticket = open_ticket(
        customer,
        subject=SUBJECT,
        category=CategoryFactory(name="Billing", default_team=payments),
        attachments=[SimpleUploadedFile("invoice.pdf", PDF)],
    )
    workflow.post_message(ticket, author=payer, body="We are checking with the bank.")
    workflow.post_message(
        ticket,
        author=payer,
        body="INTERNAL: second chargeback this year.",
        internal=True,
        attachments=[SimpleUploadedFile("bank.txt", b"bank notes")],
    )
    workflow.change_status(ticket, by=payer, status="resolved")
    workflow.rate(ticket, by=customer, rating=2, comment="Slow")
    ticket.refresh_from_db()
    loose = open_ticket(CustomerFactory(), subject="A question for anyone")
    return {"ticket": ticket, "payer": payer, "orderer": orderer, "loose": loose}


def admin_routes(ticket):
    """Every admin URL of one ticket: (method, url, data)."""
    pk = ticket.pk
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[pk])
    bulk = "wagtail_bulk_action"
    return {
        "ticket": ("get", edit, None),
        "updates": ("get", reverse("wagtailsnippets_tickets_ticket:updates", args=[pk]), None),
        "panel_correct": (
            "get",
            reverse("wagtailsnippets_tickets_ticket:panel", args=[pk, "correct"]),
            None,
        ),
        "panel_merge": (
            "get",
            reverse("wagtailsnippets_tickets_ticket:panel", args=[pk, "merge"]),
            None,
        ),
        "next": ("get", reverse("wagtailsnippets_tickets_ticket:next", args=[pk]), None),
        "previous": ("get", reverse("wagtailsnippets_tickets_ticket:previous", args=[pk]), None),
        "history": ("get", reverse("wagtailsnippets_tickets_ticket:history", args=[pk]), None),
        "history_results": (
            "get",
            reverse("wagtailsnippets_tickets_ticket:history_results", args=[pk]),
            None,
        ),
        "usage": ("get", reverse("wagtailsnippets_tickets_ticket:usage", args=[pk]), None),
        "chosen": ("get", reverse("wagtailsnippetchoosers_tickets_ticket:chosen", args=[pk]), None),
        "reply": ("post", edit, {"action": "reply", "kind": "note", "body": "Me too"}),
        "status": ("post", edit, {"action": "status", "status": "open"}),
        "priority": ("post", edit, {"action": "priority", "priority": "urgent"}),
        "assign_me": ("post", edit, {"action": "assign_me"}),
        "team": ("post", edit, {"action": "team", "team-team": "", "team-reason": "Mine"}),
        "correct": ("post", edit, {"action": "correct", "correct-subject": "Taken over"}),
        "tags": ("post", edit, {"action": "tags", "tags": []}),
        "bulk_assign": (
            "get",
            reverse(bulk, args=["tickets", "ticket", "assign"]) + f"?id={pk}",
            None,
        ),
        "bulk_status": (
            "get",
            reverse(bulk, args=["tickets", "ticket", "change_status"]) + f"?id={pk}",
            None,
        ),
        "bulk_tag": ("get", reverse(bulk, args=["tickets", "ticket", "tag"]) + f"?id={pk}", None),
        "bulk_merge": (
            "get",
            reverse(bulk, args=["tickets", "ticket", "merge"]) + f"?id={pk}",
            None,
        ),
    }


def portal_routes(ticket):
    public_file = ticket.attachments.get(message__isnull=True)
    internal_file = ticket.attachments.get(message__is_internal=True)
    return {
        "portal_detail": ("get", ticket.get_absolute_url(), None),
        "portal_messages": ("get", reverse("tickets:messages", args=[ticket.number]), None),
        "file": ("get", public_file.get_absolute_url(), None),
        "internal_file": ("get", internal_file.get_absolute_url(), None),
    }


def api_routes(ticket):
    number = ticket.number
    file = ticket.attachments.get(message__isnull=True)
    return {
        "api_detail": ("get", reverse("api:ticket", args=[number]), None),
        "api_comments": ("get", reverse("api:comments", args=[number]), None),
        "api_comment": ("post", reverse("api:comments", args=[number]), {"body": "Hello"}),
        "api_patch": (
            "patch",
            reverse("api:ticket", args=[number]),
            {"subject": "Mine now", "reason": "x"},
        ),
        "api_status": ("patch", reverse("api:ticket-status", args=[number]), {"status": "open"}),
        "api_priority": (
            "patch",
            reverse("api:ticket-priority", args=[number]),
            {"priority": "low", "reason": "x"},
        ),
        "api_assignee": (
            "patch",
            reverse("api:ticket-assignee", args=[number]),
            {"assignee": None},
        ),
        "api_merge": (
            "post",
            reverse("api:ticket-merge", args=[number]),
            {"into": "X", "reason": "x"},
        ),
        "api_file": ("get", reverse("api:ticket-attachment", args=[number, file.pk]), None),
    }


def answers(client, routes):
    found = {}
    for name, (method, url, data) in routes.items():
        kwargs = {"format": "json"} if isinstance(client, APIClient) and data else {}
        response = (
            getattr(client, method)(url, data, **kwargs) if data else getattr(client, method)(url)
        )
        found[name] = response
    return found


def test_an_agent_of_another_team_gets_a_404_from_every_route_of_the_ticket(
    client, settings, world
):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    ticket, orderer = world["ticket"], world["orderer"]
    before = ticket.history.count(), ticket.messages.count()
    client.force_login(orderer)
    api = APIClient()
    api.force_authenticate(orderer)

    found = {
        **answers(client, admin_routes(ticket)),
        **answers(client, portal_routes(ticket)),
        **answers(api, api_routes(ticket)),
    }

    codes = {name: response.status_code for name, response in found.items()}
    assert set(codes.values()) == {404}, codes
    for name, response in found.items():
        # (A 404 page may repeat the address asked for, number included: nothing of the ticket.)
        body = response.content.decode()
        for data in (SUBJECT, "checking with the bank", "invoice.pdf", ticket.customer.email):
            assert data not in body, (name, data)
    ticket.refresh_from_db()
    assert (ticket.history.count(), ticket.messages.count()) == before
    assert (ticket.subject, ticket.status) == (SUBJECT, "resolved")


@pytest.mark.parametrize("scoped", [False, True])
def test_the_routes_answer_a_member_and_anyone_when_visibility_is_not_scoped(
    client, settings, world, scoped
):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = scoped
    ticket = world["ticket"]
    viewer = world["orderer"] if not scoped else world["payer"]
    client.force_login(viewer)
    api = APIClient()
    api.force_authenticate(viewer)
    reading = {
        name: route
        for name, route in {
            **admin_routes(ticket),
            **portal_routes(ticket),
            **api_routes(ticket),
        }.items()
        if route[0] == "get" and not name.startswith("bulk")
    }

    found = {**answers(client, {k: v for k, v in reading.items() if not k.startswith("api")})}
    found.update(answers(api, {k: v for k, v in reading.items() if k.startswith("api")}))

    codes = {name: response.status_code for name, response in found.items()}
    assert 404 not in codes.values(), codes
    assert codes["ticket"] == codes["api_detail"] == codes["file"] == 200


def test_support_admins_see_every_teams_tickets(settings, world):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    admin = SupportAdminFactory()

    assert set(visible_tickets(admin)) == {world["ticket"], world["loose"]}
    assert can_view_ticket(admin, world["ticket"])


def test_tickets_of_no_team_are_everyones_and_of_another_team_nobody_elses(settings, world):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    orderer, payer, stranger = world["orderer"], world["payer"], AgentFactory()

    assert list(visible_tickets(orderer)) == [world["loose"]]
    assert list(visible_tickets(stranger)) == [world["loose"]]
    assert set(visible_tickets(payer)) == {world["ticket"], world["loose"]}
    assert not can_view_ticket(orderer, world["ticket"])
    assert can_view_ticket(orderer, world["loose"])
    assert not visible_attachments(orderer).filter(ticket=world["ticket"]).exists()


def test_lists_search_exports_and_views_leave_out_another_teams_tickets(client, settings, world):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    ticket = world["ticket"]
    client.force_login(world["orderer"])
    queue = reverse("wagtailsnippets_tickets_ticket:list")
    api = APIClient()
    api.force_authenticate(world["orderer"])

    pages = {
        "queue_all": client.get(queue, {"view": "all"}),
        "queue_search": client.get(queue, {"q": ticket.number}),
        "queue_team": client.get(queue, {"view": "all", "team": ticket.team_id}),
        "export": client.get(queue, {"view": "all", "export": "csv"}),
        "dashboard": client.get(reverse("wagtailadmin_home")),
        "api_list": api.get(reverse("api:tickets")),
        "api_search": api.get(reverse("api:tickets"), {"search": ticket.number}),
        "api_views": api.get(reverse("api:views")),
    }

    for name, response in pages.items():
        assert response.status_code == 200, name
        body = b"".join(response) if hasattr(response, "streaming_content") else response.content
        body = body.decode()
        assert SUBJECT not in body, name
        assert ticket.customer.email not in body, name
        if "search" not in name:  # a search's page repeats what was searched for
            assert ticket.number not in body, name
    assert pages["api_list"].json()["count"] == 1
    counts = {row["key"]: row["count"] for row in pages["api_views"].json() if row["key"]}
    assert counts["recently_solved"] == 0


def test_reports_count_only_the_teams_tickets_the_agent_sees(client, settings, world):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    ticket = world["ticket"]
    client.force_login(world["orderer"])

    satisfaction = client.get(reverse("support_reports:satisfaction"))
    teams = client.get(reverse("support_reports:teams") + "?export=csv")
    filtered = client.get(
        reverse("support_reports:satisfaction"), {"team": ticket.team_id, "export": "csv"}
    )

    assert ticket.number not in satisfaction.content.decode()
    assert "Slow" not in satisfaction.content.decode()
    teams_csv = b"".join(teams).decode()
    assert "Payments" not in teams_csv
    assert "No team" in teams_csv
    assert ticket.number not in b"".join(filtered).decode()


def test_agents_hear_only_of_tickets_they_may_see(settings, world, committed, mailoutbox):
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    settings.SUPPORT_TEAM_EMAIL = ""
    from notifications.models import Notification

    with committed():
        ticket = open_ticket(
            CustomerFactory(),
            subject="Refund still missing",
            category=world["ticket"].category,
            priority="urgent",
            priority_justification="We are out of pocket",
        )

    told = set(Notification.objects.filter(ticket=ticket).values_list("recipient", flat=True))
    assert world["payer"].pk in told
    assert world["orderer"].pk not in told
