"""What the API reads and writes. Output follows the seeds' shapes where they fit (ticket_number,
nested customer and order, comments with is_staff_comment, history with field_changed /
old_value / new_value / change_reason); input serializers only parse and type the request: the
rules (lengths, priorities needing a reason, whose order, transitions) are the workflow's."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organization, User
from tickets import limits
from tickets.choices import STAFF_SOURCES, Priority, Status, customer_label
from tickets.models import (
    Attachment,
    CannedResponse,
    Category,
    Feedback,
    Message,
    Order,
    OrderLine,
    Tag,
    Team,
    Ticket,
)
from tickets.models.tickets import DESCRIPTION_MAX, DESCRIPTION_MIN, SUBJECT_MAX, SUBJECT_MIN
from tickets.permissions import visible_customers, visible_orders
from tickets.transitions import allowed_targets

JUSTIFICATION_MAX = Ticket._meta.get_field("priority_justification").max_length
FEEDBACK_COMMENT_MAX = Feedback._meta.get_field("comment").max_length


class OutputMixin:
    # Every field of a response serializer is read-only: the schema then lists them all as
    # present in responses.

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class StaffOnlyFieldsMixin(OutputMixin):
    # Meta.staff_only_fields reach staff only (context["staff"]); everyone else never sees them,
    # not even empty. The schema marks them optional (tickets.api.schema.APIAutoSchema).

    @property
    def _readable_fields(self):
        hidden = () if self.context.get("staff") else getattr(self.Meta, "staff_only_fields", ())
        for field in super()._readable_fields:
            if field.field_name not in hidden:
                yield field


# ── Nested pieces ────────────────────────────────────────────────────────────────────────────


class CategoryBriefSerializer(OutputMixin, serializers.ModelSerializer):
    """A ticket's category."""

    class Meta:
        model = Category
        fields = ["id", "name"]


class CategorySerializer(OutputMixin, serializers.ModelSerializer):
    """A category customers may choose for a ticket."""

    class Meta:
        model = Category
        fields = ["id", "name", "description", "default_priority"]


class TeamBriefSerializer(OutputMixin, serializers.ModelSerializer):
    """A ticket's team."""

    class Meta:
        model = Team
        fields = ["id", "name"]


class TagSerializer(OutputMixin, serializers.ModelSerializer):
    """A tag the support team puts on tickets."""

    class Meta:
        model = Tag
        fields = ["id", "name", "colour"]


class OrganizationBriefSerializer(OutputMixin, serializers.ModelSerializer):
    """The customer's organisation a ticket was opened in."""

    class Meta:
        model = Organization
        fields = ["id", "name"]


class OrganizationSerializer(OutputMixin, serializers.ModelSerializer):
    """A customers' organisation: its email domains and whether members see each other's
    tickets."""

    domains = serializers.ListField(
        source="domain_list", child=serializers.CharField(), read_only=True
    )
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "domains",
            "members_see_each_others_tickets",
            "admin",
            "member_count",
        ]


class PersonSerializer(OutputMixin, serializers.ModelSerializer):
    """A customer, as their tickets and orders show them."""

    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name", "business_name", "email"]


class AgentBriefSerializer(OutputMixin, serializers.ModelSerializer):
    """A member of the support team."""

    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name"]


class AgentSerializer(OutputMixin, serializers.ModelSerializer):
    """A support agent tickets can be assigned to."""

    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name", "email", "is_available"]


class TeamSerializer(OutputMixin, serializers.ModelSerializer):
    """A team of agents: tickets of its categories go to it, and to its members."""

    members = AgentBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", "name", "email", "members"]


class MeSerializer(OutputMixin, serializers.ModelSerializer):
    """The signed-in user and their role."""

    name = serializers.CharField(source="get_full_name", read_only=True)
    is_staff = serializers.SerializerMethodField(help_text="Agent, support admin or superuser.")
    is_support_admin = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "name", "business_name", "phone", "is_staff", "is_support_admin"]

    def get_is_staff(self, user) -> bool:
        from accounts.roles import is_agent

        return is_agent(user)

    def get_is_support_admin(self, user) -> bool:
        from accounts.roles import is_support_admin

        return is_support_admin(user)


class OrderLineSerializer(OutputMixin, serializers.ModelSerializer):
    """One product of an order."""

    amount = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta:
        model = OrderLine
        fields = ["product", "quantity", "unit_price", "amount"]


