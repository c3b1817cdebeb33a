"""What files a ticket accepts, judged by their content rather than their name."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tickets import limits

MEGABYTE = 1024 * 1024

# Detected kind -> the content type we store and serve.
ALLOWED_KINDS = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "heic": "image/heic",
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "rtf": "application/rtf",
}
TEXT_SUFFIXES = {".csv": "text/csv", ".log": "text/plain"}
SNIFF_BYTES = 8192


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def content_type_of(upload):
    """The content type the file's bytes show, or None when it is not a kind we accept."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        return ALLOWED_KINDS.get(kind.extension)
    if head and _looks_like_text(head):
        name = (upload.name or "").lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        return TEXT_SUFFIXES.get(suffix, "text/plain")
    return None


def describe_limits():
    """What a message's files may be, for the help next to file fields."""
    return ngettext(
        "Up to %(count)d file, %(size)d MB: images, PDF, text, CSV or office documents.",
        "Up to %(count)d files, %(size)d MB each: images, PDF, text, CSV or office documents.",
        limits.MAX_FILES,
    ) % {"count": limits.MAX_FILES, "size": limits.MAX_FILE_SIZE_MB}


def check_uploads(uploads):
    """Validate a message's files; return [(upload, content_type)] or raise one ValidationError."""
    uploads = [upload for upload in uploads if upload]
    if len(uploads) > limits.MAX_FILES:
        raise ValidationError(
            ngettext(
                "Attach at most %(max)d file.",
                "Attach at most %(max)d files.",
                limits.MAX_FILES,
            )
            % {"max": limits.MAX_FILES},
            code="too_many_files",
        )
    checked, errors = [], []
    for upload in uploads:
        if upload.size > limits.MAX_FILE_SIZE_MB * MEGABYTE:
            errors.append(
                ValidationError(
                    _("%(name)s is larger than %(size)d MB.")
                    % {"name": upload.name, "size": limits.MAX_FILE_SIZE_MB},
                    code="too_large",
                )
            )
            continue
        content_type = content_type_of(upload)
        if content_type is None:
            errors.append(
                ValidationError(
                    _(
                        "%(name)s is not a file type we accept: send images, PDF, text, CSV "
                        "or office documents."
                    )
                    % {"name": upload.name},
                    code="file_type",
                )
            )
            continue
        checked.append((upload, content_type))
    if errors:
        raise ValidationError(errors)
    return checked
