"""`/metrics`: Prometheus reads request times per view, the task queue and the emails by state,
and only with the metrics token."""

import re

import pytest

from notifications.models import EmailDelivery

pytestmark = pytest.mark.django_db
TOKEN = "scrape-token-0123456789"


@pytest.fixture
def scrape(client, settings):
    settings.METRICS_TOKEN = TOKEN

    def scrape():
        response = client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        return response.content.decode()

    return scrape


def sample(text, name, **labels):
    """The value of the sample `name` with exactly these labels, or None."""
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}\{{(.*)\}} (\S+)", line)
        if match and dict(re.findall(r'(\w+)="([^"]*)"', match.group(1))) == labels:
            return float(match.group(2))
    return None


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}"])
def test_metrics_are_not_there_without_the_token(client, settings, authorization):
    settings.METRICS_TOKEN = TOKEN
    headers = {"authorization": authorization} if authorization else {}

    assert client.get("/metrics", headers=headers).status_code == 404


def test_metrics_are_not_there_when_no_token_is_set(client, settings):
    settings.METRICS_TOKEN = ""

    assert client.get("/metrics", headers={"authorization": "Bearer "}).status_code == 404


def test_requests_are_timed_by_view(client, scrape):
    before = sample(
        scrape(), "supportsite_request_duration_seconds_count", view="healthz", method="GET"
    )
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no-such-page-anywhere/")

    text = scrape()

    counted = sample(
        text, "supportsite_request_duration_seconds_count", view="healthz", method="GET"
    )
    assert counted == (before or 0) + 2
    assert sample(
        text, "supportsite_request_duration_seconds_count", view="wagtail_serve", method="GET"
    ) or sample(
        text, "supportsite_request_duration_seconds_count", view="<unmatched>", method="GET"
    )


def test_emails_are_counted_by_state(scrape):
    for n, status in enumerate(("sent", "sent", "failed")):
        EmailDelivery.objects.create(
            kind="customer_replied",
            to="maria@example.com",
            subject="Your ticket",
            body_text="…",
            body_html="…",
            message_id=f"<{n}@example.com>",
            status=status,
        )

    text = scrape()

    assert sample(text, "supportsite_emails", state="sent") == 2
    assert sample(text, "supportsite_emails", state="failed") == 1
    assert sample(text, "supportsite_emails", state="queued") == 0


def test_the_database_task_queue_is_measured(settings, scrape):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.create(
        task_path="supportsite.tasks.prune_editing_sessions",
        queue_name="default",
        backend_name="default",
        args_kwargs={"args": [], "kwargs": {}},
        status="FAILED",
    )

    text = scrape()

    assert sample(text, "supportsite_tasks_waiting", queue="default") == 0
    assert sample(text, "supportsite_tasks_failed", queue="default") == 1
