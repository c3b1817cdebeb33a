"""Support admins erase a customer's personal data from the admin: a page saying what goes and
what stays, then a POST. Reached from the users listing ("Erase personal data")."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from accounts.customers import known_user
from accounts.models import User
from tickets.models import Attachment, Message, Ticket

from .erasure import check_erasable, erase_customer

PERMISSION = "privacy.erase_personal_data"


def may_erase(user):
    return user.has_perm(PERMISSION)


class FindCustomerForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The customer's email address"))


class EraseMenuItem(MenuItem):
    def is_shown(self, request):
        return may_erase(request.user)


def erase_menu_item():
    return EraseMenuItem(
        gettext_lazy("Erase a customer's data"),
        reverse("privacy_erase_find"),
        icon_name="warning",
        order=900,
    )


def find_view(request):
    """The customer to erase, by one of their addresses: then the erase page."""
    if not may_erase(request.user):
        raise PermissionDenied
    form = FindCustomerForm(request.GET if "email" in request.GET else None)
    if form.is_bound and form.is_valid():
        customer = known_user(form.cleaned_data["email"])
        if customer is not None and not customer.erased_at:
            return redirect("privacy_erase", customer.pk)
        form.add_error("email", _("No account has this address."))
    return TemplateResponse(
        request,
        "privacy/admin/erase_find.html",
        {"form": form, "page_title": _("Erase a customer's data"), "header_icon": "warning"},
        status=400 if form.errors else 200,
    )


def erase_view(request, pk):
    if not may_erase(request.user):
        raise PermissionDenied
    customer = get_object_or_404(User.objects.filter(erased_at__isnull=True), pk=pk)
    refusal = None
    try:
        check_erasable(customer)
    except ValidationError as error:
        refusal = error.messages[0]
    if request.method == "POST" and refusal is None:
        erase_customer(customer, by=request.user)
        messages.success(request, _("The customer's personal data was erased."))
        return redirect("privacy_erase_find")
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


def user_listing_buttons(user, request_user):
    """The action in the users listing's "More" menu. Every account not erased shows it (the
    page refuses the team's): judging each row would cost a query per row."""
    if may_erase(request_user) and not user.erased_at:
        yield ListingButton(
            _("Erase personal data"),
            reverse("privacy_erase", args=[user.pk]),
            icon_name="warning",
            priority=90,
        )
