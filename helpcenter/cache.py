"""One version number for all published help content, so cached fragments expire on publishing.

Fragments also carry their audience (see visibility.audience_key) and a timeout, which bounds how
long vote-based listings like "popular articles" may lag.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "helpcenter:content-version"
FRAGMENT_TIMEOUT = 600


def content_version():
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Signal receiver: a page was published, unpublished, moved or deleted, or privacy changed."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
