"""CCs and followers: who may copy whom, what the people copied see and get by email (never
internal notes), what followers hear, and how email intake treats both."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from notifications.models import EmailDelivery
from tests.factories import AgentFactory, CustomerFactory, UserFactory, open_ticket
from tests.notifications.mail_helpers import everything_sent, inbox
from tests.tickets.intake_helpers import by_webhook
from tests.utils import count_queries
from tickets import limits, workflow
from tickets.choices import Source, Status
from tickets.models import InboundEmail, Message, Ticket, TicketCC
from tickets.permissions import (
    can_view_ticket,
    is_participant,
    visible_attachments,
    visible_tickets,
)
from tickets.reply_tokens import reply_address

pytestmark = pytest.mark.django_db

Outcome = InboundEmail.Outcome
NOTE = "INTERNAL: the supplier owes us two cases."


@pytest.fixture
def colleague(db):
    return CustomerFactory(email="manager@example.net", name="Dana Manager")


@pytest.fixture
def copied_ticket(customer, colleague, committed):
    with committed():
        ticket = open_ticket(customer, cc=[colleague.email, "Buyer@Example.org"])
    mail.outbox.clear()
    return ticket


def addresses(ticket):
    return list(ticket.ccs.values_list("email", flat=True))


# Adding and removing


def test_the_contact_forms_ccs_are_copied_lower_case_and_linked_to_confirmed_accounts(
    copied_ticket, colleague
):
    ccs = {cc.email: cc.user for cc in copied_ticket.ccs.all()}
    assert ccs == {colleague.email: colleague, "buyer@example.org": None}


def test_every_bad_address_is_named_at_once_and_nothing_changes(copied_ticket, customer):
    with pytest.raises(ValidationError) as caught:
        workflow.add_ccs(
            copied_ticket,
            ["not-an-address", "support@example.com", customer.email, "ok@example.org", "x@"],
            by=customer,
        )
    problems = caught.value.message_dict["cc"]
    assert len(problems) == 4
    assert "“not-an-address” is not an email address." in problems
    assert "“x@” is not an email address." in problems
    assert any("help desk's own address" in problem for problem in problems)
    assert any("the ticket's own customer" in problem for problem in problems)
    assert "ok@example.org" not in addresses(copied_ticket)


def test_our_reply_addresses_are_never_copied(copied_ticket, customer):
    with pytest.raises(ValidationError):
        workflow.add_cc(copied_ticket, reply_address(copied_ticket), by=customer)


def test_a_ticket_takes_at_most_the_limit_of_ccs(customer):
    ticket = open_ticket(customer, cc=[f"p{n}@example.org" for n in range(limits.CC_MAX)])

    with pytest.raises(ValidationError) as caught:
        workflow.add_cc(ticket, "one-more@example.org", by=customer)

    assert caught.value.message_dict["cc"] == [
        f"A ticket may be copied to at most {limits.CC_MAX} people."
    ]
    assert ticket.ccs.count() == limits.CC_MAX
    with pytest.raises(ValidationError):
        open_ticket(customer, cc=[f"q{n}@example.org" for n in range(limits.CC_MAX + 1)])


def test_adding_and_removing_are_recorded_in_the_history_with_who(copied_ticket, customer):
    workflow.add_cc(copied_ticket, "third@example.org", by=customer)
    workflow.remove_cc(copied_ticket, "third@example.org", by=customer)

    reasons = list(
        copied_ticket.history.order_by("history_id").values_list(
            "history_change_reason", "history_user"
        )
    )
    assert ("CC added: manager@example.net, buyer@example.org", customer.pk) in reasons
    assert reasons[-2:] == [
        ("CC added: third@example.org", customer.pk),
        ("CC removed: third@example.org", customer.pk),
    ]


def test_adding_an_address_already_copied_changes_nothing(copied_ticket, customer):
    before = copied_ticket.history.count()
    workflow.add_cc(copied_ticket, "BUYER@example.org", by=customer)
    assert copied_ticket.history.count() == before


def test_who_may_change_the_ccs(copied_ticket, customer, colleague, agent):
    stranger = CustomerFactory()
    with pytest.raises(PermissionDenied):
        workflow.add_cc(copied_ticket, "x@example.org", by=stranger)
    with pytest.raises(PermissionDenied):
        workflow.remove_cc(copied_ticket, "buyer@example.org", by=colleague)  # someone else
    workflow.add_cc(copied_ticket, "by-agent@example.org", by=agent)
    workflow.remove_cc(copied_ticket, colleague.email, by=colleague)  # themselves
    assert addresses(copied_ticket) == ["buyer@example.org", "by-agent@example.org"]


# What the people copied see


def test_a_cc_with_an_account_sees_the_ticket_but_never_internal_notes(
    copied_ticket, colleague, agent, client
):
    workflow.post_message(copied_ticket, author=agent, body=NOTE, internal=True)
    assert list(visible_tickets(colleague)) == [copied_ticket]
    assert can_view_ticket(colleague, copied_ticket)
    assert is_participant(colleague, copied_ticket)
    assert not visible_attachments(colleague).filter(message__is_internal=True).exists()

    client.force_login(colleague)
    page = client.get(copied_ticket.get_absolute_url())
    api = client.get(reverse("api:ticket", args=[copied_ticket.number]))

    assert page.status_code == 200 and NOTE not in page.content.decode()
    assert api.status_code == 200 and NOTE not in api.content.decode()
    assert api.json()["cc"] == [colleague.email, "buyer@example.org"]


def test_an_unconfirmed_account_with_the_address_sees_nothing(customer):
    squatter = UserFactory(email="boss@example.org", verified=False)
    EmailAddress.objects.create(user=squatter, email=squatter.email, primary=True, verified=False)
    ticket = open_ticket(customer, cc=["boss@example.org"])
    assert ticket.ccs.get().user is None
    assert not visible_tickets(squatter).exists()


def test_removing_a_cc_ends_their_access_and_their_emails_at_once(
    copied_ticket, colleague, customer, agent, client, committed
):
    workflow.remove_cc(copied_ticket, colleague.email, by=customer)
    with committed():
        workflow.post_message(copied_ticket, author=agent, body="On its way.")

    client.force_login(colleague)
    assert client.get(copied_ticket.get_absolute_url()).status_code == 404
    assert colleague.email not in inbox()
    assert not visible_tickets(colleague).exists()


# Their emails


def test_ccs_get_public_replies_with_their_own_reply_address_never_notes(
    copied_ticket, agent, committed
):
    with committed():
        workflow.post_message(copied_ticket, author=agent, body=NOTE, internal=True)
        workflow.post_message(copied_ticket, author=agent, body="The limes ship today.")

    assert set(inbox()) == {
        copied_ticket.customer.email,
        "manager@example.net",
        "buyer@example.org",
    }
    assert NOTE not in everything_sent()
    to_buyer = EmailDelivery.objects.get(to="buyer@example.org")
    to_customer = EmailDelivery.objects.get(to=copied_ticket.customer.email, kind="staff_replied")
    assert to_buyer.reply_to == reply_address(copied_ticket, copied="buyer@example.org")
    assert to_buyer.reply_to != to_customer.reply_to == reply_address(copied_ticket)


def test_ccs_hear_of_the_resolution_without_the_customers_rating_links(
    copied_ticket, agent, committed
):
    with committed():
        workflow.change_status(copied_ticket, by=agent, status=Status.RESOLVED)

    to_buyer = EmailDelivery.objects.get(to="buyer@example.org")
    assert "Solved" in to_buyer.subject
    assert "/rate/" not in to_buyer.body_text
    to_customer = EmailDelivery.objects.get(to=copied_ticket.customer.email, kind="ticket_resolved")
    assert "/rate/" in to_customer.body_text


def test_the_customer_hears_a_ccs_reply_and_the_cc_does_not_hear_their_own(
    copied_ticket, colleague, committed
):
    with committed():
        workflow.post_message(copied_ticket, author=colleague, body="Any news on this?")

    sent = inbox()
    assert copied_ticket.customer.email in sent and "buyer@example.org" in sent
    assert colleague.email not in sent


# Followers


def test_followers_hear_of_every_update_but_their_own(copied_ticket, customer, committed):
    follower, other = AgentFactory(), AgentFactory()
    workflow.follow(copied_ticket, follower)
    with committed():
        workflow.post_message(copied_ticket, author=other, body=NOTE, internal=True)
        workflow.post_message(copied_ticket, author=customer, body="Still waiting here.")
        workflow.change_status(copied_ticket, by=other, status=Status.WAITING_ON_CUSTOMER)
    assert len(inbox()[follower.email]) == 3

    mail.outbox.clear()
    with committed():
        workflow.post_message(copied_ticket, author=follower, body="Mine.", internal=True)
    assert follower.email not in inbox()

    workflow.unfollow(copied_ticket, follower)
    with committed():
        workflow.post_message(copied_ticket, author=other, body="Again.", internal=True)
    assert follower.email not in inbox()


def test_only_staff_follow(copied_ticket, customer, agent):
    with pytest.raises(PermissionDenied):
        workflow.follow(copied_ticket, customer)
    with pytest.raises(ValidationError):
        workflow.follow(copied_ticket, customer, by=agent)
    workflow.follow(copied_ticket, agent)
    workflow.follow(copied_ticket, agent)
    assert list(copied_ticket.followers.all()) == [agent]
    assert copied_ticket.history.filter(history_change_reason__startswith="Followed").count() == 1


# Email intake


def cc_answer(ticket, sender, *, to, body="Thanks, that works for us."):
    return (
        f"From: Someone <{sender}>\nTo: {to}\nSubject: Re: Ticket #{ticket.number}\n"
        f"Message-ID: <{abs(hash((sender, to, body)))}@mail.example.org>\n\n{body}\n"
    ).encode()


@pytest.mark.usefixtures("intake_mail_settings")
def test_a_plain_address_cc_answering_with_its_reply_address_is_posted_as_them(
    copied_ticket, client, committed
):
    address = reply_address(copied_ticket, copied="buyer@example.org")
    with committed():
        by_webhook(client, cc_answer(copied_ticket, "buyer@example.org", to=address))

    reply = Message.objects.get(ticket=copied_ticket, source=Source.EMAIL)
    assert reply.author.email == "buyer@example.org"
    assert copied_ticket.ccs.get(email="buyer@example.org").user == reply.author
    assert InboundEmail.objects.get().outcome == Outcome.REPLY


@pytest.mark.usefixtures("intake_mail_settings")
def test_a_ccs_reply_address_speaks_for_that_cc_alone(copied_ticket, client, colleague):
    address = reply_address(copied_ticket, copied="buyer@example.org")
    by_webhook(client, cc_answer(copied_ticket, colleague.email, to=address))

    assert InboundEmail.objects.get().outcome == Outcome.HELD
    assert not Message.objects.filter(source=Source.EMAIL).exists()


@pytest.mark.usefixtures("intake_mail_settings")
def test_a_removed_cc_answering_is_held(copied_ticket, customer, client):
    address = reply_address(copied_ticket, copied="buyer@example.org")
    workflow.remove_cc(copied_ticket, "buyer@example.org", by=customer)
    by_webhook(client, cc_answer(copied_ticket, "buyer@example.org", to=address))

    assert InboundEmail.objects.get().outcome == Outcome.HELD


@pytest.mark.usefixtures("intake_mail_settings")
def test_a_new_email_copies_its_cc_addresses_but_never_ours_and_up_to_the_limit(
    customer, client, settings
):
    ccs = ", ".join(
        ["team@example.com", "Support@Reply.example.com"]
        + [f"p{n}@example.org" for n in range(limits.CC_MAX + 2)]
    )
    message = (
        f"From: {customer.email}\nTo: support@reply.example.com\nCc: {ccs}\n"
        "Subject: Order never came!\nMessage-ID: <cc-new@x>\n\nOrder never came!\n"
    )
    by_webhook(client, message.encode())

    ticket = Ticket.objects.get()
    assert addresses(ticket) == [f"p{n}@example.org" for n in range(limits.CC_MAX)]
    record = InboundEmail.objects.get()
    assert record.outcome == Outcome.NEW_TICKET
    assert "Not copied on the ticket: team@example.com" in record.reason
    assert f"p{limits.CC_MAX}@example.org" in record.reason


@pytest.mark.usefixtures("intake_mail_settings")
@pytest.mark.parametrize(
    ("subject", "body", "expected_subject", "expected_description"),
    [
        ("Order never came!", "Order never came!", "Order never came!", "Order never came!"),
        (
            "",
            "Where is my order of limes from Monday?",
            "Where is my order of limes from Monday?",
            "Where is my order of limes from Monday?",
        ),
        ("Hi", "", "Hi", "Hi"),
        ("", "Hello", "Hello", "Hello"),
    ],
)
def test_a_short_or_subject_less_email_becomes_a_ticket(
    customer, client, subject, body, expected_subject, expected_description
):
    message = (
        f"From: {customer.email}\nTo: support@reply.example.com\nSubject: {subject}\n"
        f"Message-ID: <short-{abs(hash((subject, body)))}@x>\n\n{body}\n"
    ).encode()
    by_webhook(client, message)

    ticket = Ticket.objects.get()
    assert (ticket.subject, ticket.description) == (expected_subject, expected_description)
    assert InboundEmail.objects.get().outcome == Outcome.NEW_TICKET


def test_the_web_forms_minimum_lengths_still_hold_on_the_web(customer):
    with pytest.raises(ValidationError) as caught:
        open_ticket(customer, subject="Hi", description="Order never came!")
    assert set(caught.value.message_dict) == {"subject", "description"}


# Pages and the API


def test_the_ticket_page_adds_ccs_with_every_bad_address_by_the_field(
    copied_ticket, customer, client
):
    client.force_login(customer)
    url = copied_ticket.get_absolute_url()
    response = client.post(url, {"cc_add": "1", "cc": "nope, also@bad@x, new@example.org"})

    assert response.status_code == 200
    form = response.context["cc_form"]
    assert len(form.errors["cc"]) == 2
    assert "nope, also@bad@x, new@example.org" in response.content.decode()
    assert "new@example.org" not in addresses(copied_ticket)

    response = client.post(url, {"cc_add": "1", "cc": "new@example.org"})
    assert response.status_code == 302
    assert "new@example.org" in addresses(copied_ticket)
    client.post(url, {"cc_remove": "new@example.org"})
    assert "new@example.org" not in addresses(copied_ticket)


def test_the_ticket_pages_queries_stay_flat_with_more_ccs(customer, client):
    counts = []
    for how_many in (1, limits.CC_MAX):
        ticket = open_ticket(customer, cc=[f"c{how_many}-{n}@example.org" for n in range(how_many)])
        client.force_login(customer)
        counts.append(count_queries(client, ticket.get_absolute_url()))
    assert counts[0] == counts[1]


def test_the_api_sets_the_whole_list_with_the_workflows_checks(copied_ticket, customer, client):
    client.force_login(customer)
    url = reverse("api:ticket-cc", args=[copied_ticket.number])

    bad = client.put(url, {"cc": ["nope", "fine@example.org"]}, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"cc": ["“nope” is not an email address."]}
    assert addresses(copied_ticket) == ["manager@example.net", "buyer@example.org"]

    good = client.put(url, {"cc": ["fine@example.org"]}, content_type="application/json")
    assert good.status_code == 200
    assert good.json() == {"cc": ["fine@example.org"]}
    assert client.get(url).json() == {"cc": ["fine@example.org"]}


def test_the_api_hides_the_ccs_of_others_tickets(copied_ticket, client):
    client.force_login(CustomerFactory())
    url = reverse("api:ticket-cc", args=[copied_ticket.number])
    assert client.get(url).status_code == 404
    assert client.put(url, {"cc": []}, content_type="application/json").status_code == 404


def test_the_admin_ticket_view_adds_and_removes_ccs_and_follows(copied_ticket, agent, client):
    client.force_login(agent)
    url = reverse("wagtailsnippets_tickets_ticket:edit", args=[copied_ticket.pk])
    page = client.get(url)
    assert page.status_code == 200 and "buyer@example.org" in page.content.decode()

    bad = client.post(url, {"action": "cc_add", "cc": "nope"})
    assert bad.status_code == 400 and "“nope” is not an email address." in bad.content.decode()
    client.post(url, {"action": "cc_add", "cc": "agent-added@example.org"})
    client.post(url, {"action": "cc_remove", "email": "buyer@example.org"})
    client.post(url, {"action": "follow"})

    assert addresses(copied_ticket) == ["manager@example.net", "agent-added@example.org"]
    assert list(copied_ticket.followers.all()) == [agent]
    assert TicketCC.objects.filter(ticket=copied_ticket).count() == 2


@pytest.mark.usefixtures("intake_mail_settings")
def test_a_reply_to_all_from_a_cc_copies_no_one_twice_and_leaves_no_one_out(
    copied_ticket, client, customer
):
    address = reply_address(copied_ticket, copied="buyer@example.org")
    message = (
        f"From: buyer@example.org\nTo: {address}\n"
        f"Cc: {customer.email}, manager@example.net, support@reply.example.com, new@example.org\n"
        f"Subject: Re: Ticket #{copied_ticket.number}\nMessage-ID: <all@x>\n\nSounds good.\n"
    )
    by_webhook(client, message.encode())

    record = InboundEmail.objects.get()
    assert record.outcome == Outcome.REPLY
    assert addresses(copied_ticket) == [
        "manager@example.net",
        "buyer@example.org",
        "new@example.org",
    ]
    assert record.reason == (
        f"Ticket {copied_ticket.number}. Not copied on the ticket: support@reply.example.com."
    )


def test_an_account_copied_under_two_of_its_addresses_sees_the_ticket_once(customer, colleague):
    EmailAddress.objects.create(user=colleague, email="dana@example.org", verified=True)
    ticket = open_ticket(customer, cc=[colleague.email, "dana@example.org"])

    assert set(ticket.ccs.values_list("user", flat=True)) == {colleague.pk}
    assert list(visible_tickets(colleague)) == [ticket]
    assert visible_tickets(colleague).count() == 1


def test_the_portal_lists_tickets_one_is_copied_on(copied_ticket, colleague, client):
    client.force_login(colleague)
    response = client.get(reverse("tickets:list"))
    assert copied_ticket.number in response.content.decode()
