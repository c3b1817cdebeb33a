"""The retention report and settings page: for support admins only; what the job did and what is
due now, in a number of queries that does not grow with the runs."""

import pytest
from django.urls import reverse

from accounts import applications
from privacy import retention
from privacy.models import PrivacyAction, RetentionSettings
from tests.factories import CustomerFactory
from tests.utils import count_queries

from .retention_helpers import inbound_email, ticket_with_file

pytestmark = pytest.mark.django_db

REPORT = reverse("privacy_reports:retention")
# Support admins only: agents and editors go back to the dashboard, others to the admin login.
EXPECTED = {
    "anonymous": 302,
    "customer": 302,
    "applicant": 302,
    "editor": 302,
    "agent": 302,
    "support_admin": 200,
}


@pytest.fixture
def people(customer, editor, agent, support_admin):
    applicant = CustomerFactory()
    applications.apply(user=applicant, name="Casey", phone="+1 630 555 0110", motivation="Keen")
    return {
        "anonymous": None,
        "customer": customer,
        "applicant": applicant,
        "editor": editor,
        "agent": agent,
        "support_admin": support_admin,
    }


def settings_page():
    pk = RetentionSettings.load().pk
    return reverse("wagtailsettings:edit", args=["privacy", "retentionsettings", pk])


def urls():
    return [
        REPORT,
        reverse("privacy_reports:retention_results"),
        f"{REPORT}?export=csv",
        f"{REPORT}?export=xlsx",
        settings_page(),
    ]


@pytest.mark.parametrize("role", EXPECTED)
def test_the_report_and_the_settings_answer_each_role_as_expected(client, people, role):
    if people[role]:
        client.force_login(people[role])

    answers = {url: client.get(url).status_code for url in urls()}

    assert set(answers.values()) == {EXPECTED[role]}, answers
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (REPORT in home) == (role == "support_admin")


def test_the_report_shows_each_run_and_what_is_due_now(client, committed, support_admin):
    for _ in range(3):
        inbound_email(days_old=100)
    with committed():
        retention.apply_retention(batch_size=2, max_batches=1)
    ticket_with_file()
    client.force_login(support_admin)

    page = client.get(REPORT).content.decode()

    assert "Due now" in page
    assert "Incoming emails deleted" in page
    assert page.count("<td>Never</td>") == 1  # anonymising closed tickets: off by default
    assert "Recent runs" in page
    csv = b"".join(client.get(f"{REPORT}?export=csv").streaming_content).decode()
    assert csv.splitlines()[1].endswith(",0,2,0,0,0")
    assert reverse("wagtailsettings:edit", args=["privacy", "retentionsettings"]) in page


def test_the_report_says_never_for_an_empty_schedule(client, support_admin):
    schedules = RetentionSettings.load()
    schedules.inbound_email_days = None
    schedules.save()
    client.force_login(support_admin)

    assert "Never" in client.get(REPORT).content.decode()


def test_the_report_reads_a_flat_number_of_queries_as_runs_grow(client, support_admin):
    client.force_login(support_admin)

    def add_runs(n):
        PrivacyAction.objects.bulk_create(
            PrivacyAction(
                kind=PrivacyAction.Kind.RETENTION, details={"counts": {"inbound_emails": 1}}
            )
            for _ in range(n)
        )

    add_runs(2)
    count_queries(client, REPORT)
    few = count_queries(client, REPORT)
    add_runs(20)
    ticket_with_file()
    inbound_email(days_old=100)

    assert count_queries(client, REPORT) == few


def test_the_settings_page_explains_each_schedule(client, support_admin):
    client.force_login(support_admin)

    page = client.get(settings_page()).content.decode()

    assert "Counted from the day a ticket was closed" in page
    assert "held emails nobody has reviewed yet are kept" in page
    assert "they can no longer be sent again" in page
    assert "0: as soon as they expire" in page
