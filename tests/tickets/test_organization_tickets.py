"""Members of an organisation whose members see each other's tickets read and answer them in the
portal; everyone else sees nothing of them (tickets.permissions)."""

import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from notifications.models import EmailDelivery
from tests.factories import (
    AgentFactory,
    CustomerFactory,
    OrderFactory,
    OrganizationFactory,
    member_of,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.models import Ticket
from tickets.permissions import can_view_ticket, is_participant, visible_tickets

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def lopez():
    return OrganizationFactory(name="Lopez Taqueria")


@pytest.fixture
def maria(lopez):
    return member_of(lopez, name="Maria Lopez")


@pytest.fixture
def manager(lopez):
    return member_of(lopez, name="Luis Manager")


@pytest.fixture
def marias_ticket(maria):
    ticket = open_ticket(
        maria,
        subject="Tortillas came stale",
        attachments=[SimpleUploadedFile("photo.pdf", PDF)],
    )
    agent = AgentFactory()
    workflow.post_message(ticket, author=agent, body="We're sending new ones.")
    workflow.post_message(
        ticket,
        author=agent,
        body="INTERNAL: supplier problem again.",
        internal=True,
        attachments=[SimpleUploadedFile("internal.txt", b"private")],
    )
    ticket.refresh_from_db()
    return ticket


def routes(ticket):
    return [
        ("get", ticket.get_absolute_url()),
        ("get", reverse("tickets:messages", args=[ticket.number])),
        ("post", ticket.get_absolute_url()),
        ("get", ticket.attachments.get(message__isnull=True).get_absolute_url()),
        ("get", ticket.attachments.get(message__is_internal=True).get_absolute_url()),
    ]


def answers(client, user, ticket):
    client.force_login(user)
    return [
        getattr(client, method)(url, {"body": ""} if method == "post" else None).status_code
        for method, url in routes(ticket)
    ]


def test_the_ticket_remembers_the_organisation_it_was_opened_in(marias_ticket, lopez):
    assert marias_ticket.organization == lopez
    assert marias_ticket.history.earliest().organization_id == lopez.pk
    assert open_ticket(CustomerFactory()).organization is None


def test_a_colleague_reads_and_answers_but_never_sees_internal_notes(
    client, marias_ticket, manager
):
    assert answers(client, manager, marias_ticket) == [200, 200, 200, 200, 404]
    page = client.get(marias_ticket.get_absolute_url()).content.decode()
    assert "sending new ones" in page
    assert "INTERNAL" not in page
    assert "Maria Lopez opened this ticket" in page
    assert can_view_ticket(manager, marias_ticket) and is_participant(manager, marias_ticket)


@pytest.mark.parametrize("who", ["switch_off", "other_organisation", "no_organisation"])
def test_everyone_else_gets_a_404(client, marias_ticket, lopez, who):
    if who == "switch_off":
        lopez.members_see_each_others_tickets = False
        lopez.save()
        user = member_of(lopez)
    elif who == "other_organisation":
        user = member_of(OrganizationFactory())
    else:
        user = CustomerFactory()

    assert answers(client, user, marias_ticket) == [404, 404, 404, 404, 404]
    assert marias_ticket.subject not in client.get(reverse("tickets:list")).content.decode()
    assert not can_view_ticket(user, marias_ticket)
    assert not visible_tickets(user).filter(pk=marias_ticket.pk).exists()


def test_the_owner_alone_confirms_and_rates(client, marias_ticket, manager):
    client.force_login(manager)

    assert client.post(reverse("tickets:confirm", args=[marias_ticket.number])).status_code == 403


def test_the_list_marks_a_colleagues_tickets_and_filters_mine_or_the_organisations(
    client, marias_ticket, manager
):
    mine = open_ticket(manager, subject="Card reader broken")
    client.force_login(manager)
    url = reverse("tickets:list")

    page = client.get(url).content.decode()
    assert "Tortillas came stale" in page and "Card reader broken" in page
    assert "opened by Maria Lopez" in page
    assert 'name="whose"' in page

    only_mine = client.get(url, {"whose": "mine"}).content.decode()
    assert mine.subject in only_mine and marias_ticket.subject not in only_mine
    theirs = client.get(url, {"whose": "organization"}).content.decode()
    assert marias_ticket.subject in theirs and mine.subject not in theirs


def test_the_filter_is_only_for_members_who_see_their_organisations_tickets(client, lopez):
    lopez.members_see_each_others_tickets = False
    lopez.save()
    client.force_login(member_of(lopez))

    assert 'name="whose"' not in client.get(reverse("tickets:list")).content.decode()


def test_a_colleagues_reply_emails_the_ticket_customer_not_the_colleague(
    client, marias_ticket, maria, manager, committed
):
    mail.outbox.clear()
    client.force_login(manager)
    with committed():
        response = client.post(marias_ticket.get_absolute_url(), {"body": "Fresh batch arrived."})

    assert response.status_code == 302
    delivery = EmailDelivery.objects.get(kind="participant_replied")
    assert delivery.to == maria.email
    assert not EmailDelivery.objects.filter(to=manager.email).exists()
    to_maria = [email for email in mail.outbox if maria.email in email.to]
    assert to_maria and "Fresh batch arrived." in to_maria[0].body
    assert "Luis Manager" in to_maria[0].body


def test_the_customers_own_reply_does_not_email_them(client, marias_ticket, maria, committed):
    client.force_login(maria)
    with committed():
        client.post(marias_ticket.get_absolute_url(), {"body": "Any news on this one?"})

    assert not EmailDelivery.objects.filter(to=maria.email).exists()


def test_any_member_links_an_order_of_the_organisation(client, lopez, maria, manager):
    shared = OrderFactory(customer=maria, organization=lopez)
    private = OrderFactory(customer=maria)

    ticket = open_ticket(manager, order=shared)
    assert ticket.order == shared
    with pytest.raises(ValidationError) as error:
        open_ticket(manager, order=private)
    assert "order" in error.value.message_dict
    with pytest.raises(ValidationError):
        open_ticket(CustomerFactory(), order=shared)

    client.force_login(manager)
    orders = client.get(reverse("tickets:orders")).content.decode()
    assert shared.number in orders and private.number not in orders


def test_an_agent_corrects_to_an_order_of_the_organisation(lopez, maria, manager):
    shared = OrderFactory(customer=manager, organization=lopez)
    ticket = open_ticket(maria)

    workflow.correct(ticket, by=AgentFactory(), order=shared, reason="The manager's order")

    ticket.refresh_from_db()
    assert ticket.order == shared


_numbers = itertools.count()


def add_organisation_tickets(lopez, count, openers):
    Ticket.objects.bulk_create(
        Ticket(
            number=f"TKTORG{next(_numbers):08d}",
            customer=openers[n % len(openers)],
            organization=lopez,
            subject=f"Organisation ticket {n}",
            description="A ticket of the organisation made for a size test.",
            order=OrderFactory(customer=openers[0], organization=lopez),
        )
        for n in range(count)
    )


def test_list_query_count_is_flat_from_5_to_50_organisation_tickets(client, lopez, manager):
    openers = [member_of(lopez) for _ in range(3)]
    add_organisation_tickets(lopez, 5, openers)
    client.force_login(manager)
    url = reverse("tickets:list")
    count_queries(client, url)
    small = count_queries(client, url)

    add_organisation_tickets(lopez, 45, [*openers, member_of(lopez), member_of(lopez)])

    assert count_queries(client, url) == small
    assert count_queries(client, url + "?whose=organization&q=Organisation") == small
    assert count_queries(client, reverse("tickets:orders")) == count_queries(
        client, reverse("tickets:orders")
    )
