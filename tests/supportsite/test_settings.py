"""Settings come from the environment: each case starts a fresh process with a chosen env."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("settings_probe.py")
CONFIG_VARS = (
    "DATABASE_CONN_MAX_AGE",
    "LOG_FORMAT",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_PROVIDER",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "MEDIA_ROOT",
    "MEDIA_STORAGE_BACKEND",
    "DEBUG",
    "JWT_PRIVATE_KEY",
    "INBOUND_EMAIL_PROVIDER",
    "API_DOCS_PUBLIC",
    "CSP_MEDIA_SOURCES",
    "CSP_FRAME_SOURCES",
    "CSP_REPORT_URI",
)
PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-production-secret-key-with-enough-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "help.example.com",
    "SITE_URL": "https://help.example.com",
    "EMAIL_PROVIDER": "postmark",
    "ANYMAIL_POSTMARK_SERVER_TOKEN": "server-token",
    # The inbound webhook's basic auth (Postmark is also the inbound provider by default).
    "ANYMAIL_WEBHOOK_SECRET": "postmark:hook-secret",
    # Read only when the first app token is signed.
    "JWT_PRIVATE_KEY": "-----BEGIN PRIVATE KEY-----\\n…\\n-----END PRIVATE KEY-----",
}


def clean_env(settings_module, **env):
    base = {
        k: v for k, v in os.environ.items() if k not in CONFIG_VARS and not k.startswith("ANYMAIL_")
    }
    return {**base, "DJANGO_SETTINGS_MODULE": settings_module, "PYTHONPATH": str(ROOT), **env}


def load_settings(settings_module="supportsite.settings.dev", **env):
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        env=clean_env(settings_module, **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_the_embedded_stack():
    s = load_settings()

    assert s["DATABASE_ENGINE"] == "django.db.backends.sqlite3"
    assert s["DATABASE_NAME"] == str(ROOT / "db.sqlite3")
    # Web, worker and scheduler share the file: WAL and immediate transactions avoid lock errors.
    assert s["DATABASE_OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in s["DATABASE_OPTIONS"]["init_command"]
    assert s["CACHE_BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert s["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert s["MAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert s["MEDIA_STORAGE"] == "django.core.files.storage.FileSystemStorage"
    assert "django_rq" not in s["INSTALLED_APPS"]


def test_database_url_selects_postgresql():
    s = load_settings(DATABASE_URL="postgres://support:pw@db.internal:5432/helpdesk")

    assert s["DATABASE_ENGINE"] == "django.db.backends.postgresql"
    assert s["DATABASE_NAME"] == "helpdesk"
    # Pickers' few rows in one round trip, and PgBouncer's transaction pooling works.
    assert s["DATABASE_SERVER_SIDE_CURSORS"] is False


def test_redis_url_moves_cache_and_task_queue_to_redis():
    s = load_settings(REDIS_URL="redis://cache.internal:6379/2")

    assert s["CACHE_BACKEND"] == "django_redis.cache.RedisCache"
    assert s["TASKS_BACKEND"] == "django_tasks_rq.RQBackend"
    assert "django_rq" in s["INSTALLED_APPS"]


def test_email_provider_selects_an_anymail_backend_with_its_credentials():
    s = load_settings(
        EMAIL_PROVIDER="mailgun",
        ANYMAIL_MAILGUN_API_KEY="key-123",
        ANYMAIL_WEBHOOK_SECRET="user:pass",
    )

    assert s["MAIL_BACKEND"] == "anymail.backends.mailgun.EmailBackend"
    assert s["ANYMAIL"] == {"MAILGUN_API_KEY": "key-123", "WEBHOOK_SECRET": "user:pass"}


def test_media_storage_and_hosts_come_from_the_environment(tmp_path):
    s = load_settings(
        MEDIA_ROOT=str(tmp_path),
        MEDIA_STORAGE_BACKEND="django.core.files.storage.InMemoryStorage",
        ALLOWED_HOSTS="help.example.com, www.example.com",
        SITE_URL="https://help.example.com/",
    )

    assert s["MEDIA_ROOT"] == str(tmp_path)
    assert s["MEDIA_STORAGE"] == "django.core.files.storage.InMemoryStorage"
    assert s["ALLOWED_HOSTS"] == ["help.example.com", "www.example.com"]
    assert s["SITE_URL"] == "https://help.example.com"
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://help.example.com"]


def test_test_settings_use_locmem_mail_and_inline_tasks():
    s = load_settings("supportsite.settings.test")

    assert s["MAIL_BACKEND"] == "django.core.mail.backends.locmem.EmailBackend"
    assert s["TASKS_BACKEND"] == "django.tasks.backends.immediate.ImmediateBackend"


def test_production_reads_everything_from_the_environment():
    s = load_settings("supportsite.settings.production", **PRODUCTION_ENV)

    assert s["DEBUG"] is False
    assert s["SECRET_KEY"] == PRODUCTION_ENV["SECRET_KEY"]
    assert s["ALLOWED_HOSTS"] == ["help.example.com"]
    assert s["WAGTAILADMIN_BASE_URL"] == "https://help.example.com"
    assert s["MAIL_BACKEND"] == "anymail.backends.postmark.EmailBackend"
    assert s["STATIC_STORAGE"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_api_docs_are_public_in_development_and_for_signed_in_users_in_production():
    assert load_settings()["API_DOCS_PUBLIC"] is True
    assert (
        load_settings("supportsite.settings.production", **PRODUCTION_ENV)["API_DOCS_PUBLIC"]
        is False
    )
    production = load_settings(
        "supportsite.settings.production", **PRODUCTION_ENV, API_DOCS_PUBLIC="on"
    )
    assert production["API_DOCS_PUBLIC"] is True


def test_inbound_email_follows_an_anymail_email_provider_unless_turned_off():
    assert load_settings()["INBOUND_EMAIL_PROVIDER"] == ""
    assert load_settings(EMAIL_PROVIDER="smtp")["INBOUND_EMAIL_PROVIDER"] == ""
    assert load_settings(EMAIL_PROVIDER="mailgun")["INBOUND_EMAIL_PROVIDER"] == "mailgun"
    off = load_settings(EMAIL_PROVIDER="mailgun", INBOUND_EMAIL_PROVIDER="")
    assert off["INBOUND_EMAIL_PROVIDER"] == ""


def test_production_cookies_carry_the_host_prefix_and_its_conditions():
    cookies = load_settings("supportsite.settings.production", **PRODUCTION_ENV)["COOKIES"]

    assert cookies["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert cookies["CSRF_COOKIE_NAME"].startswith("__Host-")
    # What browsers demand of a __Host- cookie: Secure, no Domain, Path=/.
    for kind in ("SESSION", "CSRF"):
        assert cookies[f"{kind}_COOKIE_SECURE"] is True
        assert cookies[f"{kind}_COOKIE_DOMAIN"] is None
        assert cookies[f"{kind}_COOKIE_PATH"] == "/"


@pytest.mark.parametrize(
    "missing",
    ["SECRET_KEY", "SITE_URL", "EMAIL_PROVIDER", "JWT_PRIVATE_KEY", "ANYMAIL_WEBHOOK_SECRET"],
)
def test_production_refuses_to_start_without_required_variables(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        env=clean_env("supportsite.settings.production", **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert f"Set the {missing} environment variable." in result.stderr


def test_a_malformed_boolean_is_reported_by_name():
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        env=clean_env("supportsite.settings.production", **PRODUCTION_ENV, SERVE_MEDIA="maybe"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert "SERVE_MEDIA must be true or false" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_env("supportsite.settings.production", **PRODUCTION_ENV),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_content_security_policy_takes_extra_sources_from_the_environment():
    """Media on another origin (S3, a CDN), other video hosts and a report collector."""
    default = load_settings()["SECURE_CSP"]
    extended = load_settings(
        CSP_MEDIA_SOURCES="https://media.example.net",
        CSP_FRAME_SOURCES="https://player.example.org",
        CSP_REPORT_URI="https://reports.example.com/csp",
    )["SECURE_CSP"]

    assert "report-uri" not in default
    assert "https://www.youtube-nocookie.com" in default["frame-src"]
    assert extended["img-src"] == ["'self'", "data:", "blob:", "https://media.example.net"]
    assert extended["media-src"] == ["'self'", "https://media.example.net"]
    assert extended["frame-src"] == ["'self'", "https://player.example.org"]
    assert extended["report-uri"] == ["https://reports.example.com/csp"]


def test_production_keeps_database_connections_and_checks_them_before_use():
    production = load_settings("supportsite.settings.production", **PRODUCTION_ENV)
    development = load_settings("supportsite.settings.dev")

    assert production["DATABASE_CONN_MAX_AGE"] == 600
    assert production["DATABASE_CONN_HEALTH_CHECKS"] is True
    assert development["DATABASE_CONN_MAX_AGE"] == 0
    off = load_settings(
        "supportsite.settings.production", DATABASE_CONN_MAX_AGE="0", **PRODUCTION_ENV
    )
    assert off["DATABASE_CONN_MAX_AGE"] == 0


def test_the_log_is_text_or_json_lines():
    assert load_settings("supportsite.settings.dev")["LOGGING_FORMATTER"] == "plain"
    assert load_settings("supportsite.settings.dev", LOG_FORMAT="json")["LOGGING_FORMATTER"] == (
        "json"
    )
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        env=clean_env("supportsite.settings.dev", LOG_FORMAT="xml"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "LOG_FORMAT is either plain or json" in result.stderr
