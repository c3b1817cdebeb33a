"""Burst limits for API clients, on top of the workflow's own limits (which the web shares).

Rates come from settings.API_THROTTLE_RATES when each request is checked, so they can change
without a restart of DRF's class attributes (and tests can lower or raise them).
"""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle


class _SettingsRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return settings.API_THROTTLE_RATES[self.scope]

    def ident_for(self, request):
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return f"ip:{self.get_ident(request)}"


class BurstThrottle(_SettingsRateThrottle):
    """Every request, per user (or per IP address when anonymous)."""

    scope = "burst"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.ident_for(request)}


class WriteThrottle(_SettingsRateThrottle):
    """Requests that change something, per user."""

    scope = "writes"

    def get_cache_key(self, request, view):
        if request.method in SAFE_METHODS:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.ident_for(request)}
