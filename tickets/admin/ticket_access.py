"""Wagtail's own snippet pages for tickets (history, usage, delete, the chooser, bulk actions)
find tickets among those the user may see (tickets.permissions.visible_tickets): with team-scoped
visibility, another team's ticket is a 404 there as in the ticket view."""

from django.http import Http404
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import DeleteView, HistoryView, UsageView

from tickets.models import Ticket
from tickets.permissions import visible_tickets

from .choosers import PermissionCheckedChooserViewSet


class VisibleTickets:
    def get_object_list(self):
        return visible_tickets(self.request.user)

    def get_base_object_queryset(self):
        return visible_tickets(self.request.user)


class VisibleChosenTicket:
    def get_object(self, pk):
        try:
            return visible_tickets(self.request.user).get(pk=pk)
        except (ValueError, Ticket.DoesNotExist):
            raise Http404 from None


class TicketHistoryView(VisibleTickets, HistoryView):
    pass


class TicketUsageView(VisibleTickets, UsageView):
    pass


class TicketDeleteView(VisibleTickets, DeleteView):
    pass


class TicketChooserViewSet(PermissionCheckedChooserViewSet):
    choose_view_class = type("TicketChooseView", (VisibleTickets, chooser.ChooseView), {})
    choose_results_view_class = type(
        "TicketChooseResultsView", (VisibleTickets, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "TicketChosenView", (VisibleChosenTicket, chooser.SnippetChosenView), {}
    )


def visible_selection(request):
    """The tickets a bulk action was asked for (`?id=…`, or `all`), among those the user may see;
    a 404 when none is."""
    ids = request.GET.getlist("id")
    tickets = visible_tickets(request.user)
    if "all" not in ids:
        tickets = tickets.filter(pk__in=[pk for pk in ids if pk.isdigit()])
    found = list(tickets)
    if not found:
        raise Http404
    return found
