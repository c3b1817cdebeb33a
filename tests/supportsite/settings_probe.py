"""Print the settings the tests inspect, as JSON, for a process started with a chosen
environment."""

import json

import django
from django.conf import settings

django.setup()

print(
    json.dumps(
        {
            "DEBUG": settings.DEBUG,
            "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
            "DATABASE_ENGINE": settings.DATABASES["default"]["ENGINE"],
            "DATABASE_NAME": str(settings.DATABASES["default"]["NAME"]),
            "DATABASE_OPTIONS": settings.DATABASES["default"].get("OPTIONS", {}),
            "DATABASE_CONN_MAX_AGE": settings.DATABASES["default"]["CONN_MAX_AGE"],
            "DATABASE_CONN_HEALTH_CHECKS": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
            "LOGGING_FORMATTER": settings.LOGGING["handlers"]["console"]["formatter"],
            "DATABASE_SERVER_SIDE_CURSORS": not settings.DATABASES["default"].get(
                "DISABLE_SERVER_SIDE_CURSORS", False
            ),
            "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
            "TASKS_BACKEND": settings.TASKS["default"]["BACKEND"],
            "MAIL_BACKEND": settings.MAILERS["default"]["BACKEND"],
            "ANYMAIL": settings.ANYMAIL,
            "MEDIA_STORAGE": settings.STORAGES["default"]["BACKEND"],
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "STATIC_STORAGE": settings.STORAGES["staticfiles"]["BACKEND"],
            "SITE_URL": settings.SITE_URL,
            "WAGTAILADMIN_BASE_URL": settings.WAGTAILADMIN_BASE_URL,
            "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
            "SECRET_KEY": settings.SECRET_KEY,
            "INSTALLED_APPS": settings.INSTALLED_APPS,
            "INBOUND_EMAIL_PROVIDER": settings.INBOUND_EMAIL_PROVIDER,
            "API_DOCS_PUBLIC": settings.API_DOCS_PUBLIC,
            "SECURE_CSP": settings.SECURE_CSP,
            "COOKIES": {
                name: getattr(settings, name)
                for name in (
                    "SESSION_COOKIE_NAME",
                    "SESSION_COOKIE_SECURE",
                    "SESSION_COOKIE_DOMAIN",
                    "SESSION_COOKIE_PATH",
                    "CSRF_COOKIE_NAME",
                    "CSRF_COOKIE_SECURE",
                    "CSRF_COOKIE_DOMAIN",
                    "CSRF_COOKIE_PATH",
                )
            },
        }
    )
)
