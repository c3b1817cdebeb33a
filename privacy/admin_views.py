"""Support admins export a customer's data from the admin (privacy.export_personal_data)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from accounts.customers import known_user

from . import export_requests
from .models import DataExport
from .permissions import may_export_anyone

SHOWN = 10


class FindAccountForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The customer's email address"))

    def clean_email(self):
        self.account = known_user(self.cleaned_data["email"])
        if self.account is None:
            raise forms.ValidationError(_("No account has this address."))
        return self.cleaned_data["email"]


def find_view(request):
    """Find the account whose data to export, by its address (support admins do not list
    users: Settings › Users is for superusers)."""
    if not may_export_anyone(request.user):
        raise PermissionDenied
    form = FindAccountForm(request.GET or None)
    if form.is_valid():
        return redirect("privacy_admin_export", user_id=form.account.pk)
    return TemplateResponse(
        request,
        "privacy/admin/find.html",
        {"form": form, "page_title": _("Customer data"), "header_icon": "lock"},
    )


class CustomerDataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_export_anyone(request.user)


def menu_item():
    return CustomerDataMenuItem(
        gettext_lazy("Customer data"),
        reverse("privacy_admin_find"),
        name="customer-data",
        icon_name="lock",
        order=9000,
    )


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
    return [
        path("privacy/export/", find_view, name="privacy_admin_find"),
        path("privacy/export/<int:user_id>/", export_view, name="privacy_admin_export"),
    ]
