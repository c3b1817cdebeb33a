import pytest

from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, open_ticket

pytestmark = pytest.mark.django_db


def test_new_tickets_go_round_the_available_agents_per_category(settings):
    settings.TICKETS_AUTO_ASSIGN = True
    first, second = AgentFactory(), AgentFactory()
    AgentFactory(is_available=False)
    delivery, billing = CategoryFactory(name="Delivery"), CategoryFactory(name="Billing")
    customer = CustomerFactory()

    handed = [open_ticket(customer, category=delivery).assignee for _ in range(4)]
    billing_first = open_ticket(customer, category=billing).assignee

    assert handed == [first, second, first, second]
    assert billing_first == first


def test_auto_assignment_is_off_by_default(customer):
    AgentFactory()

    assert open_ticket(customer).assignee is None
