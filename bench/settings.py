"""Settings for benchmarks: production-like request handling on a dedicated database.

Set DATABASE_URL to a throwaway PostgreSQL database (see bench/README.md).
"""

from supportsite.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Tasks as production keeps them without Redis: a row per task, which requests pay for.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": True}
