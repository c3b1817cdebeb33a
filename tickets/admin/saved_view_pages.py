"""Saving the queue's current filters as a named view, and deleting one.

The queue's small form posts here with its querystring; a name already taken or too long is
answered on this page, next to the field, with what the agent typed.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from accounts.roles import is_agent
from tickets.models import SavedView
from tickets.permissions import can_delete_saved_view, can_share_views, visible_saved_views

from . import saved_views


class SavedViewForm(forms.ModelForm):
    query = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = SavedView
        fields = ["name", "shared"]
        labels = {"name": gettext_lazy("Save these filters as")}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.fields["name"].widget.attrs["placeholder"] = _("e.g. My waiting tickets")
        if not can_share_views(owner):
            del self.fields["shared"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if SavedView.objects.filter(owner=self.owner, name__iexact=name).exists():
            raise forms.ValidationError(_("You already have a view with this name."))
        return name

    def clean_query(self):
        query = saved_views.query_to_save(QueryDict(self.cleaned_data["query"]))
        if query is None:
            raise forms.ValidationError(_("These filters are too many to save."))
        return query

    def save(self, commit=True):
        self.instance.owner = self.owner
        self.instance.query = self.cleaned_data["query"]
        return super().save(commit)


def _require_agent(user):
    if not is_agent(user):
        raise PermissionDenied


def save_view(request):
    _require_agent(request.user)
    if request.method == "POST":
        form = SavedViewForm(request.POST, owner=request.user)
        if form.is_valid():
            view = form.save()
            messages.success(request, _("Saved the view “%(name)s”.") % {"name": view.name})
            return redirect(saved_views.saved_view_url(view))
    else:
        form = SavedViewForm(initial={"query": request.GET.get("query", "")}, owner=request.user)
    return TemplateResponse(
        request,
        "tickets/admin/saved_view_form.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
def delete_view(request, pk):
    _require_agent(request.user)
    view = visible_saved_views(request.user).filter(pk=pk).first()
    if view is None:
        raise Http404
    if not can_delete_saved_view(request.user, view):
        raise PermissionDenied
    view.delete()
    messages.success(request, _("Deleted the view “%(name)s”.") % {"name": view.name})
    return redirect(saved_views.QUEUE_URL_NAME)
