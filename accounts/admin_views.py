"""Agent applications in the Wagtail admin: support admins list them and decide each one."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import applications
from .models import AgentApplication


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=AgentApplication._meta.get_field("decision_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when rejecting; the applicant reads it."),
    )


def decide_view(request, pk):
    if not applications.can_decide(request.user):
        raise PermissionDenied
    application = get_object_or_404(AgentApplication.objects.select_related("user"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = request.POST.get("decision") == "approve"
        try:
            applications.decide(
                application, by=request.user, approve=approve, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            if approve:
                messages.success(
                    request, _("%(name)s is now a support agent.") % {"name": application.name}
                )
            else:
                messages.success(request, _("Application rejected."))
            return redirect("agent_applications:index")
    return TemplateResponse(
        request,
        "accounts/admin/application_decide.html",
        {
            "application": application,
            "form": form,
            "page_title": application.name,
            "header_icon": "user",
        },
    )


class AgentApplicationViewSet(ModelViewSet):
    model = AgentApplication
    icon = "user"
    menu_label = gettext_lazy("Agent applications")
    menu_order = 400
    name = "agent_applications"
    list_filter = ["status"]
    search_fields = ["name", "user__email", "motivation"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def list_display(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Applicant"),
                get_url=lambda application: reverse(
                    "agent_applications:decide", args=[application.pk]
                ),
            ),
            Column("user", label=gettext_lazy("Account"), accessor="user.email"),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            DateColumn("created_at", label=gettext_lazy("Applied")),
        ]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", decide_view, name="decide"),
        ]
