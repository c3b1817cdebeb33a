"""Personal API tokens on the account pages: Wagtail's APIToken, with our per-account rules.

Wagtail makes the secret (`wagtail_…`, shown once), keeps an HMAC of it keyed with SECRET_KEY
(tokens keep working while an old key is in SECRET_KEY_FALLBACKS) and its first 12 characters, and
revokes a token by stamping `revoked_at`, keeping the row for its audit log. Here: a customer sees
and revokes only their own tokens, and has at most MAX_TOKENS_PER_USER of them. The API checks
tokens in tickets/api/authentication.py.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import APIToken

MAX_TOKENS_PER_USER = 20


def active_tokens(user):
    return APIToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created", "-pk")


@transaction.atomic
def create_token(user, *, name):
    """Make a token for `user`; return (token, secret). The secret cannot be read back later."""
    get_user_model().objects.select_for_update().get(pk=user.pk)  # one creation at a time
    if active_tokens(user).count() >= MAX_TOKENS_PER_USER:
        raise ValidationError(
            _("You have %(max)d tokens already: revoke one you no longer use first.")
            % {"max": MAX_TOKENS_PER_USER}
        )
    token, secret = APIToken.create_token(user=user, name=name)
    log(token, "wagtail.apitoken.create", user=user)
    return token, secret


def revoke_token(user, token_id):
    """Revoke one of `user`'s tokens; return whether there was one."""
    token = active_tokens(user).filter(pk=token_id).first()
    if token is None:
        return False
    token.revoke()
    log(token, "wagtail.apitoken.revoke", user=user)
    return True
