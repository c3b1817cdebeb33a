from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tickets import limits
from tickets.choices import ACTIVE_STATUSES, PRIORITY_RANK_EXPRESSION, Priority, Source, Status
from tickets.conditions import ACTIVE
from tickets.sla.state import NEXT_DUE_EXPRESSION

from .history_records import TicketHistoricalRecords
from .querysets import TicketQuerySet

SUBJECT_MIN, SUBJECT_MAX = 5, 200
DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 2000


class Ticket(models.Model):
    """A customer's request. Change it only through tickets.workflow, which keeps the rules."""

    number = models.CharField(_("number"), max_length=24, unique=True, editable=False)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
        help_text=_("The customer's organisation when the ticket was opened."),
    )
    subject = models.CharField(
        _("subject"),
        max_length=SUBJECT_MAX,
        validators=[MinLengthValidator(SUBJECT_MIN)],
    )
    description = models.TextField(
        _("description"),
        validators=[MinLengthValidator(DESCRIPTION_MIN), MaxLengthValidator(DESCRIPTION_MAX)],
    )
    category = models.ForeignKey(
        "tickets.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    priority_justification = models.TextField(_("why this priority"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WEB
    )
    team = models.ForeignKey(
        "tickets.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    order = models.ForeignKey(
        "tickets.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("submitted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    previous_ticket = models.ForeignKey(
        "self",
        verbose_name=_("follows up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_tickets",
        help_text=_("A duplicate closed into this ticket: its number still leads there."),
    )
    extra_fields = models.JSONField(_("extra fields"), default=dict, blank=True)
    tags = models.ManyToManyField(
        "tickets.Tag", verbose_name=_("tags"), blank=True, related_name="tickets"
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followers"),
        blank=True,
        related_name="followed_tickets",
        help_text=_("Agents told of every update to the ticket."),
    )
    escalated = models.BooleanField(_("escalated"), default=False)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    resolution_notes = models.TextField(_("resolution notes"), blank=True)
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    sla_paused_at = models.DateTimeField(
        _("SLA clock paused at"), null=True, blank=True, editable=False
    )
    sla_paused_for = models.DurationField(
        _("business time spent waiting on the customer"), default=timedelta(0), editable=False
    )
    first_response_breached_at = models.DateTimeField(
        _("first response target missed at"), null=True, blank=True, editable=False
    )
    resolution_breached_at = models.DateTimeField(
        _("resolution target missed at"), null=True, blank=True, editable=False
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    last_customer_message_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_staff_message_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(
        _("anonymised at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Its personal data was removed (privacy.erasure); its figures stay."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TicketQuerySet.as_manager()
    # Out of Wagtail's reference index: indexing queued a task on every save, and the usage
    # pages of what a ticket links to (a help center page, say) would name tickets to editors.
    wagtail_reference_index_ignore = True

    history = TicketHistoricalRecords(
        m2m_fields=[tags],
        history_change_reason_field=models.CharField(
            max_length=limits.REASON_MAX_LENGTH, null=True
        ),
        excluded_fields=[
            "updated_at",
            "last_customer_message_at",
            "last_staff_message_at",
            "sla_paused_at",
            "sla_paused_for",
            "anonymised_at",
        ],
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        indexes = [
            models.Index(fields=["customer", "-created_at"]),
            models.Index(fields=["customer", "-updated_at"]),
            models.Index(fields=["organization", "-updated_at"]),
            models.Index(fields=["status", "priority", "created_at"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["category", "status"]),
            models.Index(fields=["team", "status"]),
            models.Index(fields=["-updated_at"]),
            # The reports' figures of the tickets created in a period, read from the index alone
            # (an index-only scan): a year of tickets without reading their text.
            models.Index(
                fields=["created_at"],
                name="tickets_created_report_idx",
                include=[
                    "id",
                    "status",
                    "priority",
                    "category",
                    "team",
                    "assignee",
                    "organization",
                    "first_response_at",
                    "first_response_due_at",
                    "first_response_breached_at",
                    "resolved_at",
                    "resolution_due_at",
                    "resolution_breached_at",
                ],
            ),
            # The reports count resolutions by their day.
            models.Index(
                fields=["resolved_at"],
                name="tickets_resolved_idx",
                condition=models.Q(resolved_at__isnull=False),
            ),
            # The retention job's closed tickets not yet anonymised, oldest closed first.
            models.Index(
                fields=["closed_at"],
                name="tickets_anonymise_due_idx",
                condition=models.Q(status=Status.CLOSED, anonymised_at__isnull=True),
            ),
            # Pending SLA targets by due time: the SLA job's missed targets, the tickets at risk.
            models.Index(
                fields=["first_response_due_at"],
                name="tickets_first_due_idx",
                condition=models.Q(
                    status__in=list(ACTIVE_STATUSES),
                    first_response_at__isnull=True,
                    first_response_breached_at__isnull=True,
                ),
            ),
            models.Index(
                fields=["resolution_due_at"],
                name="tickets_resolution_due_idx",
                condition=models.Q(
                    status__in=list(ACTIVE_STATUSES),
                    resolution_breached_at__isnull=True,
                ),
            ),
            # The queue's default order: most pressing priority first, then oldest; and the same
            # for the unfinished tickets alone, which most views and panels show: in a help desk
            # with a history, walking the first index for them passes every finished ticket.
            models.Index(PRIORITY_RANK_EXPRESSION, "created_at", name="tickets_queue_order_idx"),
            models.Index(
                PRIORITY_RANK_EXPRESSION,
                "created_at",
                name="tickets_active_order_idx",
                condition=ACTIVE,
            ),
            # The queue's order: most pressing first, then the soonest SLA target (none last:
            # PostgreSQL's ascending order puts nulls last, as the queue asks), for the active
            # tickets it opens on and for every ticket (a search, "all tickets").
            models.Index(
                PRIORITY_RANK_EXPRESSION,
                NEXT_DUE_EXPRESSION,
                "created_at",
                name="tickets_active_due_order_idx",
                condition=ACTIVE,
            ),
            models.Index(
                PRIORITY_RANK_EXPRESSION,
                NEXT_DUE_EXPRESSION,
                "created_at",
                name="tickets_due_order_idx",
            ),
        ]
        permissions = [
            ("assign_ticket", _("Can assign tickets to any agent")),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    def get_absolute_url(self):
        return reverse("tickets:detail", args=[self.number])

    @property
    def is_closed(self):
        return self.status == Status.CLOSED


class TicketCounter(models.Model):
    """The last ticket number handed out on each day; incremented atomically by an upsert."""

    day = models.DateField(primary_key=True)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ticket counter")

    def __str__(self):
        return f"{self.day}: {self.last_value}"


class TicketReadState(models.Model):
    """When a user last read a ticket's thread: drives the unread markers."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="read_states")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ticket", "user"], name="tickets_read_state_unique"),
        ]

    def __str__(self):
        return f"{self.ticket_id} read by {self.user_id} at {self.last_read_at:%Y-%m-%d %H:%M}"
