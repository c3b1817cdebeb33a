"""Django's model backend, with each user's permissions kept between requests.

Every page asks for permissions (the header's admin link, Wagtail's menus and actions), and
Django reads them afresh per request: two queries on every page. They are kept under
supportsite.access's token, so a change of group or permission reaches the next request.
"""

from django.contrib.auth.backends import ModelBackend

from . import access


class KeptPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = access.kept(
                user_obj,
                f"permissions:{user_obj.is_superuser}",
                lambda: super(KeptPermissionsBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache
