"""Files sent with a form that could not go through yet, kept so the sender need not choose them
again: a contact form with a mistake, a visitor signing in first, a reply refused for the moment.

Each file passed the same content checks as any attachment and waits in the attachments storage
under a random name (KEPT_FOLDER); the session lists the files of each form (a "scope", such as
one contact page or one ticket's reply form) under random ids, so nobody else can see, remove or
send them. The session's data survives signing in. Files nobody sent are deleted after
KEEP_FOR (forget_expired_task, a periodic job).
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.files.base import File
from django.core.files.storage import storages
from django.tasks import task
from django.utils import timezone

from .attachments import sort_uploads

SESSION_KEY = "kept_uploads"
KEPT_FOLDER = "kept"
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class KeptUpload:
    id: str
    path: str
    name: str
    size: int
    kept_at: datetime

    def open(self):
        """The file, opened, named as its sender named it (ready for the workflow)."""
        handle = File(_storage().open(self.path, "rb"), name=self.name)
        handle.size = self.size
        return handle


def _storage():
    return storages["attachments"]


def _entries(request, scope):
    return request.session.get(SESSION_KEY, {}).get(scope, [])


def _write(request, scope, entries):
    """Change the session only when its list does: an unchanged session is not saved again (a
    sent contact form with no files kept writes nothing)."""
    before = request.session.get(SESSION_KEY, {})
    kept = dict(before)
    if entries:
        kept[scope] = entries
    else:
        kept.pop(scope, None)
    if kept != before:
        request.session[SESSION_KEY] = kept


def listed(request, scope):
    """The files kept for this form in this session, oldest first, none older than KEEP_FOR."""
    oldest = timezone.now() - KEEP_FOR
    uploads = [
        KeptUpload(
            id=entry["id"],
            path=entry["path"],
            name=entry["name"],
            size=entry["size"],
            kept_at=datetime.fromisoformat(entry["at"]),
        )
        for entry in _entries(request, scope)
    ]
    return [upload for upload in uploads if upload.kept_at > oldest]


def keep(request, scope, uploads):
    """Keep files that passed the attachment checks (tickets.attachments), for this form."""
    entries = list(_entries(request, scope))
    for upload in uploads:
        upload.seek(0)
        path = _storage().save(f"{KEPT_FOLDER}/{secrets.token_urlsafe(18)}", upload)
        entries.append(
            {
                "id": secrets.token_urlsafe(9),
                "path": path,
                "name": upload.name,
                "size": upload.size,
                "at": timezone.now().isoformat(),
            }
        )
    _write(request, scope, entries)


def keep_good(request, scope, uploads):
    """Keep those of these files that pass the attachment checks; the others are dropped (a
    form that shows why does so itself)."""
    checked, _errors = sort_uploads(uploads)
    keep(request, scope, [upload for upload, _content_type in checked])


def remove(request, scope, upload_id):
    """Drop one kept file of this form (an id not among them changes nothing)."""
    entries = _entries(request, scope)
    for entry in entries:
        if entry["id"] == upload_id:
            _storage().delete(entry["path"])
    _write(request, scope, [entry for entry in entries if entry["id"] != upload_id])


def opened(request, scope):
    """The kept files of this form, opened for sending; files already expired are left out."""
    return [upload.open() for upload in listed(request, scope) if _storage().exists(upload.path)]


def discard(request, scope):
    """Forget this form's kept files once they are sent (or the form is given up)."""
    for entry in _entries(request, scope):
        _storage().delete(entry["path"])
    _write(request, scope, [])


def forget_expired(now=None):
    """Delete kept files older than KEEP_FOR; return how many. Sessions still listing one show
    it no more (listed)."""
    oldest = (now or timezone.now()) - KEEP_FOR
    storage = _storage()
    try:
        _folders, names = storage.listdir(KEPT_FOLDER)
    except FileNotFoundError:
        return 0
    expired = [
        f"{KEPT_FOLDER}/{name}"
        for name in names
        if storage.get_modified_time(f"{KEPT_FOLDER}/{name}") < oldest
    ]
    for path in expired:
        storage.delete(path)
    return len(expired)


@task
def forget_expired_task():
    """The periodic job (settings.PERIODIC_TASKS) that deletes kept files nobody sent."""
    return forget_expired()
