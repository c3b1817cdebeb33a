"""Every search is counted per day; editors see top searches and searches that found nothing."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from helpcenter.models import DailySearchCount

from .factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def counts():
    return {
        (row.date, row.query): (row.searches, row.searches_without_results)
        for row in DailySearchCount.objects.all()
    }


def test_each_search_is_counted_per_day(client, topic):
    make_article(topic, title="Refunds", body=paragraphs("Money back."))
    today = timezone.localdate()

    client.get("/search/", {"q": "refund"})
    client.get("/search/", {"q": "  REFUND "})
    client.get("/search/", {"q": "pallet return"})

    assert counts() == {(today, "refund"): (2, 0), (today, "pallet return"): (1, 1)}


def test_days_are_counted_in_the_sites_time_zone(client):
    with freeze_time("2026-03-03 04:30:00+00:00"):  # 22:30 the day before in Chicago
        client.get("/search/", {"q": "late night"})

    assert counts() == {(date(2026, 3, 2), "late night"): (1, 1)}


def test_paging_through_results_does_not_count_again(client, topic):
    for n in range(12):
        make_article(topic, title=f"Limes {n}", body=paragraphs("Limes."))

    client.get("/search/", {"q": "limes"})
    client.get("/search/", {"q": "limes", "page": "2"})

    assert list(counts().values()) == [(1, 0)]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 201}, {"tag": "refund"}])
def test_empty_or_invalid_searches_are_not_counted(client, params):
    client.get("/search/", params)

    assert counts() == {}


def editor_client(client, editor):
    client.force_login(editor)
    return client


def report(client, name, **params):
    """The report's results table."""
    response = client.get(reverse(f"helpcenter_reports:{name}"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<table class="listing') : html.rindex("</table>")]


def test_failed_searches_report_lists_a_query_that_found_nothing(client, editor, topic):
    make_article(topic, title="Refunds", body=paragraphs("Money back."))
    client.get("/search/", {"q": "refund"})
    client.get("/search/", {"q": "pallet return"})

    table = report(editor_client(client, editor), "failed_searches")

    assert "pallet return" in table
    assert "refund" not in table


def test_top_searches_come_most_frequent_first(client, editor):
    today = timezone.localdate()
    DailySearchCount.objects.create(date=today, query="invoice", searches=3)
    DailySearchCount.objects.create(date=today - timedelta(days=1), query="refund", searches=4)
    DailySearchCount.objects.create(date=today, query="refund", searches=2)
    DailySearchCount.objects.create(
        date=today, query="gift card", searches=1, searches_without_results=1
    )

    table = report(editor_client(client, editor), "searches")

    assert table.index("refund") < table.index("invoice") < table.index("gift card")
    assert re.search(r">\s*6\s*<", table)  # refund's two days added up


def test_search_reports_filter_by_date(client, editor):
    today = timezone.localdate()
    DailySearchCount.objects.create(date=today - timedelta(days=40), query="old query", searches=9)
    DailySearchCount.objects.create(date=today, query="new query", searches=1)

    html = report(
        editor_client(client, editor),
        "searches",
        date_from=(today - timedelta(days=7)).isoformat(),
        date_to=today.isoformat(),
    )

    assert "new query" in html and "old query" not in html


def test_search_report_exports_csv(client, editor):
    DailySearchCount.objects.create(date=timezone.localdate(), query="refund", searches=2)

    response = editor_client(client, editor).get(
        reverse("helpcenter_reports:searches"), {"export": "csv"}
    )

    content = b"".join(response.streaming_content).decode()
    assert content.splitlines()[:2] == [
        "Search terms,Searches,Found nothing,Last searched",
        f"refund,2,0,{timezone.localdate()}",
    ]


@pytest.mark.parametrize("name", ["searches", "failed_searches"])
def test_search_reports_are_for_editors_and_support_admins(
    client, customer, agent, support_admin, name
):
    url = reverse(f"helpcenter_reports:{name}")

    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(customer)
    assert client.get(url).status_code == 302  # no admin access
    client.force_login(agent)
    assert client.get(url).status_code == 302  # admin, but no permission: back to the dashboard
    client.force_login(support_admin)
    assert client.get(url).status_code == 200


def test_reports_appear_in_the_reports_menu_for_editors(client, editor, agent):
    client.force_login(editor)
    assert "Searches with no results" in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(agent)
    assert (
        "Searches with no results" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
