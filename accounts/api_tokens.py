"""Personal API tokens: create (the secret is returned once), revoke, and find a token's user.

A secret is `hcp_` followed by 43 random URL-safe characters; the database keeps its SHA-256 and
its first characters (to tell tokens apart), never the secret itself. A token lasts until its
owner revokes it or the account is deactivated.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PersonalAPIToken

SECRET_PREFIX = "hcp_"
VISIBLE_CHARS = 12
MAX_TOKENS_PER_USER = 20
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def looks_like_secret(value):
    return value.startswith(SECRET_PREFIX)


@transaction.atomic
def create_token(user, *, name):
    """Make a token for `user`; return (token, secret). The secret cannot be read back later."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, so you know what uses it.")})
    if len(name) > PersonalAPIToken._meta.get_field("name").max_length:
        raise ValidationError({"name": _("Use at most 100 characters.")})
    existing = PersonalAPIToken.objects.select_for_update().filter(user=user)
    if existing.count() >= MAX_TOKENS_PER_USER:
        raise ValidationError(
            _("You have %(max)d tokens already: revoke one you no longer use first.")
            % {"max": MAX_TOKENS_PER_USER}
        )
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAPIToken.objects.create(
        user=user, name=name, prefix=secret[:VISIBLE_CHARS], key_hash=hash_secret(secret)
    )
    return token, secret


def revoke_token(user, token_id):
    """Delete one of `user`'s tokens; return whether there was one."""
    deleted, _count = PersonalAPIToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def user_for_secret(secret):
    """The active user a secret belongs to, or None. Records when the token was last used."""
    if not looks_like_secret(secret):
        return None
    try:
        token = PersonalAPIToken.objects.select_related("user").get(key_hash=hash_secret(secret))
    except PersonalAPIToken.DoesNotExist:
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        PersonalAPIToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user
