"""In-app notifications: the list, opening one (which marks it read and goes to its page: its
ticket's, or for an agent application the admin or the site) and marking them read.

The same views serve customers on the site and staff in the Wagtail admin; only the template
differs (the admin's URLs pass theirs)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from .models import Notification

PER_PAGE = 30


def unread_count(user):
    """The user's unread count, counted once per request: the request's user keeps it (the bell
    and the admin menu share it)."""
    if not user.is_authenticated:
        return 0
    if not hasattr(user, "unread_notifications"):
        user.unread_notifications = Notification.objects.filter(
            recipient=user, read_at__isnull=True
        ).count()
    return user.unread_notifications


def unread_count_for(request):
    """The visitor's unread count."""
    user = getattr(request, "user", None)
    return unread_count(user) if user is not None else 0


def _back(request, fallback):
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if allowed else fallback)


@login_required
@require_GET
def notification_list(request, template="notifications/list.html"):
    notifications = Notification.objects.filter(recipient=request.user)
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        template,
        {
            "page_obj": page,
            "notifications": page.object_list,
            "unread": unread_count(request.user),
        },
    )


@login_required
@require_POST
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=set()):
        return redirect(notification.url)
    if notification.ticket_id:
        return redirect(notification.ticket.get_absolute_url())
    return redirect("notifications:list")  # agent applications concern no ticket


@login_required
@require_POST
def notification_mark_read(request, pk):
    Notification.objects.filter(pk=pk, recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return _back(request, "notifications:list")


@login_required
@require_POST
def notifications_mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return _back(request, "notifications:list")
