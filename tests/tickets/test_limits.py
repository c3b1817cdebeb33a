"""Each limit is defined once (tickets/limits.py): the checks, messages, forms, serializers, the
history's column and the docs all follow that definition."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django_ratelimit.exceptions import Ratelimited

from tests.factories import AgentFactory, open_ticket
from tickets import limits, workflow
from tickets.admin.bulk_actions import ReasonForm
from tickets.admin.forms import AgentReplyForm, AssignForm, PriorityForm, StatusForm
from tickets.api.serializers import (
    CommentCreateSerializer,
    PriorityChangeSerializer,
    TicketCreateSerializer,
)
from tickets.attachments import check_uploads
from tickets.forms import RatingCommentForm, ReplyForm, ticket_fields
from tickets.models import Feedback, Message, Ticket

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "tickets.md"
LIMITS = {name: value for name, value in vars(limits).items() if name.isupper()}


def _messages(error):
    return " ".join(error.value.messages)


@pytest.fixture
def smaller_file_limits(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILES", 2)
    monkeypatch.setattr(limits, "MAX_FILE_SIZE_MB", 1)


def test_the_file_checks_and_their_messages_follow_the_limits(smaller_file_limits):
    three = [SimpleUploadedFile(f"n{i}.txt", b"hello") for i in range(3)]
    with pytest.raises(ValidationError) as error:
        check_uploads(three)
    assert _messages(error) == "Attach at most 2 files."

    big = SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        check_uploads([big])
    assert _messages(error) == "big.txt is larger than 1 MB."

    assert check_uploads([SimpleUploadedFile("ok.txt", b"a" * 1024 * 1024)])


def test_file_fields_tell_people_the_limits_as_they_are(smaller_file_limits, customer):
    expected = "Up to 2 files, 1 MB each: images, PDF, text, CSV or office documents."

    assert str(ReplyForm().fields["attachments"].help_text) == expected
    assert str(AgentReplyForm().fields["attachments"].help_text) == expected
    assert str(ticket_fields(customer)["attachments"].help_text) == expected


def test_the_hourly_ticket_limit_and_its_message_follow_the_limit(monkeypatch, customer):
    monkeypatch.setattr(limits, "NEW_TICKETS_PER_HOUR", 2)
    for _ in range(2):
        open_ticket(customer, check_rate=True)

    with pytest.raises(Ratelimited) as error:
        open_ticket(customer, check_rate=True)

    assert str(error.value) == "You have opened 2 tickets in the last hour. Please wait a little."


def test_a_reason_is_kept_up_to_the_limit(monkeypatch, customer):
    monkeypatch.setattr(limits, "REASON_MAX_LENGTH", 12)
    ticket = open_ticket(customer)

    workflow.change_status(ticket, by=AgentFactory(), status="in_progress", reason="x" * 40)

    assert ticket.history.latest().history_change_reason == "x" * 12


def test_reason_fields_and_the_history_column_take_the_one_length(customer):
    ticket = open_ticket(customer)
    forms = [StatusForm(ticket=ticket), PriorityForm(ticket=ticket), AssignForm(), ReasonForm()]

    column = Ticket.history.model._meta.get_field("history_change_reason")
    assert column.max_length == limits.REASON_MAX_LENGTH
    assert {form.fields["reason"].max_length for form in forms} == {limits.REASON_MAX_LENGTH}
    assert PriorityChangeSerializer().fields["reason"].max_length == limits.REASON_MAX_LENGTH


def test_message_fields_and_the_model_take_the_one_length():
    bounds = (limits.MESSAGE_MIN_LENGTH, limits.MESSAGE_MAX_LENGTH)
    validators = Message._meta.get_field("body").validators

    assert [
        v.limit_value for v in validators if isinstance(v, MinLengthValidator | MaxLengthValidator)
    ] == list(bounds)
    for form in (ReplyForm(), AgentReplyForm()):
        body = form.fields["body"]
        assert body.max_length == int(body.widget.attrs["maxlength"]) == bounds[1]
    assert CommentCreateSerializer().fields["comment"].length_hint == bounds


def test_the_api_describes_the_file_limits_it_applies():
    help_text = TicketCreateSerializer().fields["attachments"].help_text

    assert help_text.startswith(
        f"Up to {limits.MAX_FILES} files, {limits.MAX_FILE_SIZE_MB} MB each:"
    )


def test_web_forms_take_text_lengths_from_the_models(customer):
    justification = ticket_fields(customer)["priority_justification"]

    assert justification.max_length == Ticket._meta.get_field("priority_justification").max_length
    assert RatingCommentForm().fields["comment"].max_length == (
        Feedback._meta.get_field("comment").max_length
    )


def test_the_docs_state_each_limit_as_defined():
    text = DOCS.read_text()

    assert LIMITS
    for name, value in LIMITS.items():
        assert f"`{name}` = {value}" in text, name
