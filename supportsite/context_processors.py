from django.conf import settings

from accounts.roles import can_access_admin


def site(request):
    """What the base layout needs on every page: the site's name and the visitor's navigation."""
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        "show_admin_link": bool(user and user.is_authenticated and can_access_admin(user)),
    }
