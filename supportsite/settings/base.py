"""Settings shared by every environment; everything deployment-specific comes from the environment.

See `.env.example` for every variable and `docs/operations.md` for how they fit together.
"""

import json
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from supportsite.env import env_bool, env_int, env_list, env_prefixed, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
# Retired keys (comma-separated): what they signed (sessions, API tokens, reply addresses) still
# works until they are removed from this list.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

SITE_NAME = env_str("SITE_NAME", "Help Center")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

REDIS_URL = env_str("REDIS_URL", "")

INSTALLED_APPS = [
    "supportsite",
    "accounts",
    "helpcenter",
    "tickets",
    "notifications",
    "privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "simple_history",
    "django_ratelimit",
    "anymail",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
]

MIDDLEWARE = [
    "supportsite.metrics.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "supportsite.csp.CSPContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "supportsite.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "supportsite.urls"
WSGI_APPLICATION = "supportsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "supportsite.context_processors.site",
            ],
        },
    },
]

# Form widgets render through the project's templates too, so templates/ can override a
# widget's template (templates/wagtailadmin/widgets/: their inline scripts carry the CSP nonce);
# Django's plain widgets are written in Python, with the same markup (supportsite/form_renderer.py).
FORM_RENDERER = "supportsite.form_renderer.WidgetRenderer"

# Database: SQLite in the checkout unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let the web server, worker and scheduler share the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Form pickers (ModelChoiceField) read their few rows with .iterator(): on PostgreSQL each
    # would open a server-side cursor WITH HOLD, three round trips instead of one. Off, as
    # PgBouncer's transaction pooling requires anyway (docs/operations.md).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # Server-side binding lets psycopg prepare a statement run twice on one connection, so
    # PostgreSQL plans it once: planning is most of the database's time on a one-ticket page.
    # Off for PgBouncer in transaction mode before 1.21 (it cannot keep prepared statements).
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (and with it rate-limit counters): Redis when configured, else a database table.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "supportsite"),
        }
    }
    SILENCED_SYSTEM_CHECKS = []
    # Sessions read from Redis, written through to the database (a restart signs no one out).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_entries",
        }
    }
    # django-ratelimit wants an atomic increment (Redis or memcached); the database cache gives
    # approximate counters, which is fine for a single-machine install.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# On SQLite a covering index (the reports', tickets.Ticket) is a plain index on its key: as meant.
SILENCED_SYSTEM_CHECKS += ["models.W040"]

RATELIMIT_VIEW = "supportsite.views.rate_limited"
RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY", None)

# Background tasks: Django's tasks framework on a database queue, or Redis (RQ) when configured.
if REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Jobs the scheduler (`manage.py run_scheduler`) enqueues, by name: dotted task path and period.
PERIODIC_TASKS = {
    "publish-scheduled-pages": {"task": "supportsite.tasks.publish_scheduled_pages", "every": 60},
    "prune-task-results": {"task": "supportsite.tasks.prune_task_results", "every": 24 * 3600},
    "prune-editing-sessions": {"task": "supportsite.tasks.prune_editing_sessions", "every": 3600},
    "check-sla": {"task": "tickets.sla.jobs.check_sla_task", "every": 60},
    # Emails whose task never reached the queue (it was down) are queued again.
    "requeue-stalled-emails": {
        "task": "notifications.tasks.requeue_stalled_emails",
        "every": 600,
    },
    # Files kept from forms that were never sent (tickets.kept_uploads) go after a day.
    "forget-kept-uploads": {"task": "tickets.kept_uploads.forget_expired_task", "every": 3600},
    # Copies of customers' data (privacy.export_requests) go once their link expires.
    "forget-expired-exports": {
        "task": "privacy.export_requests.forget_expired_task",
        "every": 3600,
    },
    # The retention schedules (privacy.retention; Settings › Data retention), in bounded runs.
    "apply-retention": {"task": "privacy.retention.apply_retention_task", "every": 3600},
}

# Resolved tickets the customer never confirmed close by themselves after this many days (0: never).
TICKETS_AUTO_CLOSE_DAYS = env_int("TICKETS_AUTO_CLOSE_DAYS", 7)

# Hand new tickets to available agents in turn, per category (among its team's members).
TICKETS_AUTO_ASSIGN = env_bool("TICKETS_AUTO_ASSIGN", False)

# Agents may hand their own tickets to a colleague (support admins reassign any ticket anyway).
TICKETS_AGENTS_HAND_OVER = env_bool("TICKETS_AGENTS_HAND_OVER", True)

# Agents see and work only their teams' tickets (and those of no team); support admins see all.
TICKETS_TEAM_SCOPED_VISIBILITY = env_bool("TICKETS_TEAM_SCOPED_VISIBILITY", False)

