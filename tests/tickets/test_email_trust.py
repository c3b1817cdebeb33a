"""Forged email never becomes a reply, and the help desk relays no one's text.

A message reaches an existing ticket only through the ticket's signed reply address, or by naming
the ticket (our Message-IDs, its number) from a participant whose mail passes authentication:
our receiving server's Authentication-Results (a trusted authserv-id) or the provider's verdict.
Mail from staff never posts. Whatever fails is held: nothing posted, nobody emailed.
"""

import pytest
from anymail.inbound import AnymailInboundMessage
from django.core import mail

from accounts.models import User
from notifications.models import EmailDelivery
from tests.factories import CustomerFactory, open_ticket
from tests.notifications.mail_helpers import html_of
from tests.tickets.intake_helpers import (
    OUR_MX,
    authenticated,
    by_command,
    by_webhook,
    from_sender,
    raw,
    replies,
)
from tickets import limits, workflow
from tickets.intake import authentication
from tickets.models import InboundEmail, Ticket

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_mail_settings")]

Outcome = InboundEmail.Outcome
MARIA = "Maria Lopez <maria.lopez@example.com>"


@pytest.fixture
def marias_ticket(maria, agent, committed):
    """Maria's ticket with a staff reply emailed to her (its reply address, its Message-ID)."""
    with committed():
        ticket = open_ticket(maria)
        workflow.post_message(ticket, author=agent, body="We are sending the limes today.")
    mail.outbox.clear()
    return ticket


def assert_held_and_silent(ticket, reason_part):
    """Held with a reason, nothing posted, no ticket opened, nobody emailed."""
    record = InboundEmail.objects.get()
    assert record.outcome == Outcome.HELD
    assert reason_part in record.reason
    assert replies(ticket) == []
    assert Ticket.objects.count() == 1
    assert mail.outbox == []
    assert not EmailDelivery.objects.filter(created_at__gte=record.received_at).exists()
    return record


# Staff never post by email


def test_an_agents_address_with_the_ticket_number_in_the_subject_is_held(
    marias_ticket, agent, committed, tmp_path
):
    forged = authenticated(
        from_sender(raw("stranger_with_ticket_number.eml", marias_ticket), f"Sam <{agent.email}>")
    )
    with committed():
        by_command(forged, tmp_path)

    record = assert_held_and_silent(marias_ticket, "is a staff account")
    assert "admin or the API" in record.reason
    assert record.ticket == marias_ticket


def test_an_agents_address_with_a_valid_reply_address_is_held(
    marias_ticket, agent, committed, tmp_path
):
    with committed():
        by_command(from_sender(raw("gmail_reply.eml", marias_ticket), agent.email), tmp_path)

    assert_held_and_silent(marias_ticket, "and email never posts as staff")


def test_staff_email_about_no_ticket_opens_none(agent, committed, tmp_path):
    message = from_sender(raw("new_request_from_known_customer.eml"), agent.email)
    with committed():
        by_command(message, tmp_path)

    record = InboundEmail.objects.get()
    assert (record.outcome, record.ticket) == (Outcome.HELD, None)
    assert "and staff email opens no ticket" in record.reason
    assert not Ticket.objects.exists()
    assert mail.outbox == []


# Naming a ticket proves nothing without authentication


def test_a_customers_address_with_the_ticket_number_unauthenticated_is_held(
    marias_ticket, committed, tmp_path
):
    with committed():
        by_command(raw("new_message_quoting_ticket_number.eml", marias_ticket), tmp_path)

    record = assert_held_and_silent(marias_ticket, "nothing proves maria.lopez@example.com sent it")
    assert "no verdict from our mail server or provider" in record.reason
    assert record.ticket == marias_ticket


def test_an_answer_to_our_own_email_unauthenticated_is_held(marias_ticket, committed, tmp_path):
    with committed():
        by_command(raw("thunderbird_reply_to_plain_address.eml", marias_ticket), tmp_path)

    assert_held_and_silent(marias_ticket, "nothing proves maria.lopez@example.com sent it")


@pytest.mark.parametrize(
    "corpus", ["thunderbird_reply_to_plain_address.eml", "new_message_quoting_ticket_number.eml"]
)
def test_an_authenticated_customer_naming_the_ticket_adds_a_reply(
    corpus, marias_ticket, maria, agent, committed, tmp_path
):
    with committed():
        by_command(authenticated(raw(corpus, marias_ticket)), tmp_path)

    (reply,) = replies(marias_ticket)
    assert reply.author == maria
    assert InboundEmail.objects.get().outcome == Outcome.REPLY


def test_authentication_results_of_another_server_do_not_count(marias_ticket, committed, tmp_path):
    message = authenticated(
        raw("thunderbird_reply_to_plain_address.eml", marias_ticket),
        authserv_id="mx.attacker.example",
    )
    with committed():
        by_command(message, tmp_path)

    assert_held_and_silent(marias_ticket, "no verdict from our mail server or provider")


