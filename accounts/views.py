from django.contrib import messages
from django.core.exceptions import ValidationError
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import applications, roles
from .forms import AgentApplicationForm, ProfileForm


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
