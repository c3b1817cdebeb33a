"""The customer's privacy pages: a copy of their data (asked for on the account page,
downloaded by its link) and "Close my account" (after signing in again), then goodbye."""

import time

from allauth.account import app_settings as allauth_settings
from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.login import get_authentication_records
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import export_requests
from .erasure import check_erasable, erase_customer
from .forms import CloseAccountForm
from .permissions import may_download


@login_required
@require_POST
def request_export(request):
    try:
        export_requests.request_own(request.user)
    except export_requests.TooSoon as refused:
        again_at = formats.date_format(timezone.localtime(refused.again_at), "DATETIME_FORMAT")
        messages.error(
            request,
            _("You can ask for a copy of your data once a day: ask again after %(time)s.")
            % {"time": again_at},
        )
    else:
        messages.success(
            request,
            _("We're preparing a copy of your data. We'll email you a link when it's ready."),
        )
    return redirect("account_profile")


@login_required
@require_GET
def download(request, token):
    """The ZIP, streamed by the app to its owner or a support admin; nobody else learns that
    the link exists (404)."""
    data_export = export_requests.from_link(token)
    if data_export is None or not may_download(request.user, data_export):
        raise Http404(_("This link has expired or is not yours. Ask for a new copy."))
    response = FileResponse(
        export_requests.storage().open(data_export.file, "rb"),
        as_attachment=True,
        filename=f"my-data-{data_export.ready_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


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
        return redirect("privacy:account_closed")
    return render(
        request,
        "privacy/close_account.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_not_required
def account_closed(request):
    return render(request, "privacy/account_closed.html")