def test_a_forged_pass_below_our_servers_fail_does_not_count(marias_ticket, committed, tmp_path):
    forged = authenticated(raw("thunderbird_reply_to_plain_address.eml", marias_ticket))
    ours = authenticated(forged, "dmarc=fail (p=reject) header.from=example.com")
    with committed():
        by_command(ours, tmp_path)

    assert_held_and_silent(marias_ticket, f"dmarc=fail ({OUR_MX})")


def test_another_customer_authenticated_on_the_ticket_is_held(marias_ticket, committed, tmp_path):
    CustomerFactory(email="raj.patel@example.net")
    message = authenticated(
        from_sender(
            raw("new_message_quoting_ticket_number.eml", marias_ticket), "raj.patel@example.net"
        )
    )
    with committed():
        by_command(message, tmp_path)

    assert_held_and_silent(marias_ticket, "may not answer ticket")


# The provider's verdict, for mail its own webhook delivers


POSTMARK_SPF = {
    "Name": "Received-SPF",
    "Value": "Pass (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.7; "
    "helo=mail.example.com; envelope-from=maria.lopez@example.com; receiver=inbound",
}


def test_postmarks_spf_pass_for_the_senders_domain_adds_a_reply(
    marias_ticket, settings, client, committed
):
    settings.INBOUND_EMAIL_PROVIDER = "postmark"
    message = raw("thunderbird_reply_to_plain_address.eml", marias_ticket)
    with committed():
        assert by_webhook(client, message, headers=[POSTMARK_SPF]).status_code == 200

    assert len(replies(marias_ticket)) == 1


def test_a_providers_verdict_counts_only_for_the_configured_provider(
    marias_ticket, settings, client, committed
):
    settings.INBOUND_EMAIL_PROVIDER = "mailgun"
    message = raw("thunderbird_reply_to_plain_address.eml", marias_ticket)
    with committed():
        by_webhook(client, message, headers=[POSTMARK_SPF])

    assert_held_and_silent(marias_ticket, "no verdict")


def test_a_second_received_spf_makes_postmarks_verdict_void(
    marias_ticket, settings, client, committed
):
    settings.INBOUND_EMAIL_PROVIDER = "postmark"
    ours = {"Name": "Received-SPF", "Value": "Fail identity=mailfrom; envelope-from=x@example.com"}
    message = raw("thunderbird_reply_to_plain_address.eml", marias_ticket)
    with committed():
        by_webhook(client, message, headers=[ours, POSTMARK_SPF])

    assert_held_and_silent(marias_ticket, "no verdict")


def test_a_file_fed_to_the_command_carries_no_provider_verdict(
    marias_ticket, settings, committed, tmp_path
):
    settings.INBOUND_EMAIL_PROVIDER = "mailgun"
    message = b"X-Mailgun-Spf: Pass\nX-Mailgun-Dkim-Check-Result: Pass\n" + raw(
        "thunderbird_reply_to_plain_address.eml", marias_ticket
    )
    with committed():
        by_command(message, tmp_path)

    assert_held_and_silent(marias_ticket, "no verdict")


# The signed reply address


def test_a_valid_reply_address_adds_the_reply_without_authentication(
    marias_ticket, maria, committed, tmp_path
):
    with committed():
        by_command(raw("gmail_reply.eml", marias_ticket), tmp_path)

    (reply,) = replies(marias_ticket)
    assert reply.author == maria


def _tampered(address):
    local, _, domain = address.partition("@")
    last = "0" if local[-1] != "0" else "1"
    return f"{local[:-1]}{last}@{domain}"


def _truncated(address):
    local, _, domain = address.partition("@")
    return f"{local[:-6]}@{domain}"


@pytest.mark.parametrize("damage", [_tampered, _truncated], ids=["tampered", "truncated"])
def test_a_damaged_reply_address_is_held_not_a_new_ticket(
    damage, marias_ticket, committed, tmp_path
):
    message = raw("gmail_reply.eml", marias_ticket)
    reply_to = EmailDelivery.objects.filter(ticket=marias_ticket).latest("pk").reply_to
    message = message.replace(reply_to.encode(), damage(reply_to).encode())
    with committed():
        by_command(authenticated(message), tmp_path)

    record = assert_held_and_silent(marias_ticket, "a reply address we did not make")
    assert damage(reply_to) in record.reason


def test_a_made_up_reply_address_on_a_new_request_is_held(committed, tmp_path):
    message = raw("new_request_from_known_customer.eml").replace(
        b"<support@reply.example.com>",
        b"<support+tkt000000000001-0123456789abcdef0123@reply.example.com>",
    )
    with committed():
        by_command(message, tmp_path)

    record = InboundEmail.objects.get()
    assert record.outcome == Outcome.HELD
    assert "a reply address we did not make" in record.reason
    assert not Ticket.objects.exists()
    assert mail.outbox == []


# What counts as authenticated (RFC 8601 results from our server)


