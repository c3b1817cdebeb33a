"""Every admin URL of the agents' workspace, for every role: exactly the expected answer."""

import pytest
from django.urls import reverse

from accounts import applications
from tests.factories import ROLES, CategoryFactory, open_ticket
from tickets.models import Tag

pytestmark = pytest.mark.django_db


def urls(ticket, application, category, tag):
    edit = reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])
    return {
        "queue": reverse("wagtailsnippets_tickets_ticket:list"),
        "queue_results": reverse("wagtailsnippets_tickets_ticket:list_results"),
        "ticket": edit,
        "updates": reverse("wagtailsnippets_tickets_ticket:updates", args=[ticket.pk]),
        "panel": reverse("wagtailsnippets_tickets_ticket:panel", args=[ticket.pk, "correct"]),
        "raw_add": reverse("wagtailsnippets_tickets_ticket:add"),
        "bulk_assign": reverse("wagtail_bulk_action", args=["tickets", "ticket", "assign"])
        + f"?id={ticket.pk}",
        "bulk_tag": reverse("wagtail_bulk_action", args=["tickets", "ticket", "tag"])
        + f"?id={ticket.pk}",
        "canned": reverse("wagtailsnippets_tickets_cannedresponse:list"),
        "canned_add": reverse("wagtailsnippets_tickets_cannedresponse:add"),
        "tags": reverse("wagtailsnippets_tickets_tag:list"),
        "tag_add": reverse("wagtailsnippets_tickets_tag:add"),
        "tag_edit": reverse("wagtailsnippets_tickets_tag:edit", args=[tag.pk]),
        "categories": reverse("wagtailsnippets_tickets_category:list"),
        "category_edit": reverse("wagtailsnippets_tickets_category:edit", args=[category.pk]),
        "applications": reverse("agent_applications:index"),
        "decide": reverse("agent_applications:decide", args=[application.pk]),
    }


# 302: anonymous visitors and non-staff go to the admin login; staff refused an action are
# sent back to the dashboard with "Sorry, you do not have permission…" (Wagtail's own handling).
# Agents add canned responses and macros: their own personal ones (tickets/admin/macros.py).
EXPECTED = {
    #     queue res  ticket upd  panel raw_add bulk b_tag canned c_add tags t_add t_edit cats
    #     c_edit apps decide
    "anonymous": [302] * 17,
    "customer": [302] * 17,
    "applicant": [302] * 17,
    "editor": [302] * 17,
    "agent": [200, 200, 200, 200, 200, 302, 200, 200, 200, 200, 200, 302, 302, 200, 302, 302]
    + [302],
    "support_admin": [200, 200, 200, 200, 200, 302, 200, 200, 200, 200, 200, 200, 200, 200]
    + [200, 200, 200],
}


@pytest.mark.parametrize("role", ROLES)
def test_workspace_urls_answer_each_role_as_expected(client, people, role):
    ticket = open_ticket()
    category = CategoryFactory()
    application = applications.pending_application(people["applicant"])
    user = people[role]
    if user:
        client.force_login(user)

    targets = urls(ticket, application, category, Tag.objects.create(name="refund"))
    answers = {name: client.get(url).status_code for name, url in targets.items()}

    assert list(answers.values()) == EXPECTED[role], answers


@pytest.mark.parametrize("role", ["customer", "editor"])
def test_no_ticket_is_changed_by_someone_without_the_role(client, people, role):
    ticket = open_ticket()
    client.force_login(people[role])

    client.post(
        reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]),
        {"action": "status", "status": "resolved"},
    )

    ticket.refresh_from_db()
    assert ticket.status == "open"


def test_editors_refused_a_bulk_action_learn_nothing_about_the_tickets(client, editor):
    ticket = open_ticket(subject="Secret supplier problem")
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["tickets", "ticket", "assign"])

    response = client.get(f"{url}?id={ticket.pk}", follow=True)

    assert "Secret supplier problem" not in response.content.decode()
    assert "do not have permission" in response.content.decode()


def test_agents_are_told_they_cannot_decide_applications(client, agent):
    client.force_login(agent)

    response = client.get(reverse("agent_applications:index"), follow=True)

    assert "do not have permission" in response.content.decode()


def test_editors_see_no_ticket_menu(client, editor):
    client.force_login(editor)

    body = client.get("/admin/").content.decode()

    assert "Ticket queue" not in body
    assert "Pages" in body or "pages" in body
