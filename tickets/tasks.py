"""Background tasks of the tickets app (Django's tasks framework; see tickets.delivery)."""

from django.tasks import task

from . import delivery


@task
def send_email(email_id):
    """One attempt at sending a stored email; a failure queues the next one itself."""
    delivery.attempt(email_id)


@task
def requeue_stalled_emails():
    """Periodic (settings.PERIODIC_TASKS): queue again the emails the queue lost."""
    return delivery.requeue_stalled()
