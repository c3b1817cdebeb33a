"""Production: everything from the environment, and nothing insecure by default.

Required: SECRET_KEY, ALLOWED_HOSTS, SITE_URL (https), EMAIL_PROVIDER, JWT_PRIVATE_KEY, and
ANYMAIL_WEBHOOK_SECRET while inbound email is on (INBOUND_EMAIL_PROVIDER). See docs/operations.md.
"""

from django.core.exceptions import ImproperlyConfigured

from supportsite.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403
from .base import ANYMAIL, INBOUND_EMAIL_PROVIDER, STORAGES

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
SITE_URL = env_str("SITE_URL", required=True).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])
EMAIL_PROVIDER = env_str("EMAIL_PROVIDER", required=True)
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Signs the API's app tokens (base.py, "API"): every web process must share the same key.
HEADLESS_JWT_PRIVATE_KEY = env_str("JWT_PRIVATE_KEY", required=True).replace("\\n", "\n")
# Without the shared secret, the inbound webhook would open tickets for whoever posts to it.
if INBOUND_EMAIL_PROVIDER and not ANYMAIL.get("WEBHOOK_SECRET"):
    raise ImproperlyConfigured(
        "Set the ANYMAIL_WEBHOOK_SECRET environment variable. Without it the "
        f"{INBOUND_EMAIL_PROVIDER} inbound webhook takes email from anyone; set "
        "INBOUND_EMAIL_PROVIDER to an empty value to turn inbound email off."
    )
API_DOCS_PUBLIC = env_bool("API_DOCS_PUBLIC", False)
# Each web worker keeps its database connection (checked before reuse) instead of opening one
# per request; 0 turns this off, as PgBouncer in transaction mode may want (docs/operations.md).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)  # noqa: F405

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and Prometheus ask for the health check and the metrics over plain HTTP, from
# inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
if env_bool("BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: browsers take these cookies only over HTTPS, for this host alone (no
# Domain), for the whole site (Path=/), so a sibling subdomain cannot plant or read them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
