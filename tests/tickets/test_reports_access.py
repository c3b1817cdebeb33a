"""Every support-report URL (page, results fragment, CSV, XLSX) for every role."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import roles
from accounts.roles import is_agent
from tests.factories import ROLES, open_ticket, user_with_only
from tickets.reports.views import REPORTS

pytestmark = pytest.mark.django_db

# Agents and support admins read the reports, through the permission their groups hold; anyone
# else is sent to the admin login or, for editors, back to the dashboard with Wagtail's "Sorry,
# you do not have permission…".
ALLOWED = {"agent", "support_admin"}
PERMISSION = "supportsite.view_support_reports"


def report_urls():
    for view in REPORTS:
        for suffix in ("", "_results"):
            url = reverse(f"support_reports:{view.name}{suffix}")
            yield url
            if not suffix:
                yield f"{url}?export=csv"
                yield f"{url}?export=xlsx"


@pytest.mark.parametrize("role", ROLES)
def test_report_urls_answer_each_role_as_expected(client, people, role):
    open_ticket(subject="Secret supplier problem")
    if people[role]:
        client.force_login(people[role])
    expected = 200 if role in ALLOWED else 302

    answers = {url: client.get(url).status_code for url in report_urls()}

    assert set(answers.values()) == {expected}, answers


def test_reports_appear_in_the_reports_menu_for_agents_only(client, agent, editor):
    client.force_login(agent)
    assert (
        reverse("support_reports:volume")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(editor)
    assert (
        reverse("support_reports:volume")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def _answers(client, user):
    client.force_login(user)
    return {url: client.get(url).status_code for url in report_urls()}


def _home(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_permission_alone_opens_every_report_and_its_menu_item(client):
    reader = user_with_only(PERMISSION)
    assert not is_agent(reader)

    assert set(_answers(client, reader).values()) == {200}
    assert reverse("support_reports:volume") in _home(client)


def test_an_agent_without_the_permission_is_refused_every_report_and_export(client, agent):
    app_label, codename = PERMISSION.split(".")
    Group.objects.get(name=roles.AGENTS).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    assert is_agent(agent)

    assert set(_answers(client, agent).values()) == {302}
    assert reverse("support_reports:volume") not in _home(client)


def test_superusers_read_every_report(client, django_user_model):
    root = django_user_model.objects.create_superuser("root@example.com", "x")

    assert set(_answers(client, root).values()) == {200}


def test_every_report_asks_for_the_support_reports_permission():
    assert {view.permission_required for view in REPORTS} == {PERMISSION}
