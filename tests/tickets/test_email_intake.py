"""Email intake with real messages (tests/tickets/emails/): what each one becomes, fed to the
`ingest_email` command and to the anymail inbound webhook, which share one intake function."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tests.notifications.mail_helpers import inbox
from tests.tickets.intake_helpers import (
    authenticated,
    by_command,
    by_webhook,
    raw,
    replies,
)
from tests.utils import code_from_mail
from tickets import limits, workflow
from tickets.choices import Source, Status
from tickets.models import Attachment, InboundEmail, Ticket

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_mail_settings")]

Outcome = InboundEmail.Outcome
SUBJECT = "Missing items in my order"  # open_ticket's (tests.factories)


@pytest.fixture
def raj(db):
    return CustomerFactory(email="raj.patel@example.net", name="Raj Patel")


@pytest.fixture
def agent(db):
    return AgentFactory(name="Sam Rivera")


def answered_ticket(customer, agent, committed):
    """A customer's ticket, assigned, with a staff reply emailed to them; outbox cleared."""
    with committed():
        ticket = open_ticket(customer)
        workflow.assign(ticket, by=agent, assignee=agent)
        workflow.post_message(ticket, author=agent, body="We are sending the limes today.")
    mail.outbox.clear()
    return ticket


@pytest.fixture
def marias_ticket(maria, agent, committed):
    return answered_ticket(maria, agent, committed)


@pytest.fixture
def rajs_ticket(raj, agent, committed):
    return answered_ticket(raj, agent, committed)


# Answers to a ticket


def test_gmail_reply_through_the_command_becomes_a_reply_and_notifies_the_assignee(
    marias_ticket, maria, agent, committed, tmp_path
):
    with committed():
        output = by_command(raw("gmail_reply.eml", marias_ticket), tmp_path)

    (reply,) = replies(marias_ticket)
    assert reply.author == maria
    assert reply.body == (
        "Thanks! The driver just dropped off the limes, all 4 cases are here.\n\n"
        "One more thing: could you add 2 bags of cilantro to Friday's order?"
    )
    assert reply.email_message_id.startswith("<CAF8kX7=Rt2m9")
    assert not reply.is_internal and not reply.is_staff
    assert inbox() == {
        agent.email: [f"[Help Center] Ticket #{marias_ticket.number} - Customer replied: {SUBJECT}"]
    }
    assert "Thanks! The driver just dropped off the limes" in mail.outbox[0].body
    assert output.startswith("Added as a reply")


def test_gmail_reply_through_the_webhook_becomes_a_reply_and_notifies_the_assignee(
    marias_ticket, maria, agent, committed, client
):
    with committed():
        response = by_webhook(client, raw("gmail_reply.eml", marias_ticket))

    assert response.status_code == 200
    (reply,) = replies(marias_ticket)
    assert reply.author == maria
    assert reply.body.startswith("Thanks! The driver just dropped off the limes")
    assert InboundEmail.objects.get().channel == "Postmark"
    assert inbox() == {
        agent.email: [f"[Help Center] Ticket #{marias_ticket.number} - Customer replied: {SUBJECT}"]
    }


def test_the_webhook_refuses_a_request_without_its_secret(marias_ticket, client):
    response = by_webhook(client, raw("gmail_reply.eml", marias_ticket), secret="guess:wrong")

    assert response.status_code == 400
    assert not InboundEmail.objects.exists()
    assert replies(marias_ticket) == []


def test_the_same_message_twice_adds_one_reply(marias_ticket, agent, committed, client, tmp_path):
    message = raw("gmail_reply.eml", marias_ticket)

    with committed():
        by_command(message, tmp_path)
        assert by_webhook(client, message).status_code == 200
        output = by_command(message, tmp_path)

    assert len(replies(marias_ticket)) == 1
    assert InboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1
    assert output.startswith("Already received")


def test_outlook_reply_loses_the_quoted_history_and_the_signature_logo(
    rajs_ticket, raj, committed, tmp_path
):
    with committed():
        by_command(raw("outlook_reply.eml", rajs_ticket), tmp_path)

    (reply,) = replies(rajs_ticket)
    assert reply.author == raj
    assert reply.body == (
        "Hi,\n\nThe replacement freezer part arrived this morning, but it is the wrong size: "
        'the gasket is 24" and our unit needs 28". Can you send the right one?\n\n'
        "Best regards,\nRaj Patel\nPatel Corner Market"
    )
    assert not reply.attachments.exists()


