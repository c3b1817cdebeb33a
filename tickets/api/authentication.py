"""How API clients prove who they are.

- Personal API tokens (accounts/api_tokens.py): `Authorization: Token hcp_…`, or `Bearer hcp_…`.
- allauth headless JWTs for apps: `Authorization: Bearer <access token>`.
- The site's session cookie, with CSRF on writes (DRF's SessionAuthentication).

Personal tokens come first: a Bearer value that is not one of ours is left to the JWT class.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts import api_tokens

TOKEN_KEYWORD = b"token"
BEARER_KEYWORD = b"bearer"


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts:
            return None
        keyword = parts[0].lower()
        if keyword not in (TOKEN_KEYWORD, BEARER_KEYWORD):
            return None
        if keyword == BEARER_KEYWORD and not (
            len(parts) == 2 and parts[1].startswith(api_tokens.SECRET_PREFIX.encode())
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
        user = api_tokens.user_for_secret(secret)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return user, None

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
