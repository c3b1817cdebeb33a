"""Asking for a copy of one's data (privacy.export): at most once a day on the account page, or
any time by a support admin; a background task writes the ZIP to the private attachments
storage (under EXPORTS_FOLDER, a random name) and emails the customer a signed link that
expires with the file (KEEP_FOR). A periodic job deletes expired copies.
"""

import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications import tasks as email_tasks
from notifications.emails import absolute, inbound_domain
from notifications.models import EmailDelivery

from . import export
from .models import DataExport, PrivacyAction

EXPORTS_FOLDER = "exports"
KEEP_FOR = timedelta(days=7)
ASK_AGAIN_AFTER = timedelta(days=1)
LINK_SALT = "privacy.export.download"
EMAIL_KIND = "data_export_ready"  # named in notifications.kinds.OWN_EMAILS


class TooSoon(Exception):
    """The customer asked for a copy less than ASK_AGAIN_AFTER ago."""

    def __init__(self, again_at):
        super().__init__(again_at)
        self.again_at = again_at


def storage():
    return storages["attachments"]


@dataclass(frozen=True)
class Status:
    """What the account page says: the latest copy the customer asked for, and when they may
    ask again (None: now)."""

    latest: DataExport | None
    again_at: datetime | None

    @property
    def preparing(self):
        return self.latest is not None and self.latest.ready_at is None

    @property
    def available(self):
        return (
            self.latest is not None
            and self.latest.ready_at is not None
            and self.latest.expires_at > timezone.now()
        )

    @property
    def link(self):
        return download_path(self.latest) if self.available else ""


def status(user):
    """The account page's line about the user's own copies (one query)."""
    latest = DataExport.objects.filter(user=user, requested_by=user).first()
    again_at = None
    if latest is not None and latest.requested_at + ASK_AGAIN_AFTER > timezone.now():
        again_at = latest.requested_at + ASK_AGAIN_AFTER
    return Status(latest, again_at)


def request_own(user):
    """The customer asks for their data: refused with TooSoon within a day of the last time."""
    with transaction.atomic():
        # Two quick clicks are one request: the second waits for the first, then is refused.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        again_at = status(user).again_at
        if again_at is not None:
            raise TooSoon(again_at)
        return _request(user, by=user)


def request_for(user, *, by):
    """A support admin asks for a customer's data (no daily limit; the customer is not told)."""
    return _request(user, by=by)


def _request(user, *, by):
    data_export = DataExport.objects.create(user=user, requested_by=by)
    transaction.on_commit(lambda: prepare_export.enqueue(data_export.pk))
    return data_export


@task
def prepare_export(export_id):
    """Write the ZIP, log it, and email the customer their link if they asked for it."""
    data_export = (
        DataExport.objects.select_related("user", "user__organization")
        .filter(pk=export_id, ready_at__isnull=True)
        .first()
    )
    if data_export is None:
        return None
    user = data_export.user
    via = "account page" if data_export.requested_by_id == user.pk else "admin"
    with tempfile.TemporaryFile() as target:
        counts = export.write(user, target)
        target.seek(0)
        name = storage().save(
            f"{EXPORTS_FOLDER}/{secrets.token_urlsafe(24)}.zip", File(target, name="data.zip")
        )
    now = timezone.now()
    data_export.file = name
    data_export.size = storage().size(name)
    data_export.ready_at = now
    data_export.expires_at = now + KEEP_FOR
    data_export.save(update_fields=["file", "size", "ready_at", "expires_at"])
    log(user, by=data_export.requested_by, via=via, counts=counts)
    if data_export.requested_by_id == user.pk:
        _email_link(data_export)
    return data_export.pk


def log(user, *, by, via, counts):
    """The audit log's line: who exported whose data, and how much (counts only)."""
    PrivacyAction.objects.create(
        kind=PrivacyAction.Kind.EXPORT,
        actor=by,
        subject_user_id=user.pk,
        details={"via": via, **counts},
    )


def _email_link(data_export):
    """The link, by the outgoing-email queue (stored, retried, listed in the admin)."""
    user = data_export.user
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "recipient": user,
        "link_url": absolute(download_path(data_export)),
        "expires_at": data_export.expires_at,
        "reply_marker": "",
    }
    email = EmailDelivery.objects.create(
        kind=EMAIL_KIND,
        recipient=user,
        to=user.email,
        subject=f"[{settings.SITE_NAME}] " + _("Your data is ready to download"),
        body_text=render_to_string("privacy/emails/data_export_ready.txt", context).strip() + "\n",
        body_html=render_to_string("privacy/emails/data_export_ready.html", context),
        message_id=make_msgid(domain=inbound_domain()),
        next_attempt_at=timezone.now(),
    )
    email_tasks.enqueue(email)


def download_path(data_export):
    """The signed link to one copy: it names no account and expires with the file."""
    token = signing.dumps(data_export.pk, salt=LINK_SALT)
    return reverse("privacy:download", args=[token])


def from_link(token):
    """The copy a link names, if the link is genuine, not expired and the file still there."""
    try:
        export_id = signing.loads(token, salt=LINK_SALT, max_age=KEEP_FOR)
    except signing.BadSignature:
        return None
    return DataExport.objects.filter(
        pk=export_id, ready_at__isnull=False, expires_at__gt=timezone.now()
    ).first()


def forget_expired(now=None):
    """Delete the copies past their time, files and rows, and the ones never made (their task
    failed): a day on, the customer may ask again and the page no longer says "being
    prepared". Return how many."""
    now = now or timezone.now()
    expired = list(
        DataExport.objects.filter(
            Q(expires_at__lte=now)
            | Q(ready_at__isnull=True, requested_at__lte=now - ASK_AGAIN_AFTER)
        )
    )
    for data_export in expired:
        if data_export.file:
            storage().delete(data_export.file)
    DataExport.objects.filter(pk__in=[data_export.pk for data_export in expired]).delete()
    return len(expired)


@task
def forget_expired_task():
    """The periodic job (settings.PERIODIC_TASKS) that deletes expired copies."""
    return forget_expired()