class OrderBriefSerializer(OutputMixin, serializers.ModelSerializer):
    """The order a ticket is about."""

    order_number = serializers.CharField(source="number", read_only=True)

    class Meta:
        model = Order
        fields = ["id", "order_number", "placed_at", "status"]


class OrderSerializer(OrderBriefSerializer):
    """The order a ticket is about, with its lines."""

    lines = OrderLineSerializer(many=True, read_only=True)

    class Meta(OrderBriefSerializer.Meta):
        fields = [*OrderBriefSerializer.Meta.fields, "total", "lines"]


class StatusLabelField(serializers.SerializerMethodField):
    """The status in the reader's words: the customer's ("Awaiting your reply") for customers,
    the team's ("Waiting on customer") for staff (tickets.choices)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The status as the caller's pages word it.")
        super().__init__(method_name="get_status_label", **kwargs)


class StatusLabelMixin:
    def get_status_label(self, ticket) -> str:
        if self.context.get("staff"):
            return str(ticket.get_status_display())
        return str(customer_label(ticket.status))


class TicketRefSerializer(StatusLabelMixin, OutputMixin, serializers.ModelSerializer):
    """A ticket about an order."""

    ticket_number = serializers.CharField(source="number", read_only=True)
    status_label = StatusLabelField()

    class Meta:
        model = Ticket
        fields = ["id", "ticket_number", "subject", "status", "status_label", "created_at"]


class OrderWithTicketsSerializer(StaffOnlyFieldsMixin, OrderSerializer):
    """An order, its lines and its tickets (and, for staff, its customer)."""

    tickets = TicketRefSerializer(many=True, read_only=True)
    customer = PersonSerializer(read_only=True)

    class Meta(OrderSerializer.Meta):
        fields = [*OrderSerializer.Meta.fields, "tickets", "customer"]
        staff_only_fields = ("customer",)


class AttachmentSerializer(OutputMixin, serializers.ModelSerializer):
    """A file's metadata; the file itself comes from download_url (the same permission check as
    the site's download link), none once it was removed (removed_at: under the data retention
    policy, or by the support team)."""

    name = serializers.CharField(source="original_name", read_only=True)
    download_url = serializers.SerializerMethodField()
    removed_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When the file was removed (retention policy or support team).",
    )

    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "created_at", "download_url", "removed_at"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, attachment) -> str | None:
        if attachment.removed_at:
            return None
        url = reverse("api:ticket-attachment", args=[self.context["ticket"].number, attachment.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class AuthorSerializer(StaffOnlyFieldsMixin, serializers.Serializer):
    """A message's author. Customers see a staff member's first name only, as on the site."""

    id = serializers.IntegerField(source="author_id", read_only=True)
    name = serializers.SerializerMethodField()
    email = serializers.EmailField(source="author.email", read_only=True)
    is_staff = serializers.BooleanField(read_only=True, help_text="Wrote as support staff.")

    class Meta:
        staff_only_fields = ("id", "email")

    def get_name(self, message) -> str:
        if message.is_staff and not self.context.get("staff"):
            return message.author.get_short_name()
        return message.author.get_full_name()


class CommentSerializer(OutputMixin, serializers.ModelSerializer):
    """One message of the thread: a public reply, or (staff only) an internal note."""

    author = AuthorSerializer(source="*", read_only=True)
    comment = serializers.CharField(source="body", read_only=True)
    is_staff_comment = serializers.BooleanField(source="is_staff", read_only=True)
    is_internal = serializers.BooleanField(
        read_only=True, help_text="An internal note: only staff ever receive these."
    )
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Message
        fields = [
            "id",
            "author",
            "comment",
            "is_staff_comment",
            "is_internal",
            "attachments",
            "created_at",
        ]


class HistorySerializer(StaffOnlyFieldsMixin, serializers.Serializer):
    """One changed field. Customers get status changes only, without who or why."""

    field_changed = serializers.CharField()
    old_value = serializers.CharField(allow_null=True)
    new_value = serializers.CharField(allow_null=True)
    changed_by = AgentBriefSerializer(allow_null=True)
    change_reason = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()

    class Meta:
        staff_only_fields = ("changed_by", "change_reason")


class FeedbackSerializer(OutputMixin, serializers.ModelSerializer):
    """The customer's rating of the help they got."""

    class Meta:
        model = Feedback
        fields = ["rating", "comment", "created_at"]


# ── Tickets ──────────────────────────────────────────────────────────────────────────────────


