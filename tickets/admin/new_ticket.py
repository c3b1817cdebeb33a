"""The "New ticket" page: staff open a ticket on a customer's behalf (a phone call, a visit, a
chat), through workflow.open_ticket like every other way in."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from accounts.roles import is_agent
from tickets import workflow
from tickets.forms import apply_workflow_errors

from .forms import NewTicketForm

URL_NAME = "new_ticket:new"


class NewTicketView(View):
    template_name = "tickets/admin/new_ticket.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_agent(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(NewTicketForm(user=request.user))

    def post(self, request):
        form = NewTicketForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(form)
        try:
            ticket = workflow.open_ticket(opened_by=request.user, **form.workflow_arguments())
        except ValidationError as error:
            apply_workflow_errors(form, error)
            return self.render(form)
        messages.success(
            request,
            _("Ticket %(number)s opened for %(customer)s.")
            % {"number": ticket.number, "customer": ticket.customer.get_full_name()},
        )
        return redirect("wagtailsnippets_tickets_ticket:edit", ticket.pk)

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "form": form,
                "media": form.media,
                "page_title": _("New ticket"),
                "header_icon": "plus",
                "queue_url": reverse("wagtailsnippets_tickets_ticket:list"),
            },
        )


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_agent(request.user)


class NewTicketViewSet(ViewSet):
    """The page in the Support menu, for staff only."""

    name = "new_ticket"
    url_prefix = "tickets/new"
    icon = "plus"
    menu_label = gettext_lazy("New ticket")
    menu_item_class = StaffMenuItem

    def get_urlpatterns(self):
        return [path("", NewTicketView.as_view(), name="new")]
