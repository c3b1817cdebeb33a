"""An inbound message, read once into what intake decides with: who sent it, to which addresses,
what it answers, whether a machine wrote it, and its text and files."""

import hashlib
import re
from dataclasses import dataclass, field
from email.errors import MessageError

from django.utils.translation import gettext as _

from tickets.addresses import is_own_address

from .quotes import html_to_text

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "X-Forwarded-To")
BULK_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
AUTOREPLY_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autoresponder")
LIST_HEADERS = ("List-Id", "List-Unsubscribe")
DAEMONS = {"mailer-daemon", "postmaster"}
# Inline images this small are signature logos and icons, not something the sender attached.
DECORATION_BYTES = 20 * 1024


@dataclass
class InboundMail:
    message_id: str
    sender: str
    sender_name: str
    recipients: list
    references: list
    cc: list  # the addresses of its Cc field, which intake copies on the ticket
    subject: str
    text: str
    attachments: list = field(default_factory=list)
    skip_reason: str = ""  # why intake must ignore it (a machine wrote it), or ""
    spam: bool = False


def _header(message, name):
    try:
        return str(message.get(name) or "")
    except (TypeError, ValueError, IndexError):  # a header too broken to decode
        return ""


def _addresses(message, names):
    found = []
    for name in names:
        try:
            found.extend(message.get_address_header(name))
        except (TypeError, ValueError, IndexError):
            continue
    return [address.addr_spec.lower() for address in found if address.addr_spec]


def message_id_of(message):
    """Its Message-ID, or one made from its content: a resent copy still counts as seen."""
    ids = MESSAGE_ID.findall(_header(message, "Message-ID"))
    if ids:
        return ids[0][:255]
    try:
        raw = message.as_bytes()
    except (ValueError, TypeError, LookupError, MessageError):  # too broken to serialise
        raw = repr(message.items()).encode()
    digest = hashlib.sha256(raw).hexdigest()
    return f"<sha256.{digest}@no-message-id>"


def _skip_reason(message, sender):
    """Why a machine, not a person, wrote this message (or "")."""
    content_type = message.get_content_type()
    if content_type == "multipart/report" or sender.partition("@")[0] in DAEMONS:
        return _("Bounce: a delivery failure report.")
    auto_submitted = _header(message, "Auto-Submitted").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return _("Automatic reply (Auto-Submitted: %(value)s).") % {"value": auto_submitted}
    if any(_header(message, name) for name in AUTOREPLY_HEADERS):
        return _("Automatic reply (X-Autoreply).")
    precedence = _header(message, "Precedence").strip().lower()
    if precedence in BULK_PRECEDENCE:
        return _("Bulk or automatic mail (Precedence: %(value)s).") % {"value": precedence}
    if any(_header(message, name) for name in LIST_HEADERS):
        return _("Mailing list or newsletter.")
    if is_own_address(sender):
        return _("Sent from one of our own addresses: a mail loop.")
    return ""


def _body(message, content_type):
    for part in message.walk():
        if part.get_content_type() == content_type and not part.is_attachment():
            try:
                return part.get_content_text() or ""
            except LookupError:  # a charset Python does not know: read it as UTF-8
                return part.get_content_text(charset="utf-8") or ""
    return ""


def _text(message):
    text = _body(message, "text/plain").strip()
    if not text:
        text = html_to_text(_body(message, "text/html"))
    return text


def _attachments(message):
    """The files the sender attached; tiny inline images (signature logos) are left out."""
    files = []
    for part in message.walk():
        if part.is_multipart() or not part.get_filename():
            continue
        if part.get_content_disposition() not in ("attachment", "inline"):
            continue
        try:
            upload = part.as_uploaded_file()
        except (ValueError, LookupError):  # a part too broken to decode
            continue
        if upload is None:
            continue
        decoration = part.is_inline() and part.get_content_maintype() == "image"
        if decoration and upload.size < DECORATION_BYTES:
            continue
        files.append(upload)
    return files


def read(message):
    """Read an AnymailInboundMessage; raises ValueError when it has no usable sender."""
    try:
        senders = message.from_email
    except ValueError:  # an address anymail cannot parse
        senders = None
    if isinstance(senders, list):  # several From addresses: the first speaks
        senders = senders[0] if senders else None
    if senders is None or "@" not in (senders.addr_spec or "") or len(senders.addr_spec) > 254:
        raise ValueError(_("The message has no sender address."))
    sender = senders.addr_spec.lower()
    recipients = _addresses(message, RECIPIENT_HEADERS)
    if message.envelope_recipient:
        recipients.append(message.envelope_recipient.lower())
    references = MESSAGE_ID.findall(
        f"{_header(message, 'In-Reply-To')} {_header(message, 'References')}"
    )
    return InboundMail(
        message_id=message_id_of(message),
        sender=sender,
        sender_name=(senders.display_name or "")[:150],
        recipients=recipients,
        references=references,
        cc=_addresses(message, ("Cc",)),
        subject=" ".join(_header(message, "Subject").split()),
        text=_text(message),
        attachments=_attachments(message),
        skip_reason=_skip_reason(message, sender),
        spam=bool(message.spam_detected),
    )