class TicketListSerializer(StatusLabelMixin, StaffOnlyFieldsMixin, serializers.ModelSerializer):
    """A ticket as lists show it."""

    status_label = StatusLabelField()
    ticket_number = serializers.CharField(source="number", read_only=True)
    category = CategoryBriefSerializer(read_only=True, allow_null=True)
    customer = PersonSerializer(read_only=True)
    order = OrderBriefSerializer(read_only=True, allow_null=True)
    team = TeamBriefSerializer(read_only=True, allow_null=True)
    assignee = AgentBriefSerializer(read_only=True, allow_null=True)
    unread = serializers.SerializerMethodField(
        help_text="The other side wrote since this user last read the ticket."
    )
    tags = TagSerializer(many=True, read_only=True)
    organization = OrganizationBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Ticket
        fields = [
            "id",
            "ticket_number",
            "subject",
            "status",
            "status_label",
            "priority",
            "category",
            "customer",
            "order",
            "unread",
            "created_at",
            "updated_at",
            "team",
            "assignee",
            "source",
            "escalated",
            "tags",
            "organization",
        ]
        staff_only_fields = ("team", "assignee", "source", "escalated", "tags", "organization")

    def get_unread(self, ticket) -> bool:
        return bool(getattr(ticket, "unread", False))


class TicketDetailSerializer(TicketListSerializer):
    """A ticket with its thread, files and history."""

    order = OrderSerializer(read_only=True, allow_null=True)
    previous_ticket = serializers.SlugRelatedField(
        slug_field="number", read_only=True, allow_null=True
    )
    feedback = FeedbackSerializer(read_only=True, allow_null=True)
    attachments = AttachmentSerializer(
        source="ticket_attachments",
        many=True,
        read_only=True,
        help_text="Files sent with the ticket itself (replies carry their own).",
    )
    comments = CommentSerializer(source="api_comments", many=True, read_only=True)
    history = HistorySerializer(source="api_history", many=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField(
        help_text="The statuses staff may move this ticket to."
    )
    merged_into = serializers.SlugRelatedField(
        slug_field="number",
        read_only=True,
        allow_null=True,
        help_text="A merged duplicate: the number of the ticket it goes on as.",
    )
    cc = serializers.SlugRelatedField(
        source="ccs",
        slug_field="email",
        many=True,
        read_only=True,
        help_text="The email addresses copied on the ticket (change them at …/cc/).",
    )

    class Meta(TicketListSerializer.Meta):
        fields = [
            *TicketListSerializer.Meta.fields,
            "cc",
            "description",
            "priority_justification",
            "previous_ticket",
            "merged_into",
            "resolved_at",
            "closed_at",
            "feedback",
            "attachments",
            "comments",
            "history",
            "first_response_at",
            "first_response_due_at",
            "resolution_due_at",
            "first_response_breached_at",
            "resolution_breached_at",
            "escalated_at",
            "resolution_notes",
            "extra_fields",
            "allowed_transitions",
        ]
        staff_only_fields = (
            *TicketListSerializer.Meta.staff_only_fields,
            "first_response_at",
            "first_response_due_at",
            "resolution_due_at",
            "first_response_breached_at",
            "resolution_breached_at",
            "escalated_at",
            "resolution_notes",
            "extra_fields",
            "allowed_transitions",
        )

    def get_allowed_transitions(self, ticket) -> list[Status]:
        return sorted(allowed_targets(ticket.status), key=list(Status).index)


# ── Input ────────────────────────────────────────────────────────────────────────────────────


class WorkflowText(serializers.CharField):
    """Text whose length the workflow checks (the model's limits, one place for the rule); the
    schema documents the limits as minLength / maxLength (tickets.api.schema)."""

    def __init__(self, *, length, **kwargs):
        self.length_hint = length
        kwargs.setdefault("allow_blank", length[0] is None)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)


class FilesField(serializers.ListField):
    """Files sent as multipart/form-data, the field repeated once per file."""

    child = serializers.FileField()

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("default", list)
        kwargs.setdefault(
            "help_text",
            f"Up to {limits.MAX_FILES} files, {limits.MAX_FILE_SIZE_MB} MB each: images, PDF, "
            "text, CSV or office documents (multipart/form-data only).",
        )
        super().__init__(**kwargs)


