"""Content gaps (searches followed by a ticket, per topic), deflections per article, and
helpfulness over a period: the help-center figures of the reports."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from helpcenter.demo import seed_contact_page
from helpcenter.models import ArticleFeedback, HomePage, UnansweredSearch
from tests.factories import CategoryFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow

from .factories import make_article, make_topic, paragraphs

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "Driver never came today",
    "description": "The delivery window passed and no driver came with our order.",
    "priority": "medium",
}


@pytest.fixture
def contact_page():
    seed_contact_page(HomePage.objects.get())
    return "/contact/"


def export(client, name, **params):
    response = client.get(reverse(f"helpcenter_reports:{name}"), {**params, "export": "csv"})
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_searches_before_a_ticket_become_content_gaps_under_their_best_results_topic(
    client, customer, topic, contact_page
):
    make_article(topic, title="Missed deliveries", body=paragraphs("When the driver is late."))
    client.force_login(customer)
    client.get("/search/", {"q": "driver late"})
    client.get("/search/", {"q": "pallet deposit"})  # finds nothing

    client.post(contact_page, FORM)

    gaps = {gap.query: (gap.results, gap.topic) for gap in UnansweredSearch.objects.all()}
    assert gaps == {"driver late": (1, topic), "pallet deposit": (0, None)}
    assert {gap.ticket.subject for gap in UnansweredSearch.objects.all()} == {FORM["subject"]}


def test_a_search_that_found_nothing_goes_under_the_topic_of_the_tickets_category(
    client, customer, topic, contact_page
):
    category = CategoryFactory(name="Delivery problem", help_topic=topic)
    client.force_login(customer)
    client.get("/search/", {"q": "pallet deposit"})

    client.post(contact_page, {**FORM, "category": category.pk})

    gap = UnansweredSearch.objects.get()
    assert (gap.query, gap.results, gap.topic) == ("pallet deposit", 0, topic)


def test_only_searches_of_the_last_day_count_and_each_only_once(
    client, customer, topic, contact_page
):
    client.force_login(customer)
    with freeze_time(timezone.now() - timedelta(days=2)):
        client.get("/search/", {"q": "old question"})
    client.get("/search/", {"q": "new question"})

    client.post(contact_page, FORM)
    client.post(contact_page, {**FORM, "subject": "A second ticket, same session"})

    assert list(UnansweredSearch.objects.values_list("query", flat=True)) == ["new question"]


def test_a_search_without_a_ticket_is_no_gap(client, customer, topic):
    client.force_login(customer)
    client.get("/search/", {"q": "driver late"})

    assert not UnansweredSearch.objects.exists()


def test_content_gaps_report_groups_per_topic_and_exports(client, editor, customer, topic):
    billing = make_topic(title="Billing")
    for query, results, where, n in [
        ("driver late", 2, topic, 3),
        ("invoice copy", 1, billing, 1),
        ("pallet deposit", 0, None, 2),
    ]:
        for _ in range(n):
            UnansweredSearch.objects.create(
                query=query,
                results=results,
                topic=where,
                ticket=open_ticket(customer),
                searched_at=timezone.now(),
            )
    client.force_login(editor)

    page = client.get(reverse("helpcenter_reports:content_gaps"))
    rows = export(client, "content_gaps")

    assert [
        (r["Topic"], r["Search terms"], r["Tickets after"], r["Found nothing"]) for r in rows
    ] == [
        ("Deliveries", "driver late", "3", "0"),
        ("", "pallet deposit", "2", "2"),
        ("Billing", "invoice copy", "1", "0"),
    ]
    topics = [(t["title"], t["tickets"]) for t in page.context["topics"]]
    assert topics == [("Deliveries", 3), (None, 2), ("Billing", 1)]
    assert "No topic" in page.content.decode()
    only_billing = export(client, "content_gaps", topic=billing.pk)
    assert [r["Search terms"] for r in only_billing] == ["invoice copy"]


def test_deflections_report_counts_opens_tickets_and_the_rest(client, editor, customer, topic):
    answered = make_article(topic, title="Answered it")
    half = make_article(topic, title="Half the time")
    for key, article in [("a1", answered), ("a2", answered), ("h1", half), ("h2", half)]:
        workflow.record_deflection(session_key=key, page=article, query="driver")
    open_ticket(customer, session_key="h1")
    client.force_login(editor)

    rows = export(client, "deflections")

    assert [
        (r["Article"], r["Opened from contact form"], r["Tickets still sent"], r["Deflected"])
        for r in rows
    ] == [("Answered it", "2", "0", "2"), ("Half the time", "2", "1", "1")]
    assert [float(r["Deflection rate"]) for r in rows] == [1.0, 0.5]


def test_deflections_report_follows_the_date_range(client, editor, topic):
    article = make_article(topic, title="Old favourite")
    with freeze_time("2026-01-10 12:00:00+00:00"):
        workflow.record_deflection(session_key="old", page=article)
    workflow.record_deflection(session_key="new", page=article)
    client.force_login(editor)

    today = timezone.localdate().isoformat()
    rows = export(client, "deflections", opened_at_from=today, opened_at_to=today)

    assert [(r["Article"], r["Opened from contact form"]) for r in rows] == [("Old favourite", "1")]


def test_helpfulness_counts_the_votes_of_the_period(client, editor, topic):
    article = make_article(topic, title="Voted on")
    ArticleFeedback.objects.create(page=article, visitor="v1", helpful=True)
    old = ArticleFeedback.objects.create(page=article, visitor="v2", helpful=False)
    ArticleFeedback.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=60))
    client.force_login(editor)

    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    recent = export(client, "feedback", period_from=since)
    everything = export(client, "feedback")

    assert [(r["Yes"], r["No"]) for r in recent] == [("1", "0")]
    assert [(r["Yes"], r["No"]) for r in everything] == [("1", "1")]


@pytest.mark.parametrize("name", ["deflections", "content_gaps"])
def test_report_access(client, customer, agent, editor, support_admin, name):
    url = reverse(f"helpcenter_reports:{name}")
    assert client.get(url).status_code == 302
    for user, expected in [(customer, 302), (agent, 302), (editor, 200), (support_admin, 200)]:
        client.force_login(user)
        assert client.get(url).status_code == expected, user


@pytest.mark.parametrize("name", ["deflections", "content_gaps"])
def test_report_query_count_stays_flat(client, editor, customer, topic, name):
    client.force_login(editor)
    url = reverse(f"helpcenter_reports:{name}")

    def add(n):
        for i in range(n):
            article = make_article(topic, title=f"Article {name} {i} {n}")
            ticket = open_ticket(customer, session_key=f"s-{i}-{n}")
            workflow.record_deflection(session_key=f"x-{i}-{n}", page=article)
            UnansweredSearch.objects.create(
                query=f"query {i} {n}",
                results=1,
                topic=topic,
                ticket=ticket,
                searched_at=timezone.now(),
            )

    add(2)
    count_queries(client, url)
    few = count_queries(client, url)
    add(12)
    assert count_queries(client, url) == few
