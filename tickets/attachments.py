"""What files a ticket accepts: judged by their content, named as their content is, and images
no bigger than a browser can show.

A file's name is the sender's text, shown to staff: it loses control characters and the
invisible marks that reorder text (with a right-to-left override, `invoice<U+202E>fdp.exe` reads
as `invoiceexe.pdf`) before anything else looks at it.
"""

import os
import unicodedata
import warnings

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, UnidentifiedImageError
from pillow_heif import HeifImagePlugin  # noqa: F401  (Pillow reads HEIC photos' size too)

from tickets import limits

MEGABYTE = 1024 * 1024

# Each content type we accept, with the endings its files' names may have. Content types are
# told by the bytes (filetype's names for them), except text: its ending says CSV or plain.
ACCEPTED_TYPES = {
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "image/heic": (".heic", ".heif"),
    "application/pdf": (".pdf",),
    "application/msword": (".doc",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.ms-excel": (".xls",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.ms-powerpoint": (".ppt",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "application/vnd.oasis.opendocument.spreadsheet": (".ods",),
    "application/vnd.oasis.opendocument.presentation": (".odp",),
    "application/rtf": (".rtf",),
    "text/plain": (".txt", ".log"),
    "text/csv": (".csv",),
}
TEXT_TYPES = ("text/plain", "text/csv")
TEXT_ENDINGS = tuple(ending for kind in TEXT_TYPES for ending in ACCEPTED_TYPES[kind])
SNIFF_BYTES = 8192

# Marks that change the direction of the text around them (Unicode's bidi controls).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Control characters, and line and paragraph separators.
STRIPPED_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def clean_name(name):
    """A file's name without control characters or bidi controls, trimmed."""
    return "".join(
        char
        for char in name or ""
        if char not in BIDI_CONTROLS and unicodedata.category(char) not in STRIPPED_CATEGORIES
    ).strip()


def _ending(name):
    """The name's extension, lower-cased; none for a name like `.htaccess`."""
    return os.path.splitext(name)[1].lower()


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
        return kind.mime if kind.mime in ACCEPTED_TYPES and kind.mime not in TEXT_TYPES else None
    if head and _looks_like_text(head):
        ending = _ending(upload.name or "")
        return next((t for t in TEXT_TYPES if ending in ACCEPTED_TYPES[t]), "text/plain")
    return None


def endings_for(content_type):
    """The endings a file of this content type may have in its name."""
    return TEXT_ENDINGS if content_type in TEXT_TYPES else ACCEPTED_TYPES[content_type]


def _pixels(upload):
    """How many pixels the image decodes to, read from its header alone (Pillow decodes
    nothing until asked), or None when Pillow cannot read it."""
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb check, far above our limit: past it, the answer is "too many".
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return float("inf")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        upload.seek(0)
    return width * height


def describe_limits():
    """What a message's files may be, for the help next to file fields."""
    return ngettext(
        "Up to %(count)d file, %(size)d MB: images, PDF, text, CSV or office documents.",
        "Up to %(count)d files, %(size)d MB each: images, PDF, text, CSV or office documents.",
        limits.MAX_FILES,
    ) % {"count": limits.MAX_FILES, "size": limits.MAX_FILE_SIZE_MB}


def too_large_message(name):
    return _("%(name)s is larger than %(size)d MB.") % {
        "name": name,
        "size": limits.MAX_FILE_SIZE_MB,
    }


def wrong_type_message(name):
    return _(
        "%(name)s is not a file type we accept: send images, PDF, text, CSV or office documents."
    ) % {"name": name}


def accepted_endings():
    """Every file name ending we accept, for the browser's check before upload."""
    return sorted({ending for endings in ACCEPTED_TYPES.values() for ending in endings})


def _check(upload):
    """The upload's content type; a ValidationError saying why when it is refused."""
    name = upload.name
    if upload.size > limits.MAX_FILE_SIZE_MB * MEGABYTE:
        raise ValidationError(too_large_message(name), code="too_large")
    content_type = content_type_of(upload)
    if content_type is None:
        raise ValidationError(wrong_type_message(name), code="file_type")
    endings = endings_for(content_type)
    if _ending(name) not in endings:
        raise ValidationError(
            _("%(name)s: for a file like this one, the name must end in %(endings)s.")
            % {"name": name, "endings": ", ".join(endings)},
            code="file_name",
        )
    if content_type.startswith("image/"):
        pixels = _pixels(upload)
        if pixels is None:
            raise ValidationError(
                _("%(name)s could not be opened as a picture.") % {"name": name},
                code="broken_image",
            )
        if pixels > limits.MAX_IMAGE_MEGAPIXELS * 1_000_000:
            raise ValidationError(
                _("%(name)s is too large a picture: send one of at most %(megapixels)d megapixels.")
                % {"name": name, "megapixels": limits.MAX_IMAGE_MEGAPIXELS},
                code="image_too_large",
            )
    return content_type


def too_many_files(count):
    """The error for `count` files where at most limits.MAX_FILES go with one message, or None."""
    if count <= limits.MAX_FILES:
        return None
    return ValidationError(too_many_message(), code="too_many_files")


def too_many_message():
    return ngettext(
        "Attach at most %(max)d file.",
        "Attach at most %(max)d files.",
        limits.MAX_FILES,
    ) % {"max": limits.MAX_FILES}


def sort_uploads(uploads):
    """Each upload checked on its own: ([(upload, content_type)], [ValidationError]), so that a
    form can keep the good files of a post it refuses. Names are cleaned here (clean_name)."""
    checked, errors = [], []
    for upload in uploads:
        upload.name = clean_name(upload.name)
        try:
            checked.append((upload, _check(upload)))
        except ValidationError as error:
            errors.append(error)
    return checked, errors


def check_uploads(uploads):
    """Validate a message's files; return [(upload, content_type)] or raise one ValidationError.

    Each upload's name is cleaned here (clean_name), for the checks and for keeping."""
    uploads = [upload for upload in uploads if upload]
    error = too_many_files(len(uploads))
    if error is not None:
        raise error
    checked, errors = sort_uploads(uploads)
    if errors:
        raise ValidationError(errors)
    return checked
