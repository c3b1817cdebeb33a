"""/media/ when Django serves MEDIA_ROOT itself (SERVE_MEDIA, in development): public uploads
only. Documents are read through Wagtail's serve view, which checks their collection's privacy
first (WAGTAILDOCS_SERVE_METHOD), and ticket attachments through their permission-checked view,
so neither folder is served here, whatever the URL's spelling (case, `..`, symbolic links)."""

import posixpath
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404
from django.views.static import serve
from wagtail.documents import get_document_model


def private_folders():
    """The documents folder, and the attachments' folder should it sit inside MEDIA_ROOT."""
    folders = [Path(settings.MEDIA_ROOT, get_document_model()._meta.get_field("file").upload_to)]
    attachments = storages["attachments"]
    if isinstance(attachments, FileSystemStorage):
        folders.append(Path(attachments.location))
    return [folder for folder in folders if folder.is_dir()]


def is_within(path, folder):
    return any(
        candidate.exists() and candidate.samefile(folder) for candidate in (path, *path.parents)
    )


def serve_public_media(request, path):
    target = Path(settings.MEDIA_ROOT, posixpath.normpath(path).lstrip("/")).resolve()
    if any(is_within(target, folder) for folder in private_folders()):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
