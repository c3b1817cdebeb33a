"""The redaction pages of the agents' workspace ("Redact…", "Remove file") and the API's
redaction endpoints: each role gets exactly the expected answer, the forms confirm before they
change anything, a passage not in the message is an error next to the field, and the pages'
queries do not grow with the ticket."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import (
    AgentFactory,
    CustomerFactory,
    EditorFactory,
    SupportAdminFactory,
    TeamFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

PASSWORD = "hunter2-please-forget"
ROLES = ["anonymous", "customer", "editor", "other_team", "agent", "support_admin"]


@pytest.fixture
def world(settings):
    """A Payments ticket with a file and a customer reply holding a password (and a file),
    agents of Payments and of Orders, team-scoped visibility on."""
    settings.TICKETS_TEAM_SCOPED_VISIBILITY = True
    agent, other = AgentFactory(name="Pat Payments"), AgentFactory(name="Oli Orders")
    payments = TeamFactory(name="Payments", members=[agent])
    TeamFactory(name="Orders", members=[other])
    customer = CustomerFactory(name="Raj Patel")
    ticket = open_ticket(
        customer,
        description=f"I cannot sign in. My password is {PASSWORD}, it worked yesterday.",
        attachments=[SimpleUploadedFile("screen.txt", b"a screenshot, as text")],
    )
    Ticket.objects.filter(pk=ticket.pk).update(team=payments)
    ticket.refresh_from_db()
    reply = workflow.post_message(
        ticket,
        author=customer,
        body=f"Also tried {PASSWORD}",
        attachments=[SimpleUploadedFile("id.txt", b"my id card, as text")],
    )
    return {
        "ticket": ticket,
        "reply": reply,
        "people": {
            "anonymous": None,
            "customer": customer,
            "editor": EditorFactory(),
            "other_team": other,
            "agent": agent,
            "support_admin": SupportAdminFactory(),
        },
    }


def admin_urls(ticket, reply):
    name = "wagtailsnippets_tickets_ticket:"
    return {
        "opening": reverse(name + "redact_opening", args=[ticket.pk]),
        "message": reverse(name + "redact_message", args=[ticket.pk, reply.pk]),
        "file": reverse(name + "remove_file", args=[ticket.pk, reply.attachments.get().pk]),
    }


# 302: Wagtail sends visitors without the admin (and editors, refused) to its login/dashboard;
# 404: an agent of another team does not see the ticket at all.
EXPECTED_GET = {
    "anonymous": [302, 302, 302],
    "customer": [302, 302, 302],
    "editor": [302, 302, 302],
    "other_team": [404, 404, 404],
    "agent": [200, 200, 200],
    "support_admin": [200, 200, 200],
}


@pytest.mark.parametrize("role", ROLES)
def test_the_pages_answer_each_role_as_expected(client, world, role):
    user = world["people"][role]
    if user:
        client.force_login(user)
    urls = admin_urls(world["ticket"], world["reply"])
    answers = [client.get(url).status_code for url in urls.values()]
    assert answers == EXPECTED_GET[role]


@pytest.mark.parametrize("role", ["anonymous", "customer", "editor", "other_team"])
def test_nobody_without_the_right_changes_anything(client, world, role):
    user = world["people"][role]
    if user:
        client.force_login(user)
    urls = admin_urls(world["ticket"], world["reply"])
    for name in ("opening", "message"):
        client.post(urls[name], {"passage": PASSWORD, "confirmed": "on"})
    client.post(urls["file"])
    world["reply"].refresh_from_db()
    world["ticket"].refresh_from_db()
    assert PASSWORD in world["reply"].body and PASSWORD in world["ticket"].description
    assert world["reply"].attachments.get().file


def test_an_agent_without_the_permission_is_refused(client, world):
    agent = world["people"]["agent"]
    agent.groups.get().permissions.remove(
        *agent.groups.get().permissions.filter(codename="redact_personal_data")
    )
    client.force_login(agent)
    urls = admin_urls(world["ticket"], world["reply"])
    assert client.get(urls["message"]).status_code == 302
    client.post(urls["message"], {"passage": PASSWORD, "confirmed": "on"})
    world["reply"].refresh_from_db()
    assert PASSWORD in world["reply"].body


@pytest.mark.parametrize("role", ["agent", "support_admin"])
def test_redacting_a_message_asks_to_confirm_then_redacts(client, world, role):
    client.force_login(world["people"][role])
    ticket, reply = world["ticket"], world["reply"]
    url = admin_urls(ticket, reply)["message"]

    confirm = client.post(url, {"passage": PASSWORD})
    assert confirm.status_code == 200
    assert "Redact these words?" in confirm.content.decode()
    reply.refresh_from_db()
    assert PASSWORD in reply.body

    done = client.post(url, {"passage": PASSWORD, "confirmed": "on"})
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    assert done.status_code == 302
    assert done["Location"] == f"{edit}#message-{reply.pk}"
    reply.refresh_from_db()
    assert reply.body == "Also tried [redacted]"
    page = client.get(edit).content.decode()
    assert "Also tried [redacted]" in page and f"Also tried {PASSWORD}" not in page
    assert "Passage redacted" in page


def test_a_passage_not_in_the_message_is_shown_next_to_the_field_and_kept(client, world):
    client.force_login(world["people"]["agent"])
    url = admin_urls(world["ticket"], world["reply"])["message"]
    response = client.post(url, {"passage": "my cat's name", "confirmed": "on"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "These words are not in the message." in body
    assert "my cat&#x27;s name" in body
    assert response.context["form"].errors["passage"]


def test_the_opening_is_redacted_from_its_page(client, world):
    client.force_login(world["people"]["agent"])
    url = admin_urls(world["ticket"], world["reply"])["opening"]
    assert PASSWORD in client.get(url).content.decode()
    client.post(url, {"passage": PASSWORD, "confirmed": "on"})
    world["ticket"].refresh_from_db()
    assert PASSWORD not in world["ticket"].description


def test_removing_a_file_confirms_then_shows_file_removed_everywhere(client, world, committed):
    agent, ticket, reply = world["people"]["agent"], world["ticket"], world["reply"]
    attachment = reply.attachments.get()
    storage, stored = attachment.file.storage, attachment.file.name
    download = reverse("tickets:attachment", args=[ticket.number, attachment.pk])
    client.force_login(agent)
    url = admin_urls(ticket, reply)["file"]
    assert "Remove <bdi>id.txt</bdi>?" in client.get(url).content.decode()

    with committed():
        assert client.post(url).status_code == 302

    assert not storage.exists(stored)
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    admin_page = client.get(edit).content.decode()
    assert "file removed by the support team" in admin_page and download not in admin_page
    assert client.get(download).status_code == 404
    assert client.get(url).status_code == 404  # nothing left to remove
    client.force_login(ticket.customer)
    portal = client.get(ticket.get_absolute_url()).content.decode()
    assert "id.txt" in portal and "file removed by the support team" in portal
    assert download not in portal
    assert client.get(download).status_code == 404


def test_the_workspace_offers_redaction_only_to_who_may(client, world):
    agent, ticket = world["people"]["agent"], world["ticket"]
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    client.force_login(agent)
    page = client.get(edit).content.decode()
    assert page.count("Redact…") == 2 and page.count("Remove file") == 2
    agent.groups.get().permissions.remove(
        *agent.groups.get().permissions.filter(codename="redact_personal_data")
    )
    page = client.get(edit).content.decode()
    assert "Redact…" not in page and "Remove file" not in page


def test_the_pages_queries_do_not_grow_with_the_ticket(client, world):
    ticket, reply, agent = world["ticket"], world["reply"], world["people"]["agent"]
    # An agent's first answer moves the ticket on (in progress, its resolution target next):
    # the page then shows what it shows from there on, however many messages follow.
    workflow.post_message(ticket, author=agent, body="First answer")
    client.force_login(agent)
    urls = admin_urls(ticket, reply)
    count_queries(client, urls["message"])
    before = {name: count_queries(client, url) for name, url in urls.items()}
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    count_queries(client, edit)  # reads the customer's words: one write more, once
    workspace = count_queries(client, edit)
    for n in range(8):
        workflow.post_message(
            ticket,
            author=agent,
            body=f"Reply {n}",
            internal=n % 2 == 0,
            attachments=[SimpleUploadedFile(f"f{n}.txt", b"x")],
        )
    assert {name: count_queries(client, url) for name, url in urls.items()} == before
    assert count_queries(client, edit) == workspace


# The API


def api_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


EXPECTED_API = {
    "anonymous": [401, 401, 401],
    "customer": [403, 403, 403],
    "editor": [403, 403, 403],
    "other_team": [404, 404, 404],
    "agent": [200, 200, 204],
    "support_admin": [200, 200, 204],
}


@pytest.mark.parametrize("role", ROLES)
def test_the_api_endpoints_answer_each_role_as_expected(world, role):
    ticket, reply = world["ticket"], world["reply"]
    api = api_for(world["people"][role])
    base = f"/api/v1/tickets/{ticket.number}/"
    answers = [
        api.post(f"{base}comments/{reply.pk}/redact/", {"passage": PASSWORD}, format="json"),
        api.post(f"{base}redact/", {"passage": PASSWORD}, format="json"),
        api.delete(f"{base}attachments/{reply.attachments.get().pk}/"),
    ]
    assert [answer.status_code for answer in answers] == EXPECTED_API[role]
    reply.refresh_from_db()
    ticket.refresh_from_db()
    redacted = EXPECTED_API[role][0] == 200
    assert (PASSWORD in reply.body, PASSWORD in ticket.description) == (not redacted,) * 2
    if redacted:
        assert answers[0].json()["comment"] == "Also tried [redacted]"
        assert "[redacted]" in answers[1].json()["description"]


def test_the_api_names_a_passage_not_in_the_comment(world):
    api = api_for(world["people"]["agent"])
    url = f"/api/v1/tickets/{world['ticket'].number}/comments/{world['reply'].pk}/redact/"
    response = api.post(url, {"passage": "nothing like it"}, format="json")
    assert response.status_code == 400
    assert "passage" in str(response.json())


def test_the_api_shows_a_removed_file_without_a_link(world):
    api = api_for(world["people"]["agent"])
    ticket, attachment = world["ticket"], world["reply"].attachments.get()
    api.delete(f"/api/v1/tickets/{ticket.number}/attachments/{attachment.pk}/")
    comments = api.get(f"/api/v1/tickets/{ticket.number}/comments/").json()["results"]
    files = [file for comment in comments for file in comment["attachments"]]
    assert [(file["name"], bool(file["removed_at"]), file["download_url"]) for file in files] == [
        ("id.txt", True, None)
    ]
    again = api.delete(f"/api/v1/tickets/{ticket.number}/attachments/{attachment.pk}/")
    assert again.status_code == 404