def test_iphone_reply_keeps_the_photo_sent_inline(rajs_ticket, committed, tmp_path):
    with committed():
        by_command(raw("iphone_reply_with_photo.eml", rajs_ticket), tmp_path)

    (reply,) = replies(rajs_ticket)
    assert reply.body == "This is the label on the part they sent."
    (photo,) = reply.attachments.all()
    assert (photo.original_name, photo.content_type) == ("IMG_4821.png", "image/png")
    assert photo.size > 20_000


def test_reply_keeps_its_files_and_names_the_ones_the_web_would_refuse(
    marias_ticket, committed, tmp_path, client, maria
):
    with committed():
        by_command(raw("gmail_reply_with_attachments.eml", marias_ticket), tmp_path)

    (reply,) = replies(marias_ticket)
    assert reply.body.startswith(
        "Here are the delivery note and a photo of the crate. The labels are in the zip."
    )
    assert "Files not accepted: labels.zip is not a file type we accept" in reply.body
    files = {a.original_name: a.content_type for a in reply.attachments.all()}
    assert files == {"delivery-note.pdf": "application/pdf", "crate.png": "image/png"}
    client.force_login(maria)
    pdf = Attachment.objects.get(original_name="delivery-note.pdf")
    assert client.get(pdf.get_absolute_url()).status_code == 200


def test_the_email_admin_lists_attachment_names_without_bidi_controls(
    marias_ticket, committed, tmp_path
):
    message = raw("gmail_reply_with_attachments.eml", marias_ticket).replace(
        b'filename="labels.zip"', b"filename*=utf-8''labels%E2%80%AEpiz.exe"
    )
    with committed():
        by_command(message, tmp_path)

    record = InboundEmail.objects.get()
    assert "labelspiz.exe" in record.attachment_names
    assert not any("\u202e" in name for name in record.attachment_names)


def test_a_reply_sent_to_the_plain_address_is_routed_by_its_references(
    marias_ticket, committed, tmp_path
):
    with committed():
        by_command(
            authenticated(raw("thunderbird_reply_to_plain_address.eml", marias_ticket)), tmp_path
        )

    (reply,) = replies(marias_ticket)
    assert reply.body == "Yes, 9am tomorrow works for the delivery."


def test_a_new_message_naming_the_ticket_number_is_routed_by_its_subject(
    marias_ticket, committed, tmp_path
):
    with committed():
        by_command(
            authenticated(raw("new_message_quoting_ticket_number.eml", marias_ticket)), tmp_path
        )

    (reply,) = replies(marias_ticket)
    assert reply.body.startswith("Hi again, did the replacement limes ship yet?")
    assert Ticket.objects.count() == 1


def test_a_customer_reply_reopens_a_resolved_ticket(marias_ticket, agent, committed, tmp_path):
    workflow.change_status(marias_ticket, by=agent, status=Status.RESOLVED)

    with committed():
        by_command(raw("gmail_reply.eml", marias_ticket), tmp_path)

    marias_ticket.refresh_from_db()
    assert marias_ticket.status == Status.IN_PROGRESS
    assert len(replies(marias_ticket)) == 1


def test_a_reply_to_a_closed_ticket_opens_a_linked_follow_up(
    marias_ticket, maria, agent, committed, tmp_path
):
    workflow.change_status(marias_ticket, by=agent, status=Status.CLOSED)

    with committed():
        by_command(raw("gmail_reply.eml", marias_ticket), tmp_path)

    follow_up = Ticket.objects.exclude(pk=marias_ticket.pk).get()
    assert follow_up.previous_ticket == marias_ticket
    assert follow_up.customer == maria
    assert follow_up.source == Source.EMAIL
    assert follow_up.subject == marias_ticket.subject
    assert follow_up.description.startswith("Thanks! The driver just dropped off the limes")
    assert replies(marias_ticket) == []
    assert InboundEmail.objects.get().outcome == Outcome.NEW_TICKET


def test_a_long_reply_is_cut_to_fit_and_attached_whole(marias_ticket, committed, tmp_path):
    paragraph = "The cases were stacked by the back door and half of them were crushed. " * 40
    message = raw("thunderbird_reply_to_plain_address.eml", marias_ticket).replace(
        b"Yes, 9am tomorrow works for the delivery.", paragraph.encode()
    )
    message = authenticated(message)
    with committed():
        by_command(message, tmp_path)

    (reply,) = replies(marias_ticket)
    assert len(reply.body) <= limits.MESSAGE_MAX_LENGTH
    assert reply.body.endswith("[Cut short: the whole message is attached as message.txt.]")
    (whole,) = reply.attachments.all()
    assert whole.original_name == "message.txt"
    assert whole.file.read().decode() == paragraph.strip()


