from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import api_tokens, applications, roles
from .forms import AgentApplicationForm, APITokenForm, ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("account_profile")
    return render(request, "account/profile.html", {"form": form})


@login_required
def agent_application(request):
    """Apply to join the support team; shows the pending application, if there is one."""
    pending = applications.pending_application(request.user)
    initial = {"name": request.user.name, "phone": request.user.phone}
    form = AgentApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and not pending and form.is_valid():
        try:
            applications.apply(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thanks! A support admin will look at your application."))
            return redirect("account_agent_application")
    return render(
        request,
        "account/agent_application.html",
        {"form": form, "pending": pending, "is_agent": roles.is_agent(request.user)},
    )


@never_cache
@login_required
def api_token_list(request):
    """Personal API tokens: the list, a form to create one, and the new secret, shown once."""
    form = APITokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_secret = api_tokens.create_token(
                request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = APITokenForm()
    tokens = api_tokens.active_tokens(request.user)
    return render(
        request,
        "account/api_tokens.html",
        {"form": form, "tokens": tokens, "new_secret": new_secret},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def api_token_revoke(request, pk):
    if api_tokens.revoke_token(request.user, pk):
        messages.success(request, _("The token was revoked: it no longer works."))
    else:
        messages.error(request, _("No such token."))
    return redirect("account_api_tokens")


@login_not_required
@never_cache
def admin_login(request):
    """/admin/login/ (GET or POST) and WAGTAILADMIN_LOGIN_URL: the admin has no password form of
    its own, so the site's login (allauth, with its `login_failed` throttle and lock) is the only
    place a password is checked. Signed-in people who may not use the admin are refused here
    (403) rather than sent to the site login, which would send them straight back: no loop."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if not next_url or next_url.split("?")[0] == request.path:
        next_url = reverse("wagtailadmin_home")
    if not request.user.is_authenticated:
        return redirect_with_next(reverse("account_login"), next_url)
    if roles.can_access_admin(request.user):
        return redirect(next_url)
    refusal = _("You do not have permission to access the admin.")
    _drop_message(request, refusal)  # Wagtail's own copy of it, the page says it once
    return render(request, "account/admin_refused.html", {"refusal": refusal}, status=403)


def _drop_message(request, text):
    storage = messages.get_messages(request)
    kept = [message for message in storage if str(message.message) != str(text)]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)


def redirect_with_next(url, next_url):
    query = QueryDict(mutable=True)
    query["next"] = next_url
    return redirect(f"{url}?{query.urlencode(safe='/')}")
