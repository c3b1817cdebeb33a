"""Feeding real messages (tests/tickets/emails/) to email intake, through the `ingest_email`
command or the anymail inbound webhook, as our receiving mail server would hand them over."""

import base64
import io
import json
import re
from pathlib import Path

from django.core.management import call_command

from notifications.models import EmailDelivery
from tickets.choices import Source
from tickets.models import Message

CORPUS = Path(__file__).parent / "emails"
WEBHOOK_SECRET = "postmark:s3cret-hook"
# The authserv-id of "our" receiving mail server (settings.INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS).
OUR_MX = "mx.reply.example.com"


def mail_settings(settings):
    settings.INBOUND_EMAIL_ADDRESS = "support@reply.example.com"
    settings.INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS = [OUR_MX]
    settings.SUPPORT_TEAM_EMAIL = "team@example.com"
    settings.ANYMAIL = {"WEBHOOK_SECRET": WEBHOOK_SECRET}


def raw(name, ticket=None):
    """A corpus message, pointed at the ticket's last email (its reply address, Message-ID)."""
    text = (CORPUS / name).read_text()
    if ticket is not None:
        email = EmailDelivery.objects.filter(ticket=ticket).latest("created_at", "pk")
        text = (
            text.replace("%%TICKET%%", ticket.number)
            .replace("%%REPLY_TO%%", email.reply_to)
            .replace("%%MESSAGE_ID%%", email.message_id)
        )
    return text.encode()


def from_domain(message):
    return re.search(rb"^From:.*@([\w.-]+)>?\s*$", message, re.MULTILINE)[1].decode()


def authenticated(message, results=None, *, authserv_id=OUR_MX):
    """The message with an Authentication-Results field on top, as a receiving server adds it:
    by default, ours saying DMARC passed for the From domain."""
    results = results or f"dmarc=pass header.from={from_domain(message)}"
    return f"Authentication-Results: {authserv_id}; {results}\n".encode() + message


def from_sender(message, sender):
    """The message as if `sender` ("Name <address>") had written it."""
    return re.sub(rb"^From:.*$", f"From: {sender}".encode(), message, count=1, flags=re.MULTILINE)


def by_command(message, tmp_path):
    path = tmp_path / "message.eml"
    path.write_bytes(message)
    out = io.StringIO()
    call_command("ingest_email", str(path), stdout=out)
    return out.getvalue()


def by_webhook(client, message, secret=WEBHOOK_SECRET, headers=()):
    """Postmark's inbound webhook, with the raw message included (its "RawEmail" option) and
    the header fields Postmark lists ({"Name": …, "Value": …})."""
    payload = {"RawEmail": message.decode(errors="replace"), "Headers": list(headers)}
    auth = base64.b64encode(secret.encode()).decode()
    return client.post(
        "/anymail/postmark/inbound/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def replies(ticket):
    return list(Message.objects.filter(ticket=ticket, source=Source.EMAIL))
