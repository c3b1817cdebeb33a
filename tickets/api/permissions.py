"""Who may call an endpoint at all. Finer rules (whose ticket, which transition, reassigning)
stay in tickets.workflow, which checks them again on every write."""

from django.conf import settings
from rest_framework.permissions import BasePermission

from tickets.permissions import require_staff


class IsSupportStaff(BasePermission):
    """Agents, support admins and superusers: tickets.permissions.require_staff, the check every
    staff-only workflow function makes first (a 403 with its message otherwise)."""

    def has_permission(self, request, view):
        require_staff(request.user)
        return True


class DocsReadable(BasePermission):
    """The API's schema and docs: anyone while settings.API_DOCS_PUBLIC, else signed-in users."""

    def has_permission(self, request, view):
        return settings.API_DOCS_PUBLIC or request.user.is_authenticated
