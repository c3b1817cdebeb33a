"""The resolution email's stars rate in one click (a signed, expiring link through
workflow.rate); the ticket page then offers the comment box; bad or old links rate nothing."""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import rating_links, workflow
from tickets.choices import Status
from tickets.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def resolved(customer):
    ticket = open_ticket(customer)
    workflow.change_status(ticket, by=AgentFactory(), status=Status.RESOLVED)
    return ticket


def test_a_star_link_rates_without_signing_in_then_asks_for_a_comment(client, resolved):
    response = client.get(rating_links.rating_path(resolved, 2))

    assert Feedback.objects.get(ticket=resolved).rating == 2
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    client.force_login(resolved.customer)
    page = client.get(resolved.get_absolute_url()).content.decode()
    assert "2 out of 5 stars" in page and 'name="comment"' in page

    client.post(reverse("tickets:feedback_comment", args=[resolved.number]), {"comment": "Slow."})
    assert Feedback.objects.get(ticket=resolved).comment == "Slow."
    page = client.get(resolved.get_absolute_url()).content.decode()
    assert 'name="comment"' not in page and "Slow." in page


def test_a_signed_in_customer_lands_on_the_ticket(client, resolved):
    client.force_login(resolved.customer)

    response = client.get(rating_links.rating_path(resolved, 5))

    assert response["Location"] == f"{resolved.get_absolute_url()}#feedback"


def test_a_second_click_changes_nothing(client, resolved):
    client.get(rating_links.rating_path(resolved, 5))
    client.get(rating_links.rating_path(resolved, 1))

    assert Feedback.objects.get(ticket=resolved).rating == 5


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps([1, 1, 9], salt=rating_links.SALT),
        signing.dumps("x", salt=rating_links.SALT),
        signing.dumps([1, 1, 5], salt="another.salt"),
    ],
)
def test_a_forged_link_rates_nothing(client, resolved, token):
    response = client.get(reverse("tickets:rate_by_link", args=[token]))

    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_a_link_for_a_ticket_that_changed_hands_rates_nothing(client, resolved):
    path = rating_links.rating_path(resolved, 4)
    resolved.customer = CustomerFactory()
    resolved.save()

    client.get(path)

    assert not Feedback.objects.exists()


def test_an_expired_link_rates_nothing(client, resolved):
    path = rating_links.rating_path(resolved, 4)

    with freeze_time(timedelta(days=rating_links.RATING_LINK_DAYS + 1), tick=True):
        client.get(path)

    assert not Feedback.objects.exists()


def test_the_ticket_page_rates_with_one_star_button(client, resolved):
    client.force_login(resolved.customer)
    page = client.get(resolved.get_absolute_url()).content.decode()
    assert page.count('name="rating"') == 5 and 'type="radio"' not in page

    client.post(reverse("tickets:feedback", args=[resolved.number]), {"rating": "3"})

    assert Feedback.objects.get(ticket=resolved).rating == 3


def test_only_the_customer_may_comment_and_only_once(resolved):
    with pytest.raises(PermissionDenied):
        workflow.comment_on_rating(resolved, by=CustomerFactory(), comment="Hi")
    with pytest.raises(ValidationError, match="Rate the help"):
        workflow.comment_on_rating(resolved, by=resolved.customer, comment="Hi")
    workflow.rate(resolved, by=resolved.customer, rating=4)
    workflow.comment_on_rating(resolved, by=resolved.customer, comment="Good")
    with pytest.raises(ValidationError, match="already"):
        workflow.comment_on_rating(resolved, by=resolved.customer, comment="Again")
