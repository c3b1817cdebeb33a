"""Every report exports whole, in CSV and XLSX, when the data has holes: a rated ticket nobody
was assigned, one whose agent was deleted, and one from a customer with no name and a closed
account. A cell across an empty relation is empty; the CSV holds as many rows as the XLSX (a
streamed CSV that failed would stop after its header), and neither is a server error."""

import csv
import io
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from helpcenter.models import ArticleFeedback, UnansweredSearch
from helpcenter.reports import REPORTS as HELP_CENTER_REPORTS
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tests.helpcenter.factories import make_article, make_topic
from tickets.models import Deflection, Feedback, Ticket
from tickets.reports.views import REPORTS as SUPPORT_REPORTS

pytestmark = pytest.mark.django_db

WHEN = timezone.make_aware(datetime(2026, 3, 3, 12))
PERIOD = {"period_from": "2026-03-01", "period_to": "2026-03-07"}
REPORTS = [("support_reports", view.name) for view in SUPPORT_REPORTS] + [
    ("helpcenter_reports", view.name) for view in HELP_CENTER_REPORTS
]


def rated(ticket, rating, comment):
    Ticket.objects.filter(pk=ticket.pk).update(created_at=WHEN)
    feedback = Feedback.objects.create(ticket=ticket, rating=rating, comment=comment)
    Feedback.objects.filter(pk=feedback.pk).update(created_at=WHEN)
    return ticket


@pytest.fixture
def holes():
    unassigned = rated(open_ticket(), 4, "Nobody was assigned")
    leaver = AgentFactory(name="Lee Leaver")
    orphaned = open_ticket()
    Ticket.objects.filter(pk=orphaned.pk).update(assignee=leaver)
    rated(orphaned, 2, "The agent left")
    leaver.delete()
    nameless = CustomerFactory(name="", business_name="", is_active=False)
    anonymous = rated(open_ticket(nameless), 5, "No name")
    article = make_article(make_topic())
    ArticleFeedback.objects.create(page=article, visitor="session:x", helpful=False, comment="?")
    UnansweredSearch.objects.create(query="refund", results=0, ticket=unassigned, searched_at=WHEN)
    Deflection.objects.create(page=article, session_key="s", ticket=None)
    return {"unassigned": unassigned, "orphaned": orphaned, "anonymous": anonymous}


def csv_rows(response):
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text, newline="")))


def xlsx_rows(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.values)[1:]


@pytest.mark.parametrize(("namespace", "name"), REPORTS)
def test_every_report_exports_every_row_in_both_formats(
    client, support_admin, holes, namespace, name
):
    client.force_login(support_admin)
    url = reverse(f"{namespace}:{name}")

    rows = csv_rows(client.get(url, {**PERIOD, "export": "csv"}))
    sheet = xlsx_rows(client.get(url, {**PERIOD, "export": "xlsx"}))

    assert len(rows) == len(sheet)


def test_the_satisfaction_export_leaves_missing_agents_empty(client, support_admin, holes):
    client.force_login(support_admin)
    url = reverse("support_reports:satisfaction")

    rows = {row["Ticket"]: row for row in csv_rows(client.get(url, {**PERIOD, "export": "csv"}))}
    sheet = {row[1]: row for row in xlsx_rows(client.get(url, {**PERIOD, "export": "xlsx"}))}

    for key in ("unassigned", "orphaned"):
        number = holes[key].number
        assert rows[number]["Agent"] == ""
        assert sheet[number][3] is None
    anonymous = holes["anonymous"]
    assert rows[anonymous.number]["Customer"] == anonymous.customer.email
    assert [rows[holes[key].number]["Rating"] for key in holes] == ["4", "2", "5"]


def test_the_satisfaction_page_lists_ratings_without_an_agent(client, support_admin, holes):
    client.force_login(support_admin)

    page = client.get(reverse("support_reports:satisfaction"), PERIOD)

    assert page.status_code == 200
    assert all(ticket.number in page.content.decode() for ticket in holes.values())
