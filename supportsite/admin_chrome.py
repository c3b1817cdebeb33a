"""The admin's furniture around every page (the sidebar, the keyboard shortcuts dialog, the
configuration its scripts read), kept rather than rebuilt per request.

Wagtail builds both on every admin page: the sidebar asks each menu item whether it is shown,
then packs the menus for its script, about a quarter of the ticket view's work
(docs/performance.md). Neither depends on the page (the sidebar's script marks the current
item). Both are kept per user and language, and dropped for everyone at once when what
decides its items changes (supportsite.access); the counts in its labels are not kept with
it: a counted item leaves a slot (`count_slot`) that every page fills with the count as it is
now. The dialog is kept per keyboard too (Mac or PC keys). The scripts' configuration is kept
per language, but for its CSRF token and the user's keyboard setting.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.templatetags.wagtailadmin_tags import (
    get_comments_enabled,
    keyboard_shortcuts_dialog,
    sidebar_props,
)

from . import access

DIALOG_TTL = 24 * 60 * 60
COUNT_SLOT = re.compile(r"\{\{count:(?P<counter>[\w.]+):(?P<key>\w*):(?P<zero>[01])\}\}")


def count_slot(counter, key="", *, show_zero=False):
    """The end of a menu item's label, where every page writes " (N)": `counter(user)` is N (or,
    with `key`, a dict holding N under it); no count is shown for 0 unless `show_zero`.

    The slot names the counter by its import path, so any process can fill a sidebar another
    one built: a counter is a module-level function."""
    name = f"{counter.__module__}.{counter.__qualname__}"
    try:
        importable = import_string(name) is counter
    except ImportError:
        importable = False
    if not importable:
        raise ValueError(f"{name} is not importable by that name: make it a module-level function")
    return f"{{{{count:{name}:{key}:{int(show_zero)}}}}}"


def _with_counts(packed, user):
    counted = {}

    def count(slot):
        name = slot["counter"]
        if name not in counted:
            counted[name] = import_string(name)(user)
        number = counted[name].get(slot["key"]) if slot["key"] else counted[name]
        return f" ({number})" if number or slot["zero"] == "1" else ""

    return mark_safe(COUNT_SLOT.sub(count, packed))


def sidebar(context):
    user = context["request"].user
    # Its account menu shows the user's email address (and the avatar it or their profile has);
    # a superuser may open every menu.
    who = hashlib.blake2b(f"{user.get_username()}:{user.is_superuser}".encode()).hexdigest()
    key = f"admin-chrome:sidebar:{access.token(user)}:{user.pk}:{who}:{get_language()}"
    packed = cache.get_or_set(key, lambda: sidebar_props(context), access.ACCESS_TTL)
    return _with_counts(packed, user)


def shortcuts_dialog(context):
    """Wagtail's dialog varies with these (wagtailadmin_tags.keyboard_shortcuts_dialog); ours adds
    rows by role (templates/wagtailadmin/shared/), so it is kept per user, like the sidebar."""
    request = context["request"]
    profile = getattr(request.user, "wagtail_userprofile", None)
    enabled = bool(getattr(profile, "keyboard_shortcuts", True))
    mac = bool(re.search(r"Mac|iPod|iPhone|iPad", request.headers.get("User-Agent", "")))
    key = (
        f"admin-chrome:shortcuts:{access.token(request.user)}:{request.user.pk}:{get_language()}"
        f":{enabled}:{mac}:{get_comments_enabled()}"
    )
    return cache.get_or_set(
        key,
        lambda: render_to_string(
            "wagtailadmin/shared/keyboard_shortcuts_dialog.html",
            keyboard_shortcuts_dialog(context),
            request=request,
        ),
        DIALOG_TTL,
    )


def _config_key(language):
    return f"admin-chrome:config:{language}"


def wagtail_config(context):
    """Wagtail's `wagtail_config` (its URLs, locales and a few hundred translated strings, for
    the admin's scripts): the same for everyone who reads the admin in one language, but for
    what this reads from the request and the user afresh."""
    request = context["request"]
    shared = cache.get(_config_key(get_language()))
    if shared is None:
        shared = wagtailadmin_tags.wagtail_config(context)
        for per_request in ("CSRF_TOKEN", "KEYBOARD_SHORTCUTS_ENABLED", "ACTIVE_CONTENT_LOCALE"):
            shared.pop(per_request, None)
        cache.set(_config_key(get_language()), shared, DIALOG_TTL)
    config = {**shared, "CSRF_TOKEN": get_token(request)}
    if locale := context.get("locale"):
        config["ACTIVE_CONTENT_LOCALE"] = locale.language_code
    profile = getattr(request.user, "wagtail_userprofile", None)
    config["KEYBOARD_SHORTCUTS_ENABLED"] = profile.keyboard_shortcuts if profile else True
    return config


def forget_config(**kwargs):
    """A locale added or removed shows in the admin's scripts at once (a signal receiver)."""
    cache.delete_many([_config_key(code) for code, _name in settings.LANGUAGES])
