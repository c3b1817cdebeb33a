"""The customer's side of exports: ask for a copy on the account page, download it by its link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import export_requests
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
