"""Staff open a ticket on a customer's behalf (a phone call, a visit): for an existing customer
named by email, or a new account made for a new address, which gets the usual receipt with a
way to sign in."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import User
from accounts.roles import CUSTOMERS
from tests.factories import AgentFactory, CustomerFactory, OrderFactory, open_ticket
from tickets import limits, workflow
from tickets.choices import Priority, Source
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

REQUEST = {
    "subject": "Phone: limes missing",
    "description": "Called to say two cases of limes were not delivered.",
}


def test_a_new_address_gets_an_account_with_no_password_and_the_receipt(
    agent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = workflow.open_ticket(
            opened_by=agent,
            customer_email=" Caller@Example.com ",
            customer_name="Casey Caller",
            source=Source.PHONE,
            priority=Priority.HIGH,
            **REQUEST,
        )

    customer = ticket.customer
    assert (customer.email, customer.name) == ("caller@example.com", "Casey Caller")
    assert not customer.has_usable_password()
    assert customer.groups.filter(name=CUSTOMERS).exists()
    # Staff typed the address: no unconfirmed record, so the full receipt goes, not the
    # generic one strangers' addresses get.
    assert not EmailAddress.objects.filter(user=customer).exists()
    assert ticket.source == Source.PHONE and ticket.priority == Priority.HIGH
    assert ticket.history.earliest().history_user == agent
    (receipt,) = [m for m in mail.outbox if m.to == ["caller@example.com"]]
    assert ticket.number in receipt.subject and "Received" in receipt.subject
    assert "sign in with a one-time code" in receipt.body
    assert "/accounts/login/code/" in receipt.body


def test_an_existing_customers_email_opens_for_them(agent):
    customer = CustomerFactory(email="maria@example.com")
    order = OrderFactory(customer=customer)

    ticket = workflow.open_ticket(
        opened_by=agent, customer_email="MARIA@example.com", order=order, **REQUEST
    )

    assert ticket.customer == customer and ticket.order == order
    assert User.objects.filter(email__iexact="maria@example.com").count() == 1


def test_staff_opening_on_behalf_are_not_counted_against_the_customers_limit(agent, settings):
    customer = CustomerFactory()
    for _ in range(limits.NEW_TICKETS_PER_HOUR + 2):
        workflow.open_ticket(opened_by=agent, customer=customer, **REQUEST)
    # The customer's own allowance is untouched.
    open_ticket(customer, check_rate=True)


def test_a_bad_address_and_bad_fields_are_reported_together_and_nothing_is_made(agent):
    with pytest.raises(ValidationError) as error:
        workflow.open_ticket(
            opened_by=agent,
            customer_email="not an address",
            subject="Hi",
            description="Too short",
        )

    assert {"customer_email", "subject", "description"} <= set(error.value.message_dict)
    assert not Ticket.objects.exists()


def test_a_new_account_is_not_kept_when_the_ticket_is_refused(agent):
    with pytest.raises(ValidationError):
        workflow.open_ticket(
            opened_by=agent, customer_email="new@example.com", subject="Hi", description="x"
        )

    assert not User.objects.filter(email="new@example.com").exists()


def test_an_order_must_be_the_customers(agent):
    someone_elses = OrderFactory(customer=CustomerFactory())
    with pytest.raises(ValidationError) as error:
        workflow.open_ticket(
            opened_by=agent, customer_email="new@example.com", order=someone_elses, **REQUEST
        )
    assert "customer's orders" in error.value.message_dict["order"][0]


def test_no_tickets_for_staff_or_deactivated_accounts(agent):
    colleague = AgentFactory(email="colleague@example.com")
    gone = CustomerFactory(email="gone@example.com", is_active=False)
    for user in (colleague, gone):
        with pytest.raises(ValidationError) as error:
            workflow.open_ticket(opened_by=agent, customer_email=user.email, **REQUEST)
        assert "customer_email" in error.value.message_dict


def test_a_customer_is_needed(agent):
    with pytest.raises(ValidationError) as error:
        workflow.open_ticket(opened_by=agent, **REQUEST)
    assert "customer_email" in error.value.message_dict


@pytest.mark.parametrize("role", ["customer", "editor", "nobody"])
def test_only_staff_open_for_an_email(role, customer, editor):
    by = {"customer": customer, "editor": editor, "nobody": None}[role]
    with pytest.raises(PermissionDenied):
        workflow.open_ticket(opened_by=by, customer_email="x@example.com", **REQUEST)
    assert not User.objects.filter(email="x@example.com").exists()
