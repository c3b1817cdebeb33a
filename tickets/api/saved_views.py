"""`GET /api/v1/views/`: the queue's views for the caller, each with how many tickets it lists:
the built-in ones (tickets.admin.saved_views), then the caller's saved views and the team's
shared ones (tickets.permissions.visible_saved_views), counted as the queue filters them."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from tickets.admin import saved_views
from tickets.admin.filters import saved_view_tickets
from tickets.permissions import visible_saved_views

from .permissions import IsSupportStaff
from .serializers import OutputMixin
from .views import APIMixin

BUILT_IN, OWN, SHARED = "built_in", "own", "shared"


class TicketViewSerializer(OutputMixin, serializers.Serializer):
    """One view of the queue."""

    id = serializers.IntegerField(allow_null=True, help_text="A saved view's id; null if built in.")
    key = serializers.CharField(allow_null=True, help_text="A built-in view's key (`?view=`).")
    name = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=[BUILT_IN, OWN, SHARED], help_text="Built in, the caller's own, or shared."
    )
    query = serializers.CharField(help_text="The queue's querystring: its filters and sort.")
    url = serializers.CharField(help_text="The view in the admin's queue.")
    count = serializers.IntegerField(help_text="Tickets the view lists now.")


def _built_in(key, count):
    url = saved_views.url(key)
    return {
        "id": None,
        "key": key,
        "name": str(saved_views.BUILT_IN_VIEWS[key].label),
        "kind": BUILT_IN,
        "query": url.partition("?")[2],
        "url": url,
        "count": count,
    }


def _saved(view, request):
    return {
        "id": view.pk,
        "key": None,
        "name": view.name,
        "kind": OWN if view.owner_id == request.user.pk else SHARED,
        "query": view.query,
        "url": saved_views.saved_view_url(view),
        "count": saved_view_tickets(view, request).count(),
    }


@extend_schema(
    summary="The queue's views (staff)",
    description="Built-in views, then the caller's saved views and the shared ones, each with "
    "the number of tickets it lists.",
    responses={200: TicketViewSerializer(many=True)},
)
class TicketViews(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = TicketViewSerializer

    def get(self, request):
        user = request.user
        rows = [_built_in(key, count) for key, count in saved_views.counts(user).items()]
        rows += [_saved(view, request) for view in visible_saved_views(user)]
        return Response(self.get_serializer(rows, many=True).data)
