"""Support admins take care of a customer's data from the admin: Settings › Customer data finds
the account by its address, its page exports the data (privacy.export_personal_data) and leads
to erasing it (privacy.erase_personal_data): a page saying what goes and what stays, then a
POST. Superusers also reach both from the users listing."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button, ListingButton

from accounts.customers import known_user
from tickets.models import Attachment, Message, Ticket

from . import export_requests
from .erasure import check_erasable, erase_customer
from .models import DataExport
from .permissions import may_erase_anyone, may_export_anyone

SHOWN = 10


class FindAccountForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The customer's email address"))

    def clean_email(self):
        self.account = known_user(self.cleaned_data["email"])
        if self.account is None:
            raise forms.ValidationError(_("No account has this address."))
        return self.cleaned_data["email"]


def _may_care_for_data(user):
    return may_export_anyone(user) or may_erase_anyone(user)


def find_view(request):
    """Find the account whose data to export or erase, by its address (support admins do not
    list users: Settings › Users is for superusers)."""
    if not _may_care_for_data(request.user):
        raise PermissionDenied
    form = FindAccountForm(request.GET or None)
    if form.is_valid():
        if may_export_anyone(request.user):
            return redirect("privacy_admin_export", user_id=form.account.pk)
        return redirect("privacy_erase", form.account.pk)
    return TemplateResponse(
        request,
        "privacy/admin/find.html",
        {"form": form, "page_title": _("Customer data"), "header_icon": "lock"},
    )


class CustomerDataMenuItem(MenuItem):
    def is_shown(self, request):
        return _may_care_for_data(request.user)


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
            "may_erase": may_erase_anyone(request.user) and not customer.erased_at,
            "page_title": _("Export %(email)s's data") % {"email": customer.email},
            "header_icon": "download",
        },
    )


def erase_view(request, pk):
    if not may_erase_anyone(request.user):
        raise PermissionDenied
    customer = get_object_or_404(get_user_model().objects.filter(erased_at__isnull=True), pk=pk)
    refusal = None
    try:
        check_erasable(customer)
    except ValidationError as error:
        refusal = error.messages[0]
    if request.method == "POST" and refusal is None:
        erase_customer(customer, by=request.user)
        messages.success(request, _("The customer's personal data was erased."))
        return redirect("privacy_admin_find")
    return TemplateResponse(
        request,
        "privacy/admin/erase.html",
        {
            "customer": customer,
            "refusal": refusal,
            "tickets": Ticket.objects.filter(customer=customer).count(),
            "messages_written": Message.objects.filter(author=customer).count(),
            "files": Attachment.objects.filter(ticket__customer=customer).count(),
            "page_title": _("Erase personal data"),
            "header_icon": "warning",
        },
        status=403 if refusal and request.method == "POST" else 200,
    )


def admin_urls():
    return [
        path("privacy/customers/", find_view, name="privacy_admin_find"),
        path("privacy/customers/<int:user_id>/export/", export_view, name="privacy_admin_export"),
        path("privacy/customers/<int:pk>/erase/", erase_view, name="privacy_erase"),
    ]


def export_button(user, request_user):
    """ "Export data" in each account's menu of Settings › Users."""
    if may_export_anyone(request_user):
        yield Button(
            _("Export data"),
            reverse("privacy_admin_export", args=[user.pk]),
            icon_name="download",
            priority=60,
        )


def erase_button(user, request_user):
    """The action in the users listing's "More" menu. Every account not erased shows it (the
    page refuses the team's): judging each row would cost a query per row."""
    if may_erase_anyone(request_user) and not user.erased_at:
        yield ListingButton(
            _("Erase personal data"),
            reverse("privacy_erase", args=[user.pk]),
            icon_name="warning",
            priority=90,
        )
