"""Every help-center report URL (page, results fragment, CSV, XLSX) for every role, and the one
permission that decides it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import applications, roles
from helpcenter.reports import REPORTS
from tests.factories import CustomerFactory, UserFactory, user_with_only

pytestmark = pytest.mark.django_db

# Editors, moderators and support admins read the reports, through the permission their groups
# hold; agents are sent back to the dashboard, customers and visitors to the admin login.
PERMISSION = "supportsite.view_helpcenter_reports"
EXPECTED = {
    "anonymous": 302,
    "customer": 302,
    "applicant": 302,
    "agent": 302,
    "editor": 200,
    "moderator": 200,
    "support_admin": 200,
}


def report_urls():
    for view in REPORTS:
        url = reverse(f"helpcenter_reports:{view.name}")
        yield from (url, f"{url}?export=csv", f"{url}?export=xlsx")
        yield reverse(f"helpcenter_reports:{view.name}_results")


def _answers(client, user):
    if user:
        client.force_login(user)
    return {url: client.get(url).status_code for url in report_urls()}


def _home(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.fixture
def people(customer, agent, editor, support_admin):
    applicant = CustomerFactory()
    applications.apply(user=applicant, name="Casey", phone="+1 630 555 0110", motivation="Keen")
    return {
        "anonymous": None,
        "customer": customer,
        "applicant": applicant,
        "agent": agent,
        "editor": editor,
        "moderator": UserFactory(role=roles.MODERATORS),
        "support_admin": support_admin,
    }


@pytest.mark.parametrize("role", EXPECTED)
def test_report_urls_answer_each_role_as_expected(client, people, role):
    assert set(_answers(client, people[role]).values()) == {EXPECTED[role]}


def test_the_permission_alone_opens_every_report_and_its_menu_item(client):
    reader = user_with_only(PERMISSION)

    assert set(_answers(client, reader).values()) == {200}
    assert reverse("helpcenter_reports:searches") in _home(client)


def test_an_editor_without_the_permission_is_refused_every_report_and_export(client, editor):
    app_label, codename = PERMISSION.split(".")
    Group.objects.get(name=roles.EDITORS).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )

    assert set(_answers(client, editor).values()) == {302}
    assert reverse("helpcenter_reports:searches") not in _home(client)


def test_superusers_read_every_report(client, django_user_model):
    root = django_user_model.objects.create_superuser("root@example.com", "x")

    assert set(_answers(client, root).values()) == {200}


def test_every_report_asks_for_the_help_center_reports_permission():
    assert {view.permission_required for view in REPORTS} == {PERMISSION}
