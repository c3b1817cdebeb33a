"""The test suite: same settings as production where it matters, fast and isolated where not.

Runs on SQLite unless DATABASE_URL is set; uses Redis for the cache when REDIS_URL is set.
Tasks run inline so a test sees their effects; tests of the real queues choose a backend themselves.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES["default"]["KEY_PREFIX"] = "supportsite-test"  # noqa: F405

TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "attachments": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Serve static files straight from the source folders (no collectstatic in tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: with one, the browser tests' live server and
    # the test share the database's cache and its lock, and a Python function SQLite calls (the
    # reports' median) can wait for the interpreter's lock the other thread holds while it waits
    # for SQLite's: the run stalls. One file per test process, so parallel runs stay apart.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"supportsite-test-{os.getpid()}.sqlite3")
    }

# The provider whose inbound webhook the intake tests post to (tests/tickets/test_email_intake.py).
INBOUND_EMAIL_PROVIDER = "postmark"
