"""The customer's side of erasure: "Close my account" (after signing in again), then goodbye."""

import time

from allauth.account import app_settings as allauth_settings
from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.login import get_authentication_records
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .erasure import check_erasable, erase_customer
from .forms import CloseAccountForm


def signed_in_just_now(request):
    """Whether the session's last sign-in is recent. allauth asks for the password again
    (reauthentication_required) but lets accounts without one through: they prove themselves by
    signing in again with a code."""
    if request.user.has_usable_password():
        return True
    records = get_authentication_records(request, request.user)
    return bool(records) and (
        time.time() - records[-1]["at"] < allauth_settings.REAUTHENTICATION_TIMEOUT
    )


@never_cache
@login_required
@reauthentication_required
def close_account(request):
    """What closing the account does, the confirmation, and the erasure itself."""
    try:
        check_erasable(request.user)
    except ValidationError as error:
        return render(
            request, "privacy/close_account.html", {"refusal": error.messages[0]}, status=403
        )
    if not signed_in_just_now(request):
        return render(request, "privacy/sign_in_again.html")
    form = CloseAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_customer(request.user, by=request.user)
        logout(request)
        return redirect("privacy_account_closed")
    return render(
        request,
        "privacy/close_account.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_not_required
def account_closed(request):
    return render(request, "privacy/account_closed.html")
