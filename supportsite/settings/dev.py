"""Local development: `make run`. Console email, debug pages, a throwaway secret key."""

from supportsite.env import env_str

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-do-not-use-in-production"

# Serve static files straight from the source folders (no collectstatic in development).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