# New tickets


def test_a_new_request_from_a_known_customer_opens_an_email_ticket(raj, committed, tmp_path):
    with committed():
        by_command(raw("new_request_from_known_customer.eml"), tmp_path)

    ticket = Ticket.objects.get()
    assert (ticket.customer, ticket.source) == (raj, Source.EMAIL)
    assert ticket.subject == "Freezer making a loud grinding noise"
    assert ticket.description.startswith("Hello,\n\nSince last night the display freezer")
    assert inbox() == {
        raj.email: [f"[Help Center] Ticket #{ticket.number} - Received: {ticket.subject}"],
        "team@example.com": [
            f"[Help Center] Ticket #{ticket.number} - New ticket: {ticket.subject}"
        ],
    }


def test_an_html_only_message_opens_a_ticket_with_its_readable_text(maria, committed, tmp_path):
    with committed():
        by_command(raw("html_only_new_ticket.eml"), tmp_path)

    ticket = Ticket.objects.get()
    assert ticket.customer == maria
    assert ticket.subject == "Invoice – charged twice for order LT-0007"
    assert ticket.description == (
        "Hello,\n\nWe were charged twice for order LT-0007 on November 20:\n\n"
        "Visa ending 4242 – $412.50\nVisa ending 4242 – $412.50\n\n"
        "Please refund one of them. Our bookkeeper's café account is & was always in good "
        "standing.\n\nMaria\nLopez Taqueria"
    )
    assert "font-family" not in ticket.description and "trackOpen" not in ticket.description


def test_a_non_ascii_message_from_a_new_address_opens_a_ticket_for_a_new_customer(
    committed, tmp_path, client
):
    with committed():
        by_command(raw("non_ascii_new_ticket.eml"), tmp_path)

    ticket = Ticket.objects.get()
    customer = ticket.customer
    assert ticket.subject == "Pedido incompleto – faltan 2 cajas de limón"
    assert "faltan 2 cajas de limón y una de cilantro" in ticket.description
    assert (customer.email, customer.name) == ("jose.munoz@example.org", "José Muñoz")
    assert not customer.has_usable_password()
    assert customer.groups.filter(name="Customers").exists()
    assert not EmailAddress.objects.get(user=customer).verified
    receipt = mail.outbox[0]
    assert receipt.to == [customer.email]
    assert "sign in with a one-time code" in receipt.body

    # The new customer claims the account by signing in with a code sent to that address.
    mail.outbox.clear()
    client.post(reverse("account_request_login_code"), {"email": customer.email})
    client.post(reverse("account_confirm_login_code"), {"code": code_from_mail(mail.outbox[-1])})
    assert EmailAddress.objects.get(user=customer).verified
    assert ticket.number in client.get(reverse("tickets:list")).content.decode()


# Mail that is not a person writing to us


@pytest.mark.parametrize("name", ["outlook_auto_reply.eml", "vacation_autoresponder.eml"])
def test_an_auto_reply_to_our_email_is_ignored(
    name, rajs_ticket, marias_ticket, committed, tmp_path
):
    ticket = rajs_ticket if name.startswith("outlook") else marias_ticket
    with committed():
        output = by_command(raw(name, ticket), tmp_path)

    assert replies(ticket) == []
    assert Ticket.objects.count() == 2
    assert InboundEmail.objects.get().outcome == Outcome.IGNORED
    assert "Automatic reply" in output
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name, reason",
    [
        ("bounce.eml", "Bounce"),
        ("newsletter.eml", "Bulk or automatic mail"),
        ("mail_loop.eml", "mail loop"),
    ],
)
def test_bounces_newsletters_and_our_own_mail_are_ignored(
    name, reason, marias_ticket, committed, tmp_path
):
    with committed():
        by_command(raw(name, marias_ticket), tmp_path)

    record = InboundEmail.objects.get()
    assert record.outcome == Outcome.IGNORED
    assert reason in record.reason
    assert Ticket.objects.count() == 1
    assert replies(marias_ticket) == []
    assert mail.outbox == []


# Mail that must not land where it claims to


def test_a_stranger_carrying_a_customers_ticket_number_is_held_for_review(
    marias_ticket, committed, tmp_path
):
    with committed():
        output = by_command(raw("stranger_with_ticket_number.eml", marias_ticket), tmp_path)

    held = InboundEmail.objects.get()
    assert held.outcome == Outcome.HELD
    assert held.ticket == marias_ticket
    assert held.reason == (f"eve.marsh@example.org may not answer ticket {marias_ticket.number}.")
    assert "99 Harbor Road" in held.body_text
    assert replies(marias_ticket) == []
    assert not User.objects.filter(email="eve.marsh@example.org").exists()
    assert Ticket.objects.count() == 1
    assert mail.outbox == []
    assert output.startswith("Held for review")