# Card numbers (Luhn-valid, 13-19 digits) customers type or email are masked before anything
# stores them, but for their last four digits (tickets.card_numbers).
TICKETS_MASK_CARD_NUMBERS = env_bool("TICKETS_MASK_CARD_NUMBERS", True)

# How often an open ticket page looks for new replies, in seconds.
TICKET_POLL_SECONDS = env_int("TICKET_POLL_SECONDS", 15)

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "supportsite.auth_backends.KeptPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_PRESERVE_USERNAME_CASING = False

# Email: console unless EMAIL_PROVIDER names "smtp" or an Anymail ESP ("postmark", "mailgun", ...).
EMAIL_PROVIDER = env_str("EMAIL_PROVIDER", "console")
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKENDS.get(
            EMAIL_PROVIDER, f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
        ),
        "OPTIONS": json.loads(env_str("EMAIL_OPTIONS", "{}")),
    }
}
# ANYMAIL_<SETTING> variables, e.g. ANYMAIL_POSTMARK_SERVER_TOKEN or ANYMAIL_WEBHOOK_SECRET.
ANYMAIL = env_prefixed("ANYMAIL_")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <support@example.com>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Notifications and email intake (notifications/, tickets/intake/).
# The team's shared address for "team" notifications; when empty, every agent is emailed.
SUPPORT_TEAM_EMAIL = env_str("SUPPORT_TEAM_EMAIL", "")
# The address the inbound webhook receives for. Each ticket email's Reply-To is
# <local part>+<signed ticket token>@<domain>, so answers find their ticket.
INBOUND_EMAIL_ADDRESS = env_str("INBOUND_EMAIL_ADDRESS", "support@example.com")
# Mail naming a ticket without its signed reply address becomes a reply only when authenticated
# (tickets/intake/authentication.py) by the Authentication-Results of these servers: the
# authserv-ids of our own receiving mail servers (comma-separated), which must delete such fields
# naming them from incoming mail...
INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS = env_list("INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS")
# ... or by the verdict of INBOUND_EMAIL_PROVIDER, for mail its inbound webhook delivers.
# That Anymail ESP's inbound webhook is the one mounted, at /anymail/<esp>/inbound/
# (supportsite/anymail_urls.py): by default EMAIL_PROVIDER when that is an Anymail ESP. Empty turns
# the webhook off; a mail server can still pipe messages to `manage.py ingest_email`. Production
# requires ANYMAIL_WEBHOOK_SECRET while it is on.
INBOUND_EMAIL_PROVIDER = env_str(
    "INBOUND_EMAIL_PROVIDER", "" if EMAIL_PROVIDER in _EMAIL_BACKENDS else EMAIL_PROVIDER
).lower()
# Who hears about what, overriding the recipients of notifications.kinds.KINDS, as JSON,
# e.g. {"ticket_closed": [], "ticket_opened": ["customer"]}.
NOTIFICATION_RECIPIENTS = json.loads(env_str("NOTIFICATION_RECIPIENTS", "{}"))
# Seconds before each new attempt when the provider fails; after the last, the email is failed.
EMAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]

# Internationalisation: stored in UTC, shown in the support team's time zone.
LANGUAGE_CODE = "en-us"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/Chicago")
# The currency of order amounts (ISO 4217), shown with each (supportsite.templatetags.money).
CURRENCY = env_str("CURRENCY", "USD")
# urlize (account emails' HTML) links a bare domain as https://, Django 2028's default.
URLIZE_ASSUME_HTTPS = True
USE_I18N = True
USE_TZ = True

