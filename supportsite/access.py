"""Who may open what: kept between requests, and dropped at once when it changes.

Roles, permissions and the menus they open change rarely, yet every page asks about them: the
admin's sidebar (supportsite.admin_chrome), each user's permissions (supportsite.auth_backends)
and roles (accounts.roles) are kept in the cache under `token(user)`, made of one token for
everyone and one per user, which `changed` replaces. The apps connect `changed` in their
`ready()` to the changes that decide access: group memberships, permissions and deleted accounts
(one person joining a group changes only their own token: sign-ups make customers all day),
Wagtail's page and collection permissions, saved views and teams. A change made without signals
(raw SQL, a data migration) shows within `ACCESS_TTL` seconds.
"""

import uuid

from django.contrib.auth import get_user_model
from django.core.cache import cache

EVERYONE_KEY = "access:generation"
ACCESS_TTL = 10 * 60


def _user_key(pk):
    return f"access:user:{pk}"


def token(user):
    """The current token for this user's kept access (one round trip to the cache)."""
    keys = [EVERYONE_KEY, _user_key(user.pk)]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
    return ":".join(found.get(key) or missing[key] for key in keys)


def kept(user, name, compute):
    """`compute()`, a fact about what this user may open, kept under their token: worked out
    afresh once what decides it changes (or after ACCESS_TTL)."""
    key = f"access:{name}:{token(user)}:{user.pk}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, ACCESS_TTL)
    return value


def changed(instance=None, action=None, reverse=False, pk_set=None, **kwargs):
    """What someone may open is worked out afresh on their next page (a signal receiver): the
    person whose groups or permissions changed, or else everyone."""
    if action is not None and not action.startswith("post_"):
        return
    if isinstance(instance, get_user_model()):
        # Their memberships changed, or they were deleted (a database may give their id again).
        people = [instance.pk]
    elif reverse and pk_set and kwargs.get("model") is get_user_model():
        people = list(pk_set)
    else:
        cache.set(EVERYONE_KEY, uuid.uuid4().hex, None)
        return
    cache.set_many({_user_key(pk): uuid.uuid4().hex for pk in people}, None)
