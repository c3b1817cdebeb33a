import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts import applications, roles
from accounts.models import AgentApplication

pytestmark = pytest.mark.django_db

APPLY = {
    "name": "Casey Morgan",
    "phone": "+1 630 555 0110",
    "motivation": "Three years on a grocery help line.",
}


def test_customer_applies_and_sees_it_pending(client, customer):
    client.force_login(customer)

    response = client.post(reverse("account_agent_application"), APPLY)

    assert response.status_code == 302
    application = AgentApplication.objects.get(user=customer)
    assert application.status == AgentApplication.Status.PENDING
    body = client.get(reverse("account_agent_application")).content.decode()
    assert "A support admin will approve or reject" in body


def test_bad_application_input_is_explained_next_to_the_field(client, customer):
    client.force_login(customer)

    response = client.post(reverse("account_agent_application"), {**APPLY, "phone": "nope"})

    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert APPLY["motivation"] in response.content.decode()


def test_one_pending_application_at_a_time(customer):
    applications.apply(user=customer, **APPLY)

    with pytest.raises(ValidationError):
        applications.apply(user=customer, **APPLY)


def test_approval_makes_the_applicant_an_agent_who_reaches_the_queue(
    client, customer, support_admin
):
    application = applications.apply(user=customer, **APPLY)
    client.force_login(customer)
    assert client.get("/admin/").status_code == 302

    client.force_login(support_admin)
    response = client.post(
        reverse("agent_applications:decide", args=[application.pk]), {"decision": "approve"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == AgentApplication.Status.APPROVED
    assert application.decided_by == support_admin
    assert roles.is_agent(type(customer).objects.get(pk=customer.pk))
    client.force_login(customer)
    assert client.get(reverse("wagtailsnippets_tickets_ticket:list")).status_code == 200


def test_rejection_needs_a_reason(client, customer, support_admin):
    application = applications.apply(user=customer, **APPLY)
    client.force_login(support_admin)
    url = reverse("agent_applications:decide", args=[application.pk])

    response = client.post(url, {"decision": "reject", "reason": ""})
    assert "Tell the applicant why." in response.content.decode()

    client.post(url, {"decision": "reject", "reason": "We are not hiring right now."})
    application.refresh_from_db()
    assert application.status == AgentApplication.Status.REJECTED
    assert not roles.is_agent(type(customer).objects.get(pk=customer.pk))


def test_agents_cannot_decide_applications(customer, agent):
    application = applications.apply(user=customer, **APPLY)

    with pytest.raises(PermissionDenied):
        applications.decide(application, by=agent, approve=True)


def test_an_application_is_decided_once(customer, support_admin):
    application = applications.apply(user=customer, **APPLY)
    applications.decide(application, by=support_admin, approve=True)

    with pytest.raises(ValidationError):
        applications.decide(application, by=support_admin, approve=False, reason="Changed my mind")
