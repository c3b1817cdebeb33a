"""The registry of notification kinds is the one place a notification is defined: every kind has
known recipients, texts for every audience, both email templates, and a link."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from accounts import applications
from accounts.models import AgentApplication
from notifications import emails, kinds
from notifications.events import Event
from notifications.models import EmailDelivery, Notification
from notifications.recipients import ROLES
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority, Status
from tickets.models import Feedback

pytestmark = pytest.mark.django_db

EMAIL_TEMPLATES = Path(settings.BASE_DIR) / "templates" / "notifications" / "emails"


@pytest.fixture
def ticket_event():
    """An event carrying everything a ticket kind may name."""
    agent = AgentFactory()
    ticket = open_ticket(priority=Priority.URGENT, priority_justification="Stuck.")
    message = workflow.post_message(ticket, author=agent, body="On it.")
    ticket.refresh_from_db()
    feedback = Feedback(ticket=ticket, rating=4, comment="Quick.")
    return lambda kind: Event(
        kind.signals[0],
        ticket=ticket,
        actor=agent,
        message=message,
        feedback=feedback,
        target="resolution",
    )


@pytest.fixture
def application_event():
    applicant = CustomerFactory()
    application = applications.apply(
        user=applicant, name="Casey Morgan", phone="+1 630 555 0110", motivation="Keen."
    )
    application.decision_reason = "Not hiring."
    return lambda kind: Event(kind.signals[0], actor=applicant, application=application)


def _event(kind, ticket_event, application_event):
    about_applications = {"agent_applied", "agent_approved", "agent_rejected"}
    return (application_event if kind.name in about_applications else ticket_event)(kind)


def test_kind_names_are_unique_and_fit_their_columns():
    names = [kind.name for kind in kinds.KINDS]
    assert len(names) == len(set(names))
    assert max(map(len, names)) <= Notification._meta.get_field("kind").max_length


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.name)
def test_every_kind_has_signals_and_known_recipients(kind):
    assert kind.signals
    assert kind.recipients
    assert set(kind.recipients) <= ROLES
    assert set(kind.acknowledged) <= set(kind.recipients)


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.name)
@pytest.mark.parametrize("audience", [kinds.CUSTOMER, kinds.CC, kinds.STAFF])
def test_every_kind_has_texts_a_link_and_both_templates_that_render(
    kind, audience, ticket_event, application_event
):
    event = _event(kind, ticket_event, application_event)

    action, text = kind.texts(audience, event)
    path = kind.link(event, audience)
    email = emails.build(
        kind=kind,
        event=event,
        audience=audience,
        user=None,
        address="someone@example.com",
        action=action,
        path=path,
    )

    assert action and "%(" not in action
    assert text and "%(" not in text
    assert path.startswith("/")
    assert action in email.subject
    assert email.kind == kind.name
    assert email.body_text.strip() and "<html" in email.body_html.lower()


def test_every_email_template_belongs_to_a_kind():
    shared = {"layout", "_message"}
    on_disk = {path.stem for path in EMAIL_TEMPLATES.iterdir()} - shared
    assert on_disk == {kind.name for kind in kinds.KINDS}
    for kind in kinds.KINDS:
        for template in kind.templates.values():
            get_template(template)


def test_the_kind_columns_take_their_choices_from_the_registry():
    expected = [(kind.name, kind.label) for kind in kinds.KINDS]
    expected += list(kinds.OWN_EMAILS.items())
    for model in (Notification, EmailDelivery):
        assert model._meta.get_field("kind").choices == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("urgent ticket opened", ["ticket_urgent", "ticket_opened"]),
        ("internal note", ["followed_ticket_updated"]),
        ("ticket resolved", ["ticket_resolved", "followed_ticket_updated"]),
        ("application approved", ["agent_approved"]),
        ("application rejected", ["agent_rejected"]),
    ],
)
def test_an_event_tells_the_kinds_that_concern_it_most_pressing_first(
    change, expected, ticket_event, application_event
):
    from accounts import signals as application_signals
    from tickets import signals as ticket_signals

    ticket = ticket_event(kinds.BY_NAME["ticket_opened"]).ticket
    application = application_event(kinds.BY_NAME["agent_applied"]).application
    note = ticket.messages.create(author=ticket.customer, body="Note", is_internal=True)
    resolved = type(ticket).objects.get(pk=ticket.pk)
    resolved.status = Status.RESOLVED
    approved, rejected = (
        AgentApplication(user=application.user, status=status)
        for status in (AgentApplication.Status.APPROVED, AgentApplication.Status.REJECTED)
    )
    events = {
        "urgent ticket opened": Event(ticket_signals.ticket_opened, ticket=ticket),
        "internal note": Event(ticket_signals.message_posted, ticket=ticket, message=note),
        "ticket resolved": Event(ticket_signals.status_changed, ticket=resolved),
        "application approved": Event(
            application_signals.application_decided, application=approved
        ),
        "application rejected": Event(
            application_signals.application_decided, application=rejected
        ),
    }

    assert [kind.name for kind in kinds.kinds_for(events[change])] == expected


def test_settings_may_change_who_hears_about_a_kind(settings):
    settings.NOTIFICATION_RECIPIENTS = {"ticket_closed": []}

    assert kinds.BY_NAME["ticket_closed"].roles() == []
    assert kinds.BY_NAME["ticket_resolved"].roles() == ("customer", "ccs")