def test_another_customer_using_a_reply_address_is_held_for_review(
    marias_ticket, raj, committed, tmp_path
):
    forwarded = raw("gmail_reply.eml", marias_ticket).replace(
        b"Maria Lopez <maria.lopez@example.com>", b"Raj Patel <raj.patel@example.net>"
    )
    with committed():
        by_command(forwarded, tmp_path)

    held = InboundEmail.objects.get()
    assert (held.outcome, held.ticket) == (Outcome.HELD, marias_ticket)
    assert replies(marias_ticket) == []


def test_a_message_marked_as_spam_by_the_provider_is_held(raj, client, committed):
    message = raw("new_request_from_known_customer.eml").replace(
        b"MIME-Version: 1.0", b"X-Spam-Status: Yes\nMIME-Version: 1.0"
    )
    with committed():
        response = by_webhook(client, message)

    assert response.status_code == 200
    assert InboundEmail.objects.get().outcome == Outcome.HELD
    assert not Ticket.objects.exists()


# Bad input


def test_a_message_without_a_sender_is_recorded_and_ignored(client, tmp_path):
    message = b"Subject: hello\nMessage-ID: <x1@example.com>\n\nNo From header at all.\n"

    assert by_webhook(client, message).status_code == 200
    by_command(message.replace(b"x1@", b"x2@"), tmp_path)

    assert set(InboundEmail.objects.values_list("outcome", "reason")) == {
        (Outcome.IGNORED, "The message has no sender address.")
    }


def test_garbage_is_not_an_error(client, tmp_path):
    assert by_webhook(client, b"\x00\xff not an email \x80").status_code == 200
    by_command(b"\xff\xfe\x00garbage without headers", tmp_path)

    assert InboundEmail.objects.filter(outcome=Outcome.IGNORED).count() == 2


def test_the_command_reads_standard_input(marias_ticket, monkeypatch, committed):
    stdin = io.TextIOWrapper(io.BytesIO(raw("gmail_reply.eml", marias_ticket)))
    monkeypatch.setattr("sys.stdin", stdin)
    with committed():
        call_command("ingest_email", "-", stdout=io.StringIO())

    assert len(replies(marias_ticket)) == 1


def test_the_command_explains_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("ingest_email", str(tmp_path / "nope.eml"))


ODD_MESSAGES = {
    "unknown charset": (
        b"From: i@example.com\nMessage-ID: <odd1@x>\nSubject: Order question here\n"
        b"Content-Type: text/html; charset=bogus-charset\n\n<p>Where is my order of Monday?</p>\n",
        Outcome.NEW_TICKET,
    ),
    "broken base64 attachment": (
        b"From: d@example.com\nSubject: Invoice attached\nMessage-ID: <odd2@x>\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\n"
        b"Please find the invoice for last week attached.\n--XX\nContent-Type: application/pdf\n"
        b"Content-Disposition: attachment; filename=a.pdf\nContent-Transfer-Encoding: base64\n\n"
        b"!!!!notbase64@@@\n--XX--\n",
        Outcome.NEW_TICKET,
    ),
    "undecodable headers": (
        b"From: \xff\xfe bad <b@example.com>\nSubject: =?x-unknown?Q?caf=E9?= \xe9t\xe9\n"
        b"Message-ID: <odd3@x>\nIn-Reply-To: garbage <<<>>> <also@bad\nReferences: \xff\n\n"
        b"A body \xe9 that is long enough to open a ticket.\n",
        Outcome.NEW_TICKET,
    ),
    "multipart without a boundary": (
        b"From: c@example.com\nSubject: Broken message\nMessage-ID: <odd4@x>\n"
        b"Content-Type: multipart/mixed\n\nno boundary\n",
        Outcome.NEW_TICKET,  # no text we can read: the subject says what it is about
    ),
    "unparseable sender": (b"From: <>\nMessage-ID: <odd5@x>\n\nempty sender\n", Outcome.IGNORED),
}


@pytest.mark.parametrize("name", ODD_MESSAGES)
def test_odd_messages_are_recorded_never_crash(name, client):
    message, outcome = ODD_MESSAGES[name]

    assert by_webhook(client, message).status_code == 200

    assert InboundEmail.objects.get().outcome == outcome
