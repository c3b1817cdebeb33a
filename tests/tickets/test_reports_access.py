"""Every support-report URL (page, results fragment, CSV, XLSX) for every role."""

import pytest
from django.urls import reverse

from tests.factories import ROLES, open_ticket
from tickets.reports.views import REPORTS

pytestmark = pytest.mark.django_db

# Agents and support admins read the reports; anyone else is sent to the admin login or, for
# editors, back to the dashboard with Wagtail's "Sorry, you do not have permission…".
ALLOWED = {"agent", "support_admin"}


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
