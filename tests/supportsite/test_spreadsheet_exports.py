"""Every spreadsheet the admin exports is safe to open: a text cell that a spreadsheet program
would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) comes out of the CSV with
a `'` in front, and as a string cell (the text unchanged) in the XLSX; other text and numbers are
as they were. The queue, a support report, a help-center report and a contact page's
submissions are checked: they share supportsite.exports.SafeSpreadsheetExportMixin."""

import csv
import io
from datetime import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormSubmission

from accounts import roles
from helpcenter.demo import seed_contact_page
from helpcenter.models import ArticleFeedback, ContactPage, HomePage
from supportsite.exports import SafeSpreadsheetExportMixin, neutralise_formula
from tests.factories import open_ticket
from tests.helpcenter.factories import make_article, make_topic
from tickets.models import Feedback, Ticket

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
PLAIN = "Missing items, order 42"


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _xlsx_cells(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]


def _assert_xlsx_keeps_text(cells):
    """Each text is a string cell, as written (a formula cell would have data_type "f"). XML
    reads a carriage return as a line feed: "\\rx" comes back "\\nx", a string all the same."""
    by_value = {cell.value: cell for cell in cells}
    for text in [*FORMULAS, PLAIN]:
        assert by_value[text.replace("\r", "\n")].data_type == "s", repr(text)


# One place: the mixin --------------------------------------------------------------------------


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_is_prefixed(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("value", [PLAIN, "", "a=b", "1+1", 3, -2, Decimal("-1.5"), -0.5, None])
def test_other_values_are_unchanged(value):
    assert neutralise_formula(value) == value


class _Export(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
    list_export = ["text", "count", "amount"]


def test_csv_rows_keep_numbers_as_numbers():
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=_Export.list_export)
    _Export().write_csv_row(writer, {"text": "-2+3", "count": -2, "amount": Decimal("-1.50")})
    assert output.getvalue() == "'-2+3,-2,-1.50\r\n"


def test_xlsx_values_are_the_text_unchanged():
    view = _Export()
    assert view.preprocess_field_value("text", "=1+1", "xlsx") == "=1+1"


# The ticket queue -------------------------------------------------------------------------------


@pytest.fixture
def tickets(db):
    made = []
    for subject in [*FORMULAS, PLAIN]:
        ticket = open_ticket()
        # As stored: the workflow strips a subject's spaces, an API or import may not.
        Ticket.objects.filter(pk=ticket.pk).update(subject=subject)
        made.append(ticket)
    return made


QUEUE = "wagtailsnippets_tickets_ticket:list"


@pytest.mark.django_db
def test_queue_csv_neutralises_formulas(client, agent, tickets):
    client.force_login(agent)
    rows = _csv(client.get(reverse(QUEUE), {"export": "csv"}))

    subjects = {row["Subject"] for row in rows}
    assert subjects == {"'" + text for text in FORMULAS} | {PLAIN}
    assert {row["Number"] for row in rows} == {ticket.number for ticket in tickets}


@pytest.mark.django_db
def test_queue_xlsx_keeps_formulas_as_text(client, agent, tickets):
    client.force_login(agent)
    _assert_xlsx_keeps_text(_xlsx_cells(client.get(reverse(QUEUE), {"export": "xlsx"})))


# A support report: the satisfaction report's comments ------------------------------------------

PERIOD = {"period_from": "2026-03-01", "period_to": "2026-03-07"}


@pytest.fixture
def ratings(agent):
    when = timezone.make_aware(datetime(2026, 3, 3, 12))
    for rating, comment in enumerate([*FORMULAS, PLAIN], start=1):
        ticket = open_ticket()
        Ticket.objects.filter(pk=ticket.pk).update(created_at=when, assignee=agent)
        feedback = Feedback.objects.create(ticket=ticket, rating=min(rating, 5), comment=comment)
        Feedback.objects.filter(pk=feedback.pk).update(created_at=when)


@pytest.mark.django_db
def test_report_csv_neutralises_formulas_and_keeps_numbers(client, support_admin, ratings):
    client.force_login(support_admin)
    url = reverse("support_reports:satisfaction")
    rows = _csv(client.get(url, {**PERIOD, "export": "csv"}))

    assert {row["Comment"] for row in rows} == {"'" + text for text in FORMULAS} | {PLAIN}
    assert sorted(row["Rating"] for row in rows) == ["1", "2", "3", "4", "5", "5", "5"]


@pytest.mark.django_db
def test_report_xlsx_keeps_formulas_as_text(client, support_admin, ratings):
    client.force_login(support_admin)
    url = reverse("support_reports:satisfaction")
    cells = _xlsx_cells(client.get(url, {**PERIOD, "export": "xlsx"}))

    _assert_xlsx_keeps_text(cells)
    assert {cell.value for cell in cells if cell.data_type == "n"} >= {1, 2, 3, 4, 5}


# A help-center report: the feedback comments ----------------------------------------------------


@pytest.mark.django_db
def test_help_center_report_csv_neutralises_formulas(client, support_admin):
    article = make_article(make_topic())
    for number, comment in enumerate([*FORMULAS, PLAIN]):
        ArticleFeedback.objects.create(
            page=article, visitor=f"v{number}", helpful=False, comment=comment
        )
    client.force_login(support_admin)
    rows = _csv(client.get(reverse("helpcenter_reports:comments"), {"export": "csv"}))

    assert {row["Comment"] for row in rows} == {"'" + text for text in FORMULAS} | {PLAIN}


# A contact page's submissions -------------------------------------------------------------------


@pytest.fixture
def submissions(db):
    seed_contact_page(HomePage.objects.get())
    page = ContactPage.objects.get(slug="contact")
    for number, subject in enumerate([*FORMULAS, PLAIN]):
        FormSubmission.objects.create(
            page=page, form_data={"ticket": f"TKT-{number}", "subject": subject}
        )
    return page


@pytest.mark.django_db
def test_contact_submissions_csv_neutralises_formulas(client, support_admin, submissions):
    support_admin.groups.add(Group.objects.get(name=roles.MODERATORS))
    client.force_login(support_admin)
    url = f"/admin/forms/submissions/{submissions.pk}/"
    rows = _csv(client.get(url, {"export": "csv"}))

    assert {row["Subject"] for row in rows} == {"'" + text for text in FORMULAS} | {PLAIN}
    _assert_xlsx_keeps_text(_xlsx_cells(client.get(url, {"export": "xlsx"})))


@pytest.mark.django_db
def test_a_rating_of_an_unassigned_ticket_exports_with_an_empty_agent(client, support_admin):
    when = timezone.make_aware(datetime(2026, 3, 3, 12))
    ticket = open_ticket()
    Ticket.objects.filter(pk=ticket.pk).update(created_at=when)
    feedback = Feedback.objects.create(ticket=ticket, rating=4, comment="Quick answer")
    Feedback.objects.filter(pk=feedback.pk).update(created_at=when)
    client.force_login(support_admin)
    url = reverse("support_reports:satisfaction")

    (row,) = _csv(client.get(url, {**PERIOD, "export": "csv"}))

    assert (row["Agent"], row["Rating"], row["Comment"]) == ("", "4", "Quick answer")
    assert client.get(url, {**PERIOD, "export": "xlsx"}).status_code == 200