def _message(*results):
    fields = "".join(f"Authentication-Results: {value}\n" for value in results)
    return AnymailInboundMessage.parse_raw_mime(
        f"{fields}From: maria@shop.example.com\nSubject: hi\n\nHello\n"
    )


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        ([f"{OUR_MX}; dmarc=pass header.from=shop.example.com"], True),
        ([f"{OUR_MX} 1; dkim=pass (good signature) header.d=example.com header.s=s1"], True),
        ([f"{OUR_MX}; spf=pass smtp.mailfrom=bounce@shop.example.com"], True),
        ([f"{OUR_MX.upper()}; dkim=pass header.i=@shop.example.com"], True),
        ([f"{OUR_MX}; dmarc=pass header.from=other.example"], False),
        ([f"{OUR_MX}; dkim=pass header.d=attacker.example"], False),
        ([f"{OUR_MX}; dkim=pass header.d=sub.shop.example.com"], False),
        (
            [
                f"{OUR_MX}; spf=pass smtp.mailfrom=x@attacker.example; "
                "dkim=fail header.d=shop.example.com"
            ],
            False,
        ),
        ([f"{OUR_MX}; spf=softfail smtp.mailfrom=shop.example.com"], False),
        ([f"{OUR_MX}; none"], False),
        ([f'{OUR_MX}; dkim=fail reason="bad; sig" header.d=shop.example.com'], False),
        (["mx.attacker.example; dmarc=pass header.from=shop.example.com"], False),
        ([f"{OUR_MX} (comment; dmarc=pass header.from=shop.example.com); spf=none"], False),
        (
            [
                f"{OUR_MX}; dmarc=fail header.from=shop.example.com",
                f"{OUR_MX}; dmarc=pass header.from=shop.example.com",
            ],
            False,
        ),
        (
            [
                f"{OUR_MX}; spf=fail smtp.mailfrom=shop.example.com",
                f"{OUR_MX}; dkim=pass header.d=shop.example.com",
            ],
            True,
        ),
    ],
)
def test_what_our_servers_results_authenticate(results, expected):
    verdict = authentication.verdict(
        _message(*results), "maria@shop.example.com", channel="command"
    )

    assert verdict.authenticated is expected, verdict.evidence


def test_amazon_ses_dmarc_verdict_counts_for_its_webhook(settings):
    settings.INBOUND_EMAIL_PROVIDER = "amazon_ses"
    passed = {"receipt": {"dmarcVerdict": {"status": "PASS"}}}
    failed = {"receipt": {"dmarcVerdict": {"status": "FAIL"}}}

    def verdict(event, channel="Amazon SES"):
        return authentication.verdict(
            _message(), "maria@shop.example.com", channel=channel, esp_event=event
        ).authenticated

    assert verdict(passed)
    assert not verdict(failed)
    assert not verdict(passed, channel="Postmark")


def test_mailgun_dkim_pass_counts_only_when_every_signature_is_the_senders_domain(settings):
    settings.INBOUND_EMAIL_PROVIDER = "mailgun"

    def verdict(*signers):
        fields = "".join(f"DKIM-Signature: v=1; a=rsa-sha256; d={d}; s=s1; b=x\n" for d in signers)
        message = AnymailInboundMessage.parse_raw_mime(
            "X-Mailgun-Spf: Neutral\nX-Mailgun-Dkim-Check-Result: Pass\n"
            f"{fields}From: maria@shop.example.com\n\nHello\n"
        )
        return authentication.verdict(
            message, "maria@shop.example.com", channel="Mailgun", esp_event=object()
        ).authenticated

    assert verdict("shop.example.com")
    assert not verdict("shop.example.com", "attacker.example")
    assert not verdict("attacker.example")


# No spam relay


def test_a_stranger_flooding_us_gets_a_few_receipts_that_repeat_nothing(committed, client):
    spam = (
        "From: Buy Pills <victim@stranger.example>\nTo: support@reply.example.com\n"
        "Subject: CHEAP PILLS at pills.example\nMessage-ID: <spam{n}@stranger.example>\n\n"
        "Visit https://pills.example for the best prices on everything.\n"
    )
    with committed():
        for n in range(12):
            assert by_webhook(client, spam.format(n=n).encode()).status_code == 200

    stranger = User.objects.get(email="victim@stranger.example")
    assert Ticket.objects.filter(customer=stranger).count() == limits.NEW_TICKETS_PER_HOUR
    receipts = [m for m in mail.outbox if m.to == ["victim@stranger.example"]]
    assert 1 <= len(receipts) <= limits.UNCONFIRMED_RECEIPTS_PER_HOUR
    to_stranger = "\n".join(f"{m.subject}\n{m.body}\n{html_of(m)}" for m in receipts)
    for text in ("PILLS", "pills.example", "best prices", "Buy Pills"):
        assert text not in to_stranger
    assert "We received your email" in to_stranger
    assert "sign in with a one-time code" in to_stranger


def test_a_confirmed_customer_keeps_the_full_receipt(maria, committed, tmp_path):
    message = from_sender(raw("new_request_from_known_customer.eml"), MARIA)
    with committed():
        by_command(message, tmp_path)

    (receipt,) = [m for m in mail.outbox if m.to == [maria.email]]
    assert "Freezer making a loud grinding noise" in receipt.body
    assert "Since last night the display freezer" in receipt.body
    assert "Hello Maria" in receipt.body
