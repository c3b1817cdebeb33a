"""Support admins export a customer's data from the admin (privacy.export_personal_data)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin import messages

from . import export_requests
from .models import DataExport
from .permissions import may_export_anyone

SHOWN = 10


def export_view(request, user_id):
    """The customer's recent copies with their links; POST prepares a new one (in the
    background: the page says so until it is ready)."""
    if not may_export_anyone(request.user):
        raise PermissionDenied
    customer = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        export_requests.request_for(customer, by=request.user)
        messages.success(request, _("The export is being prepared."))
        return redirect("privacy_admin_export", user_id=customer.pk)
    exports = list(DataExport.objects.filter(user=customer).select_related("requested_by")[:SHOWN])
    for data_export in exports:
        data_export.link = (
            export_requests.download_path(data_export)
            if data_export.ready_at and data_export.file
            else ""
        )
    return TemplateResponse(
        request,
        "privacy/admin/export.html",
        {
            "customer": customer,
            "exports": exports,
            "page_title": _("Export %(email)s's data") % {"email": customer.email},
            "header_icon": "download",
        },
    )


def admin_urls():
    return [path("privacy/export/<int:user_id>/", export_view, name="privacy_admin_export")]
