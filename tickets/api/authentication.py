"""How API clients prove who they are.

- Personal API tokens (Wagtail's APIToken, made on /accounts/api-tokens/: accounts/api_tokens.py):
  `Authorization: Token wagtail_…`, or `Bearer wagtail_…`.
- allauth headless JWTs for apps: `Authorization: Bearer <access token>`.
- The site's session cookie, with CSRF on writes (DRF's SessionAuthentication).

Personal tokens come first: a Bearer value that is not one of ours is left to the JWT class.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken
from wagtail.models.api import TOKEN_PREFIX

TOKEN_KEYWORD = b"token"
BEARER_KEYWORD = b"bearer"
# How our own tokens began before Wagtail's replaced them (accounts/0006 dropped them): their
# owners are told to make a new one.
RETIRED_PREFIX = "hcp_"


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    """DRF's side of Wagtail's BearerTokenAuth: the same lookup (current and fallback keys, not
    revoked, active owner) and the same `last_used_at` stamping, also under the `Token` keyword."""

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts:
            return None
        keyword = parts[0].lower()
        if keyword not in (TOKEN_KEYWORD, BEARER_KEYWORD):
            return None
        if keyword == BEARER_KEYWORD and not (
            len(parts) == 2
            and parts[1].startswith((TOKEN_PREFIX.encode(), RETIRED_PREFIX.encode()))
        ):
            return None  # an app's JWT, or malformed: the JWT class answers
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as “Authorization: Token <token>”.")
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if secret.startswith(RETIRED_PREFIX):
            raise exceptions.AuthenticationFailed(
                _(
                    "Tokens starting with “%(prefix)s” are no longer accepted: "
                    "make a new one on %(url)s."
                )
                % {"prefix": RETIRED_PREFIX, "url": reverse("account_api_tokens")}
            )
        api_token = None
        if APIToken.validate_token_format(secret):
            api_token = BearerTokenAuth().authenticate(request._request, secret)
        if api_token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return api_token.user, api_token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
