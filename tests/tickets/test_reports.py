"""Support reports: figures on a fixed data set match values computed by hand, the CSV export
holds the same numbers, filters narrow them, and each report's query count stays flat."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, open_ticket
from tests.utils import count_queries
from tickets.models import Feedback, Ticket
from tickets.reports import figures
from tickets.reports.figures import Scope

pytestmark = pytest.mark.django_db

PERIOD = "?period_from=2026-03-01&period_to=2026-03-07"


def at(day, hour):
    return timezone.make_aware(datetime(2026, 3, day, hour))


def hours(n):
    return timedelta(hours=n)


def make(created, *, priority, category, assignee, status, **times):
    """A ticket opened through the workflow, then given fixed times (the data set's point)."""
    ticket = open_ticket(
        CustomerFactory(),
        category=category,
        priority=priority,
        priority_justification="The shop cannot take orders.",
    )
    Ticket.objects.filter(pk=ticket.pk).update(
        created_at=created, priority=priority, assignee=assignee, status=status, **times
    )
    return Ticket.objects.get(pk=ticket.pk)


def rate(ticket, rating, when, comment=""):
    feedback = Feedback.objects.create(ticket=ticket, rating=rating, comment=comment)
    Feedback.objects.filter(pk=feedback.pk).update(created_at=when)


@pytest.fixture
def data():
    """Four tickets created 1–7 March 2026, one before (resolved in the period), one after."""
    billing, delivery = CategoryFactory(name="Billing"), CategoryFactory(name="Delivery")
    ann, bob = AgentFactory(name="Ann Agent"), AgentFactory(name="Bob Agent")
    t1 = make(
        at(2, 10),
        priority="urgent",
        category=billing,
        assignee=ann,
        status="resolved",
        first_response_at=at(2, 11),
        first_response_due_at=at(2, 11),
        resolved_at=at(2, 14),
        resolution_due_at=at(2, 18),
    )
    t2 = make(
        at(2, 11),
        priority="high",
        category=billing,
        assignee=ann,
        status="resolved",
        first_response_at=at(2, 14),
        first_response_due_at=at(2, 13),
        resolved_at=at(3, 17),
        resolution_due_at=at(3, 11),
    )
    make(
        at(3, 9),
        priority="medium",
        category=delivery,
        assignee=bob,
        status="in_progress",
        first_response_at=at(3, 11),
        first_response_due_at=at(3, 13),
        resolution_due_at=at(5, 9),
    )
    make(
        at(4, 9),
        priority="low",
        category=delivery,
        assignee=None,
        status="open",
        first_response_due_at=at(4, 17),
        first_response_breached_at=at(4, 17),
        resolution_due_at=at(9, 9),
    )
    t5 = make(
        timezone.make_aware(datetime(2026, 2, 20, 9)),
        priority="medium",
        category=billing,
        assignee=bob,
        status="resolved",
        first_response_at=timezone.make_aware(datetime(2026, 2, 20, 10)),
        resolved_at=at(5, 10),
    )
    make(at(9, 9), priority="urgent", category=billing, assignee=ann, status="open")
    rate(t1, 5, at(3, 9))
    rate(t2, 2, at(3, 18), comment="Took too long.")
    rate(t5, 4, at(5, 12))
    return {"ann": ann, "bob": bob, "billing": billing, "delivery": delivery}


def scope(**filters):
    return Scope(start=date(2026, 3, 1), end=date(2026, 3, 7), **filters)


def test_daily_volume_counts_created_and_resolved_by_their_own_dates(data):
    rows = {
        row["day"].day: (row["created"], row["resolved"]) for row in figures.daily_volume(scope())
    }
    assert len(rows) == 7
    assert rows == {1: (0, 0), 2: (2, 1), 3: (1, 1), 4: (1, 0), 5: (0, 1), 6: (0, 0), 7: (0, 0)}


def test_summary_matches_hand_computed_figures(data):
    summary = figures.summary(scope())
    assert summary["tickets"] == 4
    assert summary["resolved_in_period"] == 3
    assert summary["still_open"] == 2
    # First responses 1 h, 3 h, 2 h; resolutions 4 h and 30 h.
    assert summary["first_response_median_hours"] == 2.0
    assert summary["first_response_p90_hours"] == 2.8
    assert summary["resolution_median_hours"] == 17.0
    assert summary["resolution_p90_hours"] == 27.4
    # Responses: met 2 (T1 on the dot, T3), missed 2 (T2 late, T4 breached unanswered).
    assert summary["response_compliance"] == 50.0
    # Resolutions: met 1 (T1), missed 1 (T2); T3 and T4 are still within their targets.
    assert summary["resolution_compliance"] == 50.0
    assert summary["sla_compliance"] == 50.0
    assert summary["ratings"] == 3
    assert summary["rating_average"] == 3.67


def test_status_breakdown_shows_the_backlog(data):
    rows = {row["status"]: row["tickets"] for row in figures.by_status(scope())}
    assert rows == {
        "open": 1,
        "in_progress": 1,
        "waiting_on_customer": 0,
        "resolved": 2,
        "closed": 0,
    }


def test_times_per_priority_end_with_all_priorities(data):
    rows = figures.by_priority(scope())
    assert [row["priority"] for row in rows] == ["urgent", "high", "medium", "low", ""]
    urgent, high, medium, low, everything = rows
    assert (urgent["tickets"], urgent["first_response_median_hours"], urgent["sla_compliance"]) == (
        1,
        1.0,
        100.0,
    )
    assert (high["resolution_median_hours"], high["sla_compliance"]) == (30.0, 0.0)
    assert (medium["response_compliance"], medium["resolution_compliance"]) == (100.0, None)
    assert (low["responded"], low["response_compliance"]) == (0, 0.0)
    assert everything["tickets"] == 4 and everything["sla_compliance"] == 50.0


def test_satisfaction_counts_ratings_given_in_the_period(data):
    satisfaction = figures.satisfaction_summary(scope())
    assert satisfaction["ratings"] == 3
    assert [(row["stars"], row["count"]) for row in satisfaction["rating_distribution"]] == [
        (5, 1),
        (4, 1),
        (3, 0),
        (2, 1),
        (1, 0),
    ]
    assert [f.comment for f in figures.ratings(scope())] == ["", "Took too long.", ""]


def test_per_agent_figures(data):
    agents = {agent.name: agent for agent in figures.per_agent(scope())}
    ann, bob = agents["Ann Agent"], agents["Bob Agent"]
    assert (ann.assigned, ann.resolved, ann.ratings, ann.rating) == (2, 2, 2, 3.5)
    assert ann.first_response_median == pytest.approx(2 * 3600)
    assert (bob.assigned, bob.resolved, bob.ratings, bob.rating) == (1, 1, 1, 4.0)
    assert bob.first_response_median == pytest.approx(2 * 3600)


def test_categories_busiest_first(data):
    rows = figures.by_category(scope())
    assert [(row["category__name"], row["tickets"], row["still_open"]) for row in rows] == [
        ("Billing", 2, 0),
        ("Delivery", 2, 2),
    ]
    billing = rows[0]
    assert (billing["resolution_median_hours"], billing["rating"]) == (17.0, 3.5)


def test_filters_narrow_every_figure(data):
    assert figures.summary(scope(priority="urgent"))["tickets"] == 1
    assert figures.summary(scope(agent=data["ann"]))["tickets"] == 2
    assert figures.summary(scope(agent=data["ann"]))["rating_average"] == 3.5
    assert figures.summary(scope(category=data["delivery"]))["resolved_in_period"] == 0
    assert [agent.name for agent in figures.per_agent(scope(agent=data["bob"]))] == ["Bob Agent"]


def _csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_response_times_page_and_csv_hold_the_same_numbers(client, support_admin, data):
    client.force_login(support_admin)
    url = reverse("support_reports:response_times") + PERIOD
    page = client.get(url).content.decode()
    rows = _csv(client, url + "&export=csv")
    everything = rows[-1]
    assert everything["Priority"] == "All priorities"
    assert everything["Tickets"] == "4"
    assert everything["First response, median (h)"] == "2.0"
    assert everything["First response, 90th pct (h)"] == "2.8"
    assert everything["Resolution, median (h)"] == "17.0"
    assert everything["Resolution, 90th pct (h)"] == "27.4"
    assert everything["SLA met (%)"] == "50.0"
    for value in ("2.0 h", "2.8 h", "17.0 h", "27.4 h", "50.0%"):
        assert value in page


def test_volume_csv_has_one_row_per_day(client, support_admin, data):
    client.force_login(support_admin)
    rows = _csv(client, reverse("support_reports:volume") + PERIOD + "&export=csv")
    assert [(row["Day"], row["Created"], row["Resolved"]) for row in rows[1:5]] == [
        ("2026-03-02", "2", "1"),
        ("2026-03-03", "1", "1"),
        ("2026-03-04", "1", "0"),
        ("2026-03-05", "0", "1"),
    ]


def test_volume_export_ends_with_the_headline_figures(client, support_admin, data):
    client.force_login(support_admin)

    rows = _csv(client, reverse("support_reports:volume") + PERIOD + "&export=csv")

    headline = {row["Day"]: (row["Created"], row["Resolved"]) for row in rows[8:]}
    assert rows[7] == {"Day": "", "Created": "", "Resolved": ""}
    assert headline == {
        "Total": ("4", "3"),
        "Still open": ("2", ""),
        "First response, median (h)": ("2.0", ""),
        "Resolution, median (h)": ("17.0", ""),
        "SLA met (%)": ("50.0", ""),
        "Average rating": ("3.67", ""),
    }


def test_exports_are_buttons_on_each_report_page(client, support_admin, data):
    client.force_login(support_admin)

    for name in ("volume", "status", "response_times", "satisfaction", "agents", "categories"):
        url = reverse(f"support_reports:{name}") + PERIOD
        page = client.get(url).content.decode()
        exports = page.split('class="support-report__exports"', 1)[1].split("</p>", 1)[0]
        assert "Download CSV" in exports and "Download XLSX" in exports, name
        assert "export=csv" in exports and "period_from=2026-03-01" in exports, name
        assert page.count("Download CSV") == 1, name  # not again in the header's menu


def test_the_sla_reports_table_is_laid_out_to_fit_a_laptop_screen(client, support_admin, data):
    client.force_login(support_admin)

    page = client.get(reverse("support_reports:response_times") + PERIOD).content.decode()

    assert 'class="listing support-report-table--compact"' in page


def test_volume_page_draws_the_chart_and_the_table(client, support_admin, data):
    client.force_login(support_admin)
    page = client.get(reverse("support_reports:volume") + PERIOD).content.decode()
    assert page.count('class="support-chart__bar--created"') == 7
    assert "From 1 Mar 2026 to 7 Mar 2026" in page
    assert "Mon 2 Mar 2026" in page  # the table row: readable without the chart


def test_agents_and_categories_exports(client, support_admin, data):
    client.force_login(support_admin)
    agents = _csv(client, reverse("support_reports:agents") + PERIOD + "&export=csv")
    ann = next(row for row in agents if row["Agent"] == "Ann Agent")
    assert (ann["Assigned"], ann["Resolved"], ann["Average rating"]) == ("2", "2", "3.5")
    categories = _csv(client, reverse("support_reports:categories") + PERIOD + "&export=csv")
    assert [(row["Category"], row["Tickets"]) for row in categories] == [
        ("Billing", "2"),
        ("Delivery", "2"),
    ]


def test_satisfaction_page_and_csv_list_the_same_ratings(client, support_admin, data):
    client.force_login(support_admin)
    url = reverse("support_reports:satisfaction") + PERIOD
    page = client.get(url).content.decode()
    rows = _csv(client, url + "&export=csv")

    assert [(row["Rating"], row["Comment"], row["Agent"]) for row in rows] == [
        ("4", "", data["bob"].email),
        ("2", "Took too long.", data["ann"].email),
        ("5", "", data["ann"].email),
    ]
    assert all(row["Ticket"].startswith("TKT") and row["Ticket"] in page for row in rows)
    assert 'data-figure="average">3.67/5<' in page
    assert 'data-figure="ratings">3<' in page
    assert "Took too long." in page


def test_status_page_and_csv_hold_the_same_backlog(client, support_admin, data):
    client.force_login(support_admin)
    url = reverse("support_reports:status") + PERIOD
    page = client.get(url).content.decode()
    rows = {row["Status"]: row for row in _csv(client, url + "&export=csv")}

    assert {status: row["Tickets"] for status, row in rows.items()} == {
        "Open": "1",
        "In progress": "1",
        "Waiting on customer": "0",
        "Resolved": "2",
        "Closed": "0",
    }
    assert rows["Resolved"]["Share (%)"] == "50.0"
    assert 'data-figure="backlog">2<' in page


def test_xlsx_export(client, support_admin, data):
    from openpyxl import load_workbook

    client.force_login(support_admin)
    response = client.get(reverse("support_reports:status") + PERIOD + "&export=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = list(workbook.active.values)
    assert values[0] == ("Status", "Tickets", "Share (%)")
    assert ("Open", 1, 25.0) in values


def test_an_invalid_period_says_so_and_falls_back(client, support_admin, data):
    client.force_login(support_admin)
    url = reverse("support_reports:volume") + "?period_from=2026-03-07&period_to=2026-03-01"
    page = client.get(url).content.decode()
    assert "The period must end after it starts." in page
    assert "Showing the last 30 days instead." in page


@pytest.mark.parametrize(
    "name", ["volume", "status", "response_times", "satisfaction", "agents", "categories"]
)
def test_report_query_count_stays_flat(client, support_admin, name):
    client.force_login(support_admin)
    url = reverse(f"support_reports:{name}")
    agent, category = AgentFactory(), CategoryFactory()

    def add(n):
        for _ in range(n):
            ticket = open_ticket(CustomerFactory(), category=category)
            Ticket.objects.filter(pk=ticket.pk).update(
                assignee=agent,
                first_response_at=timezone.now(),
                resolved_at=timezone.now(),
                status="resolved",
            )
            Feedback.objects.create(ticket=ticket, rating=4, comment="Fine")

    add(3)
    count_queries(client, url)  # warm caches (site, content types)
    few = count_queries(client, url)
    add(30)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("export", ["", "&export=csv"])
def test_the_volume_report_counts_the_periods_tickets_once(client, support_admin, data, export):
    """Three questions of the tickets: created per day, resolved per day and the headline
    figures; the resolved total is the sum of the days, not a count of its own."""
    client.force_login(support_admin)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("support_reports:volume") + PERIOD + export)
        if response.streaming:
            b"".join(response.streaming_content)

    tickets = [q["sql"] for q in queries if 'FROM "tickets_ticket"' in q["sql"]]
    period = [sql for sql in tickets if "2026-03-0" in sql]
    assert len(period) == 3, period
