"""API endpoints. Each translates the request into one workflow call (writes) or one scoped
query (reads), and the workflow's errors into responses through tickets.api.exceptions."""

from allauth.headless.contrib.rest_framework.authentication import JWTTokenAuthentication
from django.db import transaction
from django.http import Http404
from django.utils.functional import cached_property
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import is_agent
from tickets import views as portal_views
from tickets import workflow
from tickets.choices import Source
from tickets.models import Message, Order, Ticket
from tickets.permissions import require_staff, visible_tickets

from . import queries
from . import schema as _schema  # noqa: F401 - registers the authentication schemes
from . import serializers as s
from .authentication import PersonalTokenAuthentication
from .exceptions import api_exception_handler
from .filters import DEFAULT_ORDERING, TicketFilterSet
from .pagination import PageOf20
from .permissions import IsSupportStaff
from .schema import APIAutoSchema
from .throttling import BurstThrottle, WriteThrottle


class APIMixin:
    """What every endpoint shares: authentication, limits, JSON, errors, the schema."""

    authentication_classes = [
        PersonalTokenAuthentication,
        JWTTokenAuthentication,
        SessionAuthentication,
    ]
    permission_classes = [IsAuthenticated]
    throttle_classes = [BurstThrottle, WriteThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = None
    filter_backends = []
    schema = APIAutoSchema()
    # Workflow field names that the API calls something else (for error messages).
    workflow_field_names = {}

    def get_exception_handler(self):
        return api_exception_handler

    @cached_property
    def staff(self):
        request = getattr(self, "request", None)
        return bool(request is not None and request.user and is_agent(request.user))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["staff"] = self.staff
        return context

    def visible_ticket(self):
        """The ticket in the URL, if this user may see it; 404 otherwise."""
        try:
            return visible_tickets(self.request.user).get(number=self.kwargs["number"])
        except Ticket.DoesNotExist:
            raise NotFound() from None

    def ticket_summary(self, ticket):
        ticket = queries.ticket_list(self.request.user).get(pk=ticket.pk)
        return Response(s.TicketListSerializer(ticket, context=self.get_serializer_context()).data)

    def ticket_detail_response(self, ticket, status_code=status.HTTP_200_OK):
        context = {**self.get_serializer_context(), "ticket": ticket}
        return Response(s.TicketDetailSerializer(ticket, context=context).data, status=status_code)


# ── Tickets ──────────────────────────────────────────────────────────────────────────────────


@extend_schema_view(
    get=extend_schema(
        summary="List tickets",
        description="Customers get their own tickets; staff get every ticket.",
    ),
    post=extend_schema(
        summary="Open a ticket",
        request={
            "application/json": s.TicketCreateSerializer,
            "multipart/form-data": s.TicketCreateSerializer,
        },
        responses={201: s.TicketDetailSerializer},
    ),
)
class TicketListCreate(APIMixin, generics.ListCreateAPIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    pagination_class = PageOf20
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = TicketFilterSet

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ticket.objects.none()
        return queries.ticket_list(self.request.user).order_by(*DEFAULT_ORDERING)

    def get_serializer_class(self):
        if self.request is not None and self.request.method == "POST":
            return s.TicketCreateSerializer
        return s.TicketListSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        by_email = self.staff and bool(data.get("customer_email"))
        ticket = workflow.open_ticket(
            customer=None if by_email else data.get("customer") or request.user,
            customer_email=data.get("customer_email", ""),
            customer_name=data["customer_name"],
            opened_by=request.user,
            subject=data["subject"],
            description=data["description"],
            category=data.get("category"),
            priority=data["priority"],
            priority_justification=data["priority_justification"],
            order=data.get("order"),
            source=data.get("source", Source.API),
            attachments=data["attachments"],
            cc=data["cc"],
        )
        ticket = queries.ticket_detail(request.user, ticket.number)
        return self.ticket_detail_response(ticket, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="One ticket",
        description="With its comments (internal notes for staff only), files and history (for "
        "customers: status changes only). Reading it marks it read. A merged duplicate names "
        "the ticket it goes on as in `merged_into`.",
    ),
    patch=extend_schema(
        summary="Correct a ticket (staff)",
        description="Category, team, subject, order (one of the customer's), resolution notes, "
        "escalation, with a reason for the history. A new team unassigns an assignee who is "
        "not one of its members. Fields at their current value are left "
        "alone; any other field is a 400 naming it.",
        request=s.TicketCorrectionSerializer,
        responses={200: s.TicketDetailSerializer},
    ),
)
class TicketDetail(APIMixin, generics.GenericAPIView):
    serializer_class = s.TicketDetailSerializer

    def get_serializer_class(self):
        if self.request is not None and self.request.method == "PATCH":
            return s.TicketCorrectionSerializer
        return s.TicketDetailSerializer

    def get(self, request, *args, **kwargs):
        try:
            ticket = queries.ticket_detail(request.user, kwargs["number"])
        except Ticket.DoesNotExist:
            raise NotFound() from None
        workflow.mark_read(ticket, request.user)
        return self.ticket_detail_response(ticket)

    def patch(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        require_staff(request.user)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        reason, tags = changes.pop("reason"), changes.pop("tags", None)
        with transaction.atomic():
            workflow.correct(ticket, by=request.user, reason=reason, **changes)
            if tags is not None:
                workflow.tag(ticket, by=request.user, tags=tags, reason=reason)
        return self.ticket_detail_response(queries.ticket_detail(request.user, ticket.number))


class CommentFilterSet(filters.FilterSet):
    after = filters.NumberFilter(
        field_name="pk", lookup_expr="gt", help_text="Only comments with a greater id (polling)."
    )

    class Meta:
        model = Message
        fields = []


@extend_schema_view(
    get=extend_schema(summary="A ticket's comments", description="Oldest first."),
    post=extend_schema(
        summary="Reply, or add an internal note",
        description="A public reply (customer or staff), or with is_internal an internal note "
        "(staff only). Send files as multipart/form-data.",
        request={
            "application/json": s.CommentCreateSerializer,
            "multipart/form-data": s.CommentCreateSerializer,
        },
        responses={201: s.CommentSerializer},
    ),
)
class TicketComments(APIMixin, generics.ListCreateAPIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    pagination_class = PageOf20
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = CommentFilterSet
    workflow_field_names = {"body": "comment", "internal": "is_internal"}

    @cached_property
    def ticket(self):
        return self.visible_ticket()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Message.objects.none()
        return queries.comments(self.request.user, self.ticket)

    def get_serializer_class(self):
        if self.request is not None and self.request.method == "POST":
            return s.CommentCreateSerializer
        return s.CommentSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["ticket"] = self.ticket
        return context

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        message = workflow.post_message(
            self.ticket,
            author=request.user,
            body=serializer.validated_data["comment"],
            internal=serializer.validated_data["is_internal"],
            attachments=serializer.validated_data["attachments"],
            source=Source.API,
        )
        message = (
            Message.objects.select_related("author")
            .prefetch_related("attachments")
            .get(pk=message.pk)
        )
        return Response(
            s.CommentSerializer(message, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    get=extend_schema(summary="Who is copied on a ticket", responses={200: s.CCSerializer}),
    put=extend_schema(
        summary="Set who is copied on a ticket",
        description="The whole list: addresses not in it are taken off (they no longer get "
        "emails or see the ticket), new ones added. For the ticket's customer and staff (someone "
        "copied may take only themselves off). Every bad address is named in `cc`; a bad list "
        "changes nothing.",
        request=s.CCSerializer,
        responses={200: s.CCSerializer},
    ),
)
class TicketCCs(APIMixin, generics.GenericAPIView):
    serializer_class = s.CCSerializer

    def get(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        return Response({"cc": list(ticket.ccs.values_list("email", flat=True))})

    def put(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ccs = workflow.set_ccs(ticket, serializer.validated_data["cc"], by=request.user)
        return Response({"cc": [cc.email for cc in ccs]})


class _StaffAction(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]

    def patch(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform(ticket, **serializer.validated_data)
        return self.ticket_summary(ticket)


@extend_schema(
    summary="Change the status (staff)",
    description="Along the transition table (docs/tickets.md); a move it does not allow is a "
    "400 whose `allowed_transitions` lists the moves that are.",
    responses={200: s.TicketListSerializer},
)
class TicketStatus(_StaffAction):
    serializer_class = s.StatusChangeSerializer

    def perform(self, ticket, *, status, reason):
        workflow.change_status(ticket, by=self.request.user, status=status, reason=reason)


@extend_schema(summary="Change the priority (staff)", responses={200: s.TicketListSerializer})
class TicketPriority(_StaffAction):
    serializer_class = s.PriorityChangeSerializer

    def perform(self, ticket, *, priority, reason):
        workflow.change_priority(ticket, by=self.request.user, priority=priority, reason=reason)


@extend_schema(
    summary="Assign or unassign (staff)",
    description="Agents take tickets for themselves (or release their own); support admins "
    "assign anyone's to any agent.",
    responses={200: s.TicketListSerializer},
)
class TicketAssignee(_StaffAction):
    serializer_class = s.AssigneeChangeSerializer

    def perform(self, ticket, *, assignee, reason):
        workflow.assign(ticket, by=self.request.user, assignee=assignee, reason=reason)


@extend_schema(
    summary="Merge into another ticket (staff)",
    description="This ticket's thread and files move to `into`, which goes on; this one "
    "closes, its number leading there. Agents merge one customer's tickets; support admins "
    "any customers'.",
    request=s.MergeSerializer,
    responses={200: s.TicketListSerializer},
)
class TicketMerge(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.MergeSerializer

    def post(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        into = visible_tickets(request.user).filter(number=data["into"]).first()
        if into is None:
            raise ValidationError({"into": "No such ticket."})
        target = workflow.merge([ticket], into=into, by=request.user, reason=data["reason"])
        return self.ticket_summary(target)


@extend_schema(
    summary="Rate the help (customer)",
    description="Once, after the ticket is resolved: 1 to 5 stars and an optional comment.",
    responses={201: s.FeedbackSerializer},
)
class TicketFeedback(APIMixin, generics.GenericAPIView):
    serializer_class = s.FeedbackCreateSerializer

    def post(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        feedback = workflow.rate(ticket, by=request.user, **serializer.validated_data)
        return Response(s.FeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Confirm the resolution (customer)",
    description="The customer agrees a resolved ticket is solved: it closes.",
    request=None,
    responses={200: s.TicketListSerializer},
)
class TicketConfirm(APIMixin, generics.GenericAPIView):
    def post(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        workflow.confirm_resolution(ticket, by=request.user)
        return self.ticket_summary(ticket)


@extend_schema(
    summary="Download a file",
    description="The file itself, through the same permission-checked view as the site's "
    "download links (customers never get files of internal notes).",
    responses={(200, "*/*"): OpenApiTypes.BINARY},
)
class TicketAttachment(APIMixin, APIView):
    def get(self, request, number, pk):
        # DRF has put the authenticated user on the underlying request: the site's view then
        # applies tickets.permissions.visible_attachments exactly as for a signed-in visitor.
        return portal_views.attachment_download(request._request, number=number, pk=pk)

    @extend_schema(
        summary="Remove a file (staff)",
        description="Redaction: the file leaves storage, its metadata stays with `removed`. "
        "Needs the permission to redact (agents and support admins).",
        request=None,
        responses={204: None},
    )
    def delete(self, request, number, pk):
        require_staff(request.user)
        ticket = self.visible_ticket()
        attachment = ticket.attachments.exclude(file="").filter(pk=pk).first()
        if attachment is None:
            raise NotFound()
        workflow.redact_attachment(attachment, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    summary="Redact a passage of a comment (staff)",
    description="Every occurrence of `passage` in the comment (a reply or an internal note) "
    "is replaced by “[redacted]”, as in the ticket's emails and history. It must occur in the "
    "comment. Needs the permission to redact (agents and support admins).",
    request=s.RedactSerializer,
    responses={200: s.CommentSerializer},
)
class TicketCommentRedact(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.RedactSerializer

    def post(self, request, number, pk):
        ticket = self.visible_ticket()
        message = ticket.messages.filter(pk=pk).first()
        if message is None:
            raise NotFound()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        workflow.redact_message(message, serializer.validated_data["passage"], by=request.user)
        message = (
            Message.objects.select_related("author").prefetch_related("attachments").get(pk=pk)
        )
        context = {**self.get_serializer_context(), "ticket": ticket}
        return Response(s.CommentSerializer(message, context=context).data)


@extend_schema(
    summary="Redact a passage of the ticket's opening (staff)",
    description="As for a comment, in the ticket's subject, description and custom fields.",
    request=s.RedactSerializer,
    responses={200: s.TicketDetailSerializer},
)
class TicketRedact(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.RedactSerializer

    def post(self, request, number):
        ticket = self.visible_ticket()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        workflow.redact_opening(ticket, serializer.validated_data["passage"], by=request.user)
        return self.ticket_detail_response(queries.ticket_detail(request.user, ticket.number))


# ── Staff ────────────────────────────────────────────────────────────────────────────────────


class StatsFilterSet(filters.FilterSet):
    created_from = filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    created_to = filters.DateFilter(field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = Ticket
        fields = []


@extend_schema(
    summary="Ticket figures (staff)",
    description="Counts by status, priority and category; median and average first-response "
    "and resolution times in seconds; SLA compliance. Optionally for tickets created in a date "
    "range.",
    parameters=[
        OpenApiParameter("created_from", OpenApiTypes.DATE, description="Created on or after."),
        OpenApiParameter("created_to", OpenApiTypes.DATE, description="Created on or before."),
    ],
    responses={200: s.StatsSerializer},
)
class Stats(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = StatsFilterSet
    serializer_class = s.StatsSerializer

    def get_queryset(self):
        return visible_tickets(self.request.user)

    def get(self, request):
        return Response(queries.stats(self.filter_queryset(self.get_queryset())))


@extend_schema(
    summary="Organisations (staff)",
    description="Customers' organisations: their email domains, whether members see each "
    "other's tickets, their admin's user id and how many members they have.",
)
class Organizations(APIMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.OrganizationSerializer

    def get_queryset(self):
        return queries.organizations(self.request.user)


@extend_schema(summary="Tags (staff)", description="The tags staff put on tickets.")
class Tags(APIMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.TagSerializer

    def get_queryset(self):
        return queries.tags(self.request.user)


@extend_schema(
    summary="Canned responses and macros (staff)",
    description="The caller's personal ones and the team's shared ones.",
)
class Macros(APIMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.MacroSerializer

    def get_queryset(self):
        return queries.macros(self.request.user)


@extend_schema(
    summary="Apply a macro (staff)",
    description="Posts `body` first when given (a reply, or with is_internal a note), then runs "
    "the macro's actions, each in the history as “macro: <title>”. All or nothing: an action "
    "that cannot run is a 400 on `macro` and changes nothing. Answers with the ticket.",
    responses={200: s.TicketDetailSerializer},
)
class TicketMacro(APIMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.MacroApplySerializer

    def post(self, request, *args, **kwargs):
        ticket = self.visible_ticket()
        macro = queries.macros(request.user).filter(pk=kwargs["pk"]).first()
        if macro is None:
            raise NotFound()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        workflow.apply_macro(
            ticket,
            by=request.user,
            macro=macro,
            body=serializer.validated_data["body"],
            internal=serializer.validated_data["is_internal"],
        )
        return self.ticket_detail_response(queries.ticket_detail(request.user, ticket.number))


@extend_schema(summary="Support agents (staff)", description="Who tickets can be assigned to.")
class Agents(APIMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.AgentSerializer

    def get_queryset(self):
        return queries.agents()


@extend_schema(
    summary="Teams (staff)",
    description="The agents' teams, with their members: a ticket's `team` is one of these.",
)
class Teams(APIMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, IsSupportStaff]
    serializer_class = s.TeamSerializer

    def get_queryset(self):
        return queries.teams(self.request.user)


# ── Everyone ─────────────────────────────────────────────────────────────────────────────────


@extend_schema(summary="The signed-in user")
class Me(APIMixin, generics.RetrieveAPIView):
    serializer_class = s.MeSerializer

    def get_object(self):
        return self.request.user


@extend_schema(summary="Ticket categories", description="The categories customers may choose.")
class Categories(APIMixin, generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.CategorySerializer

    def get_queryset(self):
        return queries.categories()


class OrderFilterSet(filters.FilterSet):
    search = filters.CharFilter(
        field_name="number", lookup_expr="icontains", max_length=200, help_text="Order number."
    )

    class Meta:
        model = Order
        fields = []


@extend_schema(
    summary="Orders",
    description="Customers get their own orders, each with its tickets; staff get every order.",
)
class Orders(APIMixin, generics.ListAPIView):
    serializer_class = s.OrderWithTicketsSerializer
    pagination_class = PageOf20
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = OrderFilterSet

    def get_queryset(self):
        return queries.orders(self.request.user)


@extend_schema(summary="One order")
class OrderDetail(APIMixin, generics.RetrieveAPIView):
    serializer_class = s.OrderWithTicketsSerializer
    lookup_field = "number"

    def get_queryset(self):
        return queries.orders(self.request.user)


class NotFoundView(APIMixin, APIView):
    """Any other path under /api/v1/: a JSON 404, not the site's HTML page."""

    permission_classes = [AllowAny]
    schema = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise Http404
