import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_ratelimit.exceptions import Ratelimited

from tests.factories import CategoryFactory, CustomerFactory, OrderFactory, open_ticket
from tickets import workflow
from tickets.choices import Priority, Source, Status

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def test_new_ticket_is_open_numbered_and_recorded_in_history(customer):
    ticket = open_ticket(customer)

    assert ticket.status == Status.OPEN
    assert ticket.priority == Priority.MEDIUM
    assert re.fullmatch(r"TKT\d{8}\d{4}", ticket.number)
    record = ticket.history.get()
    assert record.history_user == customer
    assert record.history_change_reason == "Ticket opened"


def test_numbers_count_up_within_a_day(customer):
    first, second = open_ticket(customer), open_ticket(customer)

    assert first.number[:11] == second.number[:11]
    assert int(second.number[11:]) == int(first.number[11:]) + 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", "Hey"),
        ("subject", "x" * 201),
        ("description", "Too short"),
        ("description", "x" * 2001),
    ],
)
def test_text_limits_are_enforced_with_a_message_on_the_field(customer, field, value):
    with pytest.raises(ValidationError) as error:
        open_ticket(customer, **{field: value})

    assert field in error.value.message_dict


@pytest.mark.parametrize("priority", [Priority.HIGH, Priority.URGENT])
def test_high_and_urgent_need_a_justification_from_the_customer(customer, priority):
    with pytest.raises(ValidationError) as error:
        open_ticket(customer, priority=priority)

    assert "priority_justification" in error.value.message_dict
    assert open_ticket(customer, priority=priority, priority_justification="Kitchen closed")


def test_a_ticket_takes_its_categorys_default_priority_when_none_was_chosen(customer):
    urgent_kind = CategoryFactory(name="Outage", default_priority=Priority.URGENT)

    unchosen = open_ticket(customer, category=urgent_kind, priority="")
    from_email = open_ticket(customer, category=urgent_kind, priority=None)
    chosen = open_ticket(customer, category=urgent_kind, priority=Priority.LOW)
    no_category = open_ticket(customer, priority=None)

    assert unchosen.priority == from_email.priority == Priority.URGENT  # no justification asked
    assert chosen.priority == Priority.LOW
    assert no_category.priority == Priority.MEDIUM


def test_the_contact_form_lets_the_category_decide_the_priority():
    from tickets.forms import ticket_fields

    field = ticket_fields(CustomerFactory())["priority"]

    assert field.required is False
    assert field.choices[0] == ("", "As usual for the category")


def test_the_api_lets_the_category_decide_the_priority(customer):
    from rest_framework.test import APIClient

    low_kind = CategoryFactory(name="Feedback", default_priority=Priority.LOW)
    api = APIClient()
    api.force_authenticate(customer)

    response = api.post(
        "/api/v1/tickets/",
        {
            "subject": "A small idea",
            "description": "It would be nice to order by phone as well.",
            "category": low_kind.pk,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["priority"] == Priority.LOW


def test_order_must_be_the_customers_own(customer):
    someone_elses = OrderFactory()

    with pytest.raises(ValidationError) as error:
        open_ticket(customer, order=someone_elses)

    assert "order" in error.value.message_dict
    assert open_ticket(customer, order=OrderFactory(customer=customer)).order.customer == customer


def test_inactive_category_is_refused_to_customers(customer):
    retired = CategoryFactory(is_active=False)

    with pytest.raises(ValidationError):
        open_ticket(customer, category=retired)


def test_staff_may_open_a_ticket_on_a_customers_behalf(customer, agent):
    ticket = open_ticket(customer, opened_by=agent, priority=Priority.URGENT)

    assert ticket.customer == customer
    assert ticket.source == Source.AGENT
    assert ticket.history.get().history_user == agent


def test_customers_cannot_open_tickets_for_someone_else(customer):
    with pytest.raises(PermissionDenied):
        open_ticket(CustomerFactory(), opened_by=customer)


def test_attachments_are_kept_with_their_checked_type(customer):
    ticket = open_ticket(
        customer,
        attachments=[SimpleUploadedFile("receipt.png", PNG, content_type="application/x-whatever")],
    )

    attachment = ticket.attachments.get()
    assert (attachment.original_name, attachment.content_type) == ("receipt.png", "image/png")
    assert "receipt" not in attachment.file.name


def test_an_executable_named_like_a_pdf_is_refused(customer):
    exe = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    with pytest.raises(ValidationError) as error:
        open_ticket(customer, attachments=[exe])

    assert "not a file type we accept" in error.value.message_dict["attachments"][0]


def test_more_than_five_files_are_refused(customer):
    files = [SimpleUploadedFile(f"n{i}.txt", b"hello") for i in range(6)]

    with pytest.raises(ValidationError) as error:
        open_ticket(customer, attachments=files)

    assert "at most 5 files" in error.value.message_dict["attachments"][0]


def test_files_over_ten_megabytes_are_refused(customer):
    big = SimpleUploadedFile("big.txt", b"a" * (10 * 1024 * 1024 + 1))

    with pytest.raises(ValidationError) as error:
        open_ticket(customer, attachments=[big])

    assert "larger than 10 MB" in error.value.message_dict["attachments"][0]


def test_a_failed_creation_leaves_no_ticket_and_no_file(customer):
    with pytest.raises(ValidationError):
        open_ticket(customer, subject="no", attachments=[SimpleUploadedFile("a.txt", b"hi")])

    assert customer.tickets.count() == 0


def test_the_eleventh_ticket_in_an_hour_is_refused(customer):
    for _ in range(10):
        open_ticket(customer, check_rate=True)

    with pytest.raises(Ratelimited):
        open_ticket(customer, check_rate=True)
    assert open_ticket(CustomerFactory(), check_rate=True)


def test_a_follow_up_must_link_to_the_customers_own_ticket(customer):
    old = open_ticket(customer)

    follow_up = open_ticket(customer, previous_ticket=old)

    assert follow_up.previous_ticket == old
    with pytest.raises(ValidationError):
        open_ticket(CustomerFactory(), previous_ticket=old)


def test_opening_a_ticket_claims_the_sessions_suggestion_clicks(customer):
    from wagtail.models import Page

    from tickets.models import Deflection

    page = Page.objects.get(depth=2)
    workflow.record_deflection(session_key="abc", page=page, query="limes")

    ticket = open_ticket(customer, session_key="abc")

    assert Deflection.objects.get().ticket == ticket
