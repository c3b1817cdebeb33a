import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Revision

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import User
from tickets.choices import Priority, Status
from tickets.models import CannedResponse, Category, Feedback, Message, Order, Ticket

pytestmark = pytest.mark.django_db

STAFF = {"agent@example.com", "agent2@example.com", "editor@example.com", "admin@example.com"}


def snapshot():
    return {
        "users": sorted(
            User.objects.values_list("email", "password", "name", "business_name", "phone")
        ),
        "groups": sorted(User.groups.through.objects.values_list("user__email", "group__name")),
        "emails": sorted(EmailAddress.objects.values_list("email", "verified", "primary")),
        "revisions": Revision.objects.count(),
        "tickets": sorted(Ticket.objects.values_list("number", "status", "priority", "assignee")),
        "ticket_history": Ticket.history.count(),
        "messages": Message.objects.count(),
        "orders": sorted(Order.objects.values_list("number", "total")),
        "feedback": Feedback.objects.count(),
        "categories": Category.objects.count(),
        "canned": CannedResponse.objects.count(),
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    }


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    first = snapshot()

    call_command("seed_demo")

    assert snapshot() == first
    assert {spec["email"] for spec in DEMO_ACCOUNTS} <= {row[0] for row in first["users"]}


def test_seed_demo_leaves_an_edited_demo_account_alone():
    call_command("seed_demo")
    User.objects.filter(email="customer@example.com").update(name="Maria L.")

    call_command("seed_demo")

    assert User.objects.get(email="customer@example.com").name == "Maria L."


def test_every_demo_account_logs_in_and_reaches_what_its_role_allows(client):
    call_command("seed_demo")

    for spec in DEMO_ACCOUNTS:
        client.logout()
        response = client.post(
            reverse("account_login"), {"login": spec["email"], "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, (spec["email"], response.content)
        expected = 200 if spec["email"] in STAFF else 302
        assert client.get("/admin/").status_code == expected, spec["email"]


def test_seed_demo_builds_a_working_support_desk(client):
    call_command("seed_demo")

    assert client.get("/").status_code == 200
    application = User.objects.get(email="applicant@example.com").agent_applications.get()
    assert application.status == application.Status.PENDING

    assert Ticket.objects.count() >= 30
    assert set(Ticket.objects.values_list("status", flat=True)) == set(Status)
    assert set(Ticket.objects.values_list("priority", flat=True)) == set(Priority)
    assert Message.objects.filter(is_internal=True).exists()
    assert Feedback.objects.exists()
    assert set(Category.objects.values_list("name", flat=True)) >= {
        "Order issue",
        "Product quality",
        "Delivery problem",
        "Payment issue",
        "Account support",
        "General inquiry",
    }
    assert Order.objects.filter(customer__email="customer@example.com").count() >= 10
    lopez = User.objects.get(email="customer@example.com").organization
    assert lopez.name == "Lopez Taqueria" and lopez.members_see_each_others_tickets
    assert lopez.admin.email == "customer@example.com"
    assert {member.email for member in lopez.members.all()} == {
        "customer@example.com",
        "manager@example.com",
    }
    assert Ticket.objects.filter(organization=lopez, customer__email="manager@example.com")
    assert Ticket.objects.filter(organization=lopez, customer__email="customer@example.com")
    assert not Order.objects.filter(customer__email="customer@example.com", organization=None)
    assert CannedResponse.objects.exists()


def test_seed_demo_makes_three_teams_routes_categories_and_files_tickets_with_them():
    from tickets.models import Team

    call_command("seed_demo")

    members = {
        team.name: sorted(member.email for member in team.members.all())
        for team in Team.objects.all()
    }
    assert members == {
        "Accounts": ["agent2@example.com"],
        "Orders & delivery": ["agent@example.com"],
        "Payments": ["agent@example.com"],
    }
    assert Category.objects.get(name="Payment issue").default_team.name == "Payments"
    for ticket in Ticket.objects.select_related("category"):
        assert ticket.team_id == ticket.category.default_team_id, ticket
        if ticket.team_id and ticket.assignee_id:
            assert ticket.team.members.filter(pk=ticket.assignee_id).exists(), ticket
