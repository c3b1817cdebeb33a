"""A contact form an anonymous visitor filled in, kept in their session while they sign in.

Text fields go in the session; files are parked in the attachments storage under a random name
(after the same content checks as any attachment) and attached when the ticket is finally sent.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import storages

from tickets.attachments import check_uploads

SESSION_KEY = "contact_draft"


def _storage():
    return storages["attachments"]


def save_draft(request, page, data, files):
    discard_draft(request)
    parked = []
    try:
        checked = check_uploads(files)
    except ValidationError:
        checked = []
    for upload, _content_type in checked:
        name = _storage().save(f"drafts/{secrets.token_urlsafe(18)}", upload)
        parked.append({"path": name, "name": upload.name, "size": upload.size})
    request.session[SESSION_KEY] = {
        "page": page.pk,
        "data": {key: data.getlist(key) for key in data if key != "csrfmiddlewaretoken"},
        "files": parked,
    }


def load_draft(request, page):
    draft = request.session.get(SESSION_KEY)
    if not draft or draft.get("page") != page.pk:
        return None
    return draft


def draft_initial(draft):
    return {
        key: values if len(values) > 1 else values[0]
        for key, values in draft["data"].items()
        if values
    }


def draft_files(draft):
    """The parked files, opened, named as the visitor named them."""
    files = []
    for parked in draft["files"] if draft else []:
        if _storage().exists(parked["path"]):
            handle = File(_storage().open(parked["path"], "rb"), name=parked["name"])
            handle.size = parked["size"]
            files.append(handle)
    return files


def discard_draft(request):
    draft = request.session.pop(SESSION_KEY, None)
    for parked in draft["files"] if draft else []:
        _storage().delete(parked["path"])
