"""Editors write the help center; they see no ticket data anywhere in the admin: not through
the snippet choosers, not through the contact pages' form submissions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from accounts import roles
from helpcenter.demo import seed_contact_page
from helpcenter.models import ContactPage, HomePage
from tests.factories import OrganizationFactory, member_of, open_ticket
from tickets.models import CannedResponse

pytestmark = pytest.mark.django_db

SUBJECT = "Secret subject of a customer"
ORGANIZATION = "Secretive Bakery Group"
SECRETS = (SUBJECT.encode(), ORGANIZATION.encode())
CHOOSERS = [
    "/admin/snippets/choose/tickets/ticket/",
    f"/admin/snippets/choose/tickets/ticket/results/?q={SUBJECT.split()[0]}",
    "/admin/snippets/choose/tickets/cannedresponse/",
    "/admin/snippets/choose/tickets/cannedresponse/results/",
]
# Who may open them: those who may read tickets.
ALLOWED = {"agent", "support_admin"}


@pytest.fixture
def contact_submission(client, customer):
    seed_contact_page(HomePage.objects.get())
    page = ContactPage.objects.get(slug="contact")
    client.force_login(customer)
    client.post(
        "/contact/",
        {
            "subject": SUBJECT,
            "description": "Our account number is 4417 and the delivery was short again.",
            "priority": "medium",
            "best_time_to_call_you": "after 2pm",
        },
    )
    client.logout()
    assert FormSubmission.objects.filter(page=page).exists()
    return page


@pytest.fixture
def moderator(editor):
    editor.groups.set([Group.objects.get(name=roles.MODERATORS)])
    return editor


@pytest.mark.parametrize("url", CHOOSERS)
def test_support_choosers_are_for_those_who_read_tickets(client, people, url):
    open_ticket(subject=SUBJECT)
    CannedResponse.objects.create(title="Refund sent", body="We have refunded you.")

    for role, user in people.items():
        if user is None:
            continue
        client.force_login(user)
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, (role, url)
        else:
            assert response.status_code in (302, 403), (role, url, response.status_code)
            assert SUBJECT.encode() not in response.content
            assert b"Refund sent" not in response.content


def test_editors_still_choose_an_articles_ticket_category(client, editor):
    client.force_login(editor)

    assert client.get("/admin/snippets/choose/tickets/category/").status_code == 200


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_page_editors_get_no_contact_submissions(client, contact_submission, who, request):
    client.force_login(request.getfixturevalue(who))

    listing = client.get("/admin/forms/")
    submissions = client.get(f"/admin/forms/submissions/{contact_submission.pk}/")

    assert contact_submission not in listing.context["form_pages"]
    assert submissions.status_code in (302, 403)
    assert SUBJECT.encode() not in submissions.content


def test_a_support_admin_who_edits_pages_reads_the_contact_submissions(
    client, contact_submission, support_admin
):
    support_admin.groups.add(Group.objects.get(name=roles.MODERATORS))
    client.force_login(support_admin)

    response = client.get(f"/admin/forms/submissions/{contact_submission.pk}/")

    assert response.status_code == 200
    assert SUBJECT.encode() in response.content


def _admin_paths():
    """Every admin URL that takes no argument (its results fragments and exports included)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or "(?P" in route:
                continue
            route = route.lstrip("^").rstrip("$").replace("\\", "")
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                yield prefix + route

    return sorted({path for path in walk(get_resolver().url_patterns, "/") if "admin/" in path})


def test_no_admin_page_shows_an_editor_a_ticket(client, editor, contact_submission):
    organization = OrganizationFactory(name=ORGANIZATION)
    open_ticket(member_of(organization), subject=SUBJECT)
    client.force_login(editor)
    # Logging out would end the visit; a pattern that is a regular expression names no page.
    paths = [path for path in _admin_paths() if "logout" not in path and "*" not in path]
    client.raise_request_exception = False  # Wagtail's error-test page raises on purpose

    shown = [
        path
        for path in paths
        for suffix in ("", f"?q={SUBJECT.split()[0]}")
        if any(secret in client.get(path + suffix).content for secret in SECRETS)
    ]

    assert len(paths) > 50
    assert shown == []


def test_organisations_are_for_support_staff(client, people):
    organization = OrganizationFactory(name=ORGANIZATION)
    index = reverse("organizations:index")
    edit = reverse("organizations:edit", args=[organization.pk])
    expected = {
        "anonymous": (302, 302),
        "customer": (302, 302),
        "applicant": (302, 302),
        "editor": (302, 302),
        "agent": (200, 302),
        "support_admin": (200, 200),
    }

    for role, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        answers = (client.get(index), client.get(edit))
        assert tuple(answer.status_code for answer in answers) == expected[role], role
        if role not in ("agent", "support_admin"):
            assert not any(ORGANIZATION.encode() in answer.content for answer in answers)
