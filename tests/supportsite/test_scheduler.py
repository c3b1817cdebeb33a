from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from helpcenter.models import HomePage
from supportsite import scheduling
from supportsite.scheduling import PeriodicJob, enqueue_due_jobs

pytestmark = pytest.mark.django_db

VISIT = "tests.supportsite.tasks_for_tests.record_visit"


@pytest.fixture
def enqueued(monkeypatch):
    """Record what the scheduler enqueues instead of running it."""
    calls = []

    class FakeTask:
        def __init__(self, path):
            self.path = path

        def enqueue(self):
            calls.append(self.path)

    monkeypatch.setattr(scheduling, "import_string", FakeTask)
    return calls


def test_a_job_is_enqueued_once_per_period_however_often_the_clock_is_read(enqueued):
    job = PeriodicJob(name="visit", task_path=VISIT, every=60)

    enqueue_due_jobs(now=6000.0, jobs=[job])
    enqueue_due_jobs(now=6030.0, jobs=[job])
    enqueue_due_jobs(now=6059.9, jobs=[job])
    enqueue_due_jobs(now=6060.0, jobs=[job])

    assert enqueued == [VISIT, VISIT]


def test_two_schedulers_reading_the_same_clock_enqueue_once(enqueued):
    first = PeriodicJob(name="visit", task_path=VISIT, every=60)
    second = PeriodicJob(name="visit", task_path=VISIT, every=60)

    assert enqueue_due_jobs(now=120.0, jobs=[first]) == ["visit"]
    assert enqueue_due_jobs(now=121.0, jobs=[second]) == []
    assert enqueued == [VISIT]


def test_periodic_jobs_come_from_settings(settings):
    settings.PERIODIC_TASKS = {"visit": {"task": VISIT, "every": 30}}

    assert scheduling.periodic_jobs() == [PeriodicJob(name="visit", task_path=VISIT, every=30)]


def test_scheduler_command_enqueues_the_configured_jobs(enqueued, settings):
    call_command("run_scheduler", once=True)

    assert sorted(enqueued) == sorted(spec["task"] for spec in settings.PERIODIC_TASKS.values())
    assert {
        "supportsite.tasks.prune_task_results",
        "supportsite.tasks.publish_scheduled_pages",
        "tickets.sla.jobs.check_sla_task",
    } <= set(enqueued)


def test_publish_job_publishes_pages_whose_time_has_come():
    home = HomePage.objects.get()
    page = home.add_child(instance=Page(title="Holiday delivery hours", live=False))
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()

    call_command("run_scheduler", once=True)

    page.refresh_from_db()
    assert page.live
