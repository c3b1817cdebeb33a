"""Files taken off tickets: the row stays (name, size, why it went), the file leaves storage."""

from django.db import transaction
from django.utils import timezone

from ..models import Attachment


@transaction.atomic
def remove_attachment_files(attachments, *, removal, limit):
    """Remove the files of up to `limit` of these attachments (oldest first); returns how many.

    The rows are marked in this transaction and the files deleted once it commits, so a rolled
    back run leaves every file in place; a second run never picks a marked row again."""
    chosen = list(
        attachments.filter(removed_at__isnull=True).order_by("pk").values_list("pk", "file")[:limit]
    )
    if not chosen:
        return 0
    pks = [pk for pk, _path in chosen]
    count = Attachment.objects.filter(pk__in=pks, removed_at__isnull=True).update(
        file="", removed=removal, removed_at=timezone.now()
    )
    storage = Attachment._meta.get_field("file").storage
    paths = [path for _pk, path in chosen if path]
    transaction.on_commit(lambda: _delete(storage, paths))
    return count


def _delete(storage, paths):
    for path in paths:
        storage.delete(path)