class OrderNumberField(serializers.SlugRelatedField):
    """An order, by its number, among the orders the caller may see."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="number", queryset=Order.objects.none(), **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("invalid")  # before the database sees it (PostgreSQL refuses NUL)
        return super().to_internal_value(data)


class CCListField(serializers.ListField):
    """Email addresses, checked by the workflow (workflow.cc_problems: every bad one named)."""

    child = serializers.CharField(max_length=254)


class CCSerializer(serializers.Serializer):
    cc = CCListField(
        help_text=f"Every address the ticket should be copied to (at most {limits.CC_MAX}); "
        "[] takes everyone off."
    )


class TicketCreateSerializer(serializers.Serializer):
    subject = WorkflowText(length=(SUBJECT_MIN, SUBJECT_MAX))
    description = WorkflowText(length=(DESCRIPTION_MIN, DESCRIPTION_MAX))
    category = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.all(), required=False, allow_null=True
    )
    priority = serializers.ChoiceField(
        choices=Priority.choices,
        default=None,
        help_text="Left out: the category's default priority (medium without a category).",
    )
    priority_justification = WorkflowText(
        length=(None, JUSTIFICATION_MAX),
        required=False,
        default="",
        help_text="Why it is high or urgent: needed for those (from customers).",
    )
    order = OrderNumberField(
        required=False,
        allow_null=True,
        help_text="The order number, one of the customer's own orders.",
    )
    customer = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.none(),
        required=False,
        help_text="Staff only: open the ticket on this customer's behalf.",
    )
    customer_email = serializers.CharField(
        required=False,
        max_length=254,
        help_text="Staff only: open the ticket for the customer with this email, or for a new "
        "customer account made for it (no password: they sign in with a code sent to it).",
    )
    customer_name = serializers.CharField(
        required=False,
        default="",
        max_length=150,
        help_text="Staff only: the new customer's name, with customer_email.",
    )
    source = serializers.ChoiceField(
        choices=[(source.value, source.label) for source in STAFF_SOURCES],
        required=False,
        help_text="Staff only: how the request came in (default: api).",
    )
    attachments = FilesField()
    cc = CCListField(
        required=False,
        default=list,
        help_text=f"Email addresses to copy on the ticket (at most {limits.CC_MAX}).",
    )

    STAFF_ONLY = ("customer_email", "customer_name", "source")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.fields["order"].queryset = visible_orders(user)
            self.fields["customer"].queryset = (
                visible_customers(user)
                if self.context.get("staff")
                else User.objects.filter(pk=user.pk)
            )

    def validate(self, data):
        if not self.context.get("staff"):
            given = [name for name in self.STAFF_ONLY if name in self.initial_data]
            if given:
                raise serializers.ValidationError(
                    {name: "Only support staff may set this." for name in given}
                )
        if data.get("customer") and data.get("customer_email"):
            raise serializers.ValidationError(
                {"customer_email": "Give either customer or customer_email, not both."}
            )
        return data


class CommentCreateSerializer(serializers.Serializer):
    comment = WorkflowText(length=(limits.MESSAGE_MIN_LENGTH, limits.MESSAGE_MAX_LENGTH))
    is_internal = serializers.BooleanField(
        default=False, help_text="Staff only: an internal note customers never see."
    )
    attachments = FilesField()


class ReasonField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("max_length", limits.REASON_MAX_LENGTH)
        kwargs.setdefault("help_text", "Why: kept in the ticket's history (staff see it).")
        super().__init__(**kwargs)


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    reason = ReasonField()


class PriorityChangeSerializer(serializers.Serializer):
    priority = serializers.ChoiceField(choices=Priority.choices)
    reason = ReasonField()


class AssigneeChangeSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        allow_null=True,
        help_text="An agent's id (see /api/v1/agents/), or null to unassign.",
    )
    reason = ReasonField()


class RejectUnknownFieldsMixin:
    """A 400 naming each field sent that the endpoint does not take (unknown or read-only)."""

    def validate(self, data):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {name: "Unknown or read-only field." for name in unknown}
            )
        return data


class TagNameField(serializers.SlugRelatedField):
    """A tag by its name, whatever its case (names are unique regardless of case)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="name", queryset=Tag.objects.all(), **kwargs)

    def to_internal_value(self, data):
        try:
            return self.get_queryset().get(name__iexact=str(data).strip())
        except Tag.DoesNotExist:
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data))


class TicketCorrectionSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """A correction: any of these fields (tickets.workflow.CORRECTABLE_FIELDS), with a reason.
    Each field is its own serializer field; the view hands what was sent to workflow.correct."""

    category = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.all(), required=False, allow_null=True
    )
    team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.all(),
        required=False,
        allow_null=True,
        help_text="A team's id (null: no team). An assignee outside it is unassigned.",
    )
    subject = WorkflowText(length=(SUBJECT_MIN, SUBJECT_MAX), required=False)
    order = OrderNumberField(
        required=False, allow_null=True, help_text="One of the ticket's customer's orders."
    )
    resolution_notes = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    escalated = serializers.BooleanField(
        required=False, help_text="Escalate (true) or de-escalate (false) by hand."
    )
    extra_fields = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=limits.EXTRA_FIELD_MAX_LENGTH),
        required=False,
        help_text="Some of the ticket's custom fields, by label, with their new values; "
        "the others keep theirs.",
    )
    tags = TagNameField(
        many=True,
        required=False,
        help_text="The names of all the tags the ticket should carry (any case); [] takes all off.",
    )
    reason = ReasonField(help_text="Why: required with any change, kept in the history.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.fields["order"].queryset = visible_orders(user)


class MergeSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    into = serializers.CharField(max_length=64, help_text="The number of the ticket that goes on.")
    reason = ReasonField()


class RedactSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    passage = serializers.CharField(
        max_length=limits.MESSAGE_MAX_LENGTH,
        help_text="The words to replace with “[redacted]”, exactly as the text has them.",
    )


class FeedbackCreateSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = WorkflowText(length=(None, FEEDBACK_COMMENT_MAX), required=False, default="")


class MacroSerializer(OutputMixin, serializers.ModelSerializer):
    """A canned response, and a macro when it has actions: applying it posts the text (when
    given) and sets what it names. Shared with the team, or personal to the caller."""

    shared = serializers.BooleanField(source="is_shared", read_only=True)
    category = CategoryBriefSerializer(read_only=True, allow_null=True)
    assignee = AgentBriefSerializer(read_only=True, allow_null=True)
    add_tags = TagSerializer(many=True, read_only=True)
    remove_tags = TagSerializer(many=True, read_only=True)

    class Meta:
        model = CannedResponse
        fields = [
            "id",
            "title",
            "body",
            "category",
            "shared",
            "set_status",
            "set_priority",
            "assign_to_me",
            "assignee",
            "add_tags",
            "remove_tags",
        ]


class MacroApplySerializer(serializers.Serializer):
    body = WorkflowText(
        length=(None, limits.MESSAGE_MAX_LENGTH),
        required=False,
        allow_null=True,
        default=None,
        help_text="The reply to post first (the macro's text with your changes); none: the "
        "actions alone.",
    )
    is_internal = serializers.BooleanField(
        default=False, help_text="Post the body as an internal note instead of a reply."
    )


# ── Stats ────────────────────────────────────────────────────────────────────────────────────


class CountByCategorySerializer(OutputMixin, serializers.Serializer):
    """Tickets in one category (id and name null: no category)."""

    id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField(allow_null=True)
    count = serializers.IntegerField()


class SLAFigureSerializer(OutputMixin, serializers.Serializer):
    """Tickets that reached a target in time, or missed it (the SLA job's breaches included);
    tickets still within their targets are not counted."""

    met = serializers.IntegerField()
    breached = serializers.IntegerField()
    compliance = serializers.FloatField(
        allow_null=True, help_text="met / (met + breached), or null when neither."
    )


class SLASerializer(OutputMixin, serializers.Serializer):
    """SLA compliance."""

    first_response = SLAFigureSerializer()
    resolution = SLAFigureSerializer()


def _counts_by(choices):
    return type(
        f"CountsBy{choices.__name__}Serializer",
        (OutputMixin, serializers.Serializer),
        {value: serializers.IntegerField() for value in choices.values},
    )


class StatsSerializer(OutputMixin, serializers.Serializer):
    """Ticket figures for staff."""

    total = serializers.IntegerField()
    by_status = _counts_by(Status)()
    by_priority = _counts_by(Priority)()
    by_category = CountByCategorySerializer(many=True)
    median_first_response_seconds = serializers.FloatField(allow_null=True)
    median_resolution_seconds = serializers.FloatField(allow_null=True)
    average_first_response_seconds = serializers.FloatField(allow_null=True)
    average_resolution_seconds = serializers.FloatField(allow_null=True)
    sla = SLASerializer()