# Static files through whitenoise; uploads on local disk unless MEDIA_STORAGE_BACKEND
# says otherwise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {
        "BACKEND": env_str("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env_str("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    # Ticket attachments: never public; served only through the permission-checked view.
    "attachments": {
        "BACKEND": env_str(
            "ATTACHMENTS_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": json.loads(
            env_str(
                "ATTACHMENTS_STORAGE_OPTIONS",
                json.dumps({"location": env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private"))}),
            )
        ),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
# The admin's redirect-to-login (and its logout) go to /admin/login/, our view that sends people
# on to the site's login: one password form, one throttle and lock (allauth's `login_failed`).
WAGTAILADMIN_LOGIN_URL = "admin_login"
# Search: the database (PostgreSQL full-text search on PostgreSQL, FTS5 with prefix matching on
# SQLite: helpcenter/search_backends.py), or Elasticsearch/OpenSearch when SEARCH_BACKEND names
# one (its client package must be installed; see docs/operations.md).
SEARCH_BACKENDS = (
    "database",
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
)
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
if SEARCH_BACKEND not in SEARCH_BACKENDS:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, not {SEARCH_BACKEND!r}."
    )
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "helpcenter.search_backends"}}
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = f"wagtail.search.backends.{SEARCH_BACKEND}"
    WAGTAILSEARCH_BACKENDS["default"].update(
        {
            "URLS": env_list("SEARCH_URL", ["http://localhost:9200"]),
            "INDEX": env_str("SEARCH_INDEX", "supportsite"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": json.loads(env_str("SEARCH_OPTIONS", "{}")),
        }
    )
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy on every response (docs/operations.md, "Security", says how to extend
# it). Scripts come from our origin, or inline with the request's nonce (`{{ csp_nonce }}`, or
# `{% load csp %}{% nonce_attr %}` where a template has no request); styles may be inline, as
# Wagtail's admin sets style attributes. Framing: none, except views that allow same-origin
# framing (Wagtail's preview: supportsite/csp.py).
CSP_MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *CSP_MEDIA_SOURCES],
    "media-src": [CSP.SELF, *CSP_MEDIA_SOURCES],
    "frame-src": [CSP.SELF, *CSP_FRAME_SOURCES],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if csp_report_uri := env_str("CSP_REPORT_URI", ""):
    SECURE_CSP["report-uri"] = [csp_report_uri]
# Wagtail's admin shows Gravatar pictures by default: an outside request per avatar (and a
# hash of each person's address sent to Gravatar). Avatars are the uploaded ones.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer Wagtail: upgrades go through
# requirements.lock.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# /metrics answers Prometheus only with this bearer token; unset, there is no /metrics.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")

# One line per event on stderr: text, or with LOG_FORMAT=json one JSON object per line.
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("LOG_FORMAT is either plain or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "supportsite.logs.JSONFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # The worker prints each task's progress itself; log only failures.
        "django.tasks": {"level": "WARNING"},
    },
}

# ── API ──────────────────────────────────────────────────────────────────────────────────────
# The JSON API at /api/v1/ (tickets/api/, docs/api.md), its OpenAPI schema (/api/schema/) and docs
# (/api/docs/, assets from drf-spectacular-sidecar: no CDN). Clients authenticate with the site's
# session (+ CSRF), allauth's headless JWTs for apps (/_allauth/app/v1/…), or personal API tokens
# (Wagtail's APIToken, accounts/api_tokens.py). tickets/api/views.py sets these per view, not
# through DRF's defaults, so Wagtail's own DRF endpoints keep theirs.
INSTALLED_APPS += ["allauth.headless", "drf_spectacular", "drf_spectacular_sidecar"]
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
# Requests per client (user, or IP when anonymous) and writes per user; a workflow limit (new
# tickets an hour per customer, tickets/limits.py) applies on top, as on the web. Both answer 429
# with Retry-After.
API_THROTTLE_RATES = {
    "burst": env_str("API_RATE_LIMIT", "120/min"),
    "writes": env_str("API_WRITE_RATE_LIMIT", "30/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} API",
    "DESCRIPTION": "Tickets, replies, files, staff actions, orders and help-center search. "
    "See docs/api.md for authentication and a curl session.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["tickets.api.schema.only_api_v1"],
    "ENUM_NAME_OVERRIDES": {
        "TicketStatusEnum": "tickets.choices.Status",
        "PriorityEnum": "tickets.choices.Priority",
        "OrderStatusEnum": "tickets.choices.OrderStatus",
        "SourceEnum": "tickets.choices.Source",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}
# allauth headless, app client only: POST /_allauth/app/v1/auth/login gives an access token (5
# minutes) and a refresh token (1 day), sent as `Authorization: Bearer …`. Validation is stateful,
# so signing out or changing the password ends the tokens too.
HEADLESS_CLIENTS = ("app",)
HEADLESS_TOKEN_STRATEGY = "allauth.headless.tokens.strategies.jwt.JWTTokenStrategy"
HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN = env_int("JWT_ACCESS_TOKEN_SECONDS", 300)
HEADLESS_JWT_REFRESH_TOKEN_EXPIRES_IN = env_int("JWT_REFRESH_TOKEN_SECONDS", 86400)
HEADLESS_JWT_STATEFUL_VALIDATION_ENABLED = True
# The RSA private key (PEM; "\n" escapes allowed) that signs the JWTs. Production requires it.
# Without it (development, tests) a key is generated when the process starts: tokens then last
# only as long as the process and are not shared between processes.
HEADLESS_JWT_PRIVATE_KEY = env_str("JWT_PRIVATE_KEY", "").replace("\\n", "\n")
if not HEADLESS_JWT_PRIVATE_KEY:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    HEADLESS_JWT_PRIVATE_KEY = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )

# ── Routes that need a setting to stay closed ────────────────────────────────────────────────
# Whether anonymous visitors may read the API's schema (/api/schema/) and docs (/api/docs/);
# signed-in users and API clients with a token always may. Off by default in production.
API_DOCS_PUBLIC = env_bool("API_DOCS_PUBLIC", True)
# Documents reach readers only through Wagtail's serve view, after their collection's privacy
# check: streamed, never a redirect to the storage's own URL (and /media/ never serves them:
# supportsite/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
