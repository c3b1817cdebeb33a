from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tickets.choices import Priority, Status

from .constraints import ConstraintErrorsOnField


class Category(models.Model):
    """What a ticket is about; support admins manage the list."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    default_priority = models.CharField(
        _("default priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    help_topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("help-center topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The help-center section whose articles answer this kind of question."),
    )
    default_team = models.ForeignKey(
        "tickets.Team",
        verbose_name=_("default team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="categories",
        help_text=_("The team this category's new tickets go to."),
    )
    is_active = models.BooleanField(_("offered to customers"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class CannedResponse(ConstraintErrorsOnField, models.Model):
    """A reusable reply, and a macro when it has actions: applying it sets the status, priority,
    assignee and tags it names (tickets.workflow.apply_macro). {customer_name}, {ticket_number}
    and friends are filled in when used. Shared with the team, or personal to its owner."""

    PLACEHOLDERS = ("customer_name", "ticket_number", "ticket_subject", "agent_name")
    constraint_errors_field = "title"

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("body"), max_length=2000)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="canned_responses",
    )
    is_active = models.BooleanField(_("active"), default=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="macros",
        help_text=_("Empty: shared with the team. Otherwise only its owner sees and uses it."),
    )
    set_status = models.CharField(
        _("set status to"), max_length=20, choices=Status.choices, blank=True
    )
    set_priority = models.CharField(
        _("set priority to"), max_length=10, choices=Priority.choices, blank=True
    )
    assign_to_me = models.BooleanField(_("assign to the agent applying it"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assign to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    add_tags = models.ManyToManyField(
        "tickets.Tag", verbose_name=_("add tags"), blank=True, related_name="+"
    )
    remove_tags = models.ManyToManyField(
        "tickets.Tag", verbose_name=_("remove tags"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("canned response")
        verbose_name_plural = _("canned responses")
        constraints = [
            models.UniqueConstraint(
                fields=["title"],
                condition=models.Q(owner__isnull=True),
                name="tickets_shared_macro_title_unique",
                violation_error_message=_("A shared canned response has this title already."),
            ),
            models.UniqueConstraint(
                fields=["owner", "title"],
                condition=models.Q(owner__isnull=False),
                name="tickets_personal_macro_title_unique",
                violation_error_message=_("You have a canned response with this title already."),
            ),
        ]

    def __str__(self):
        return self.title

    def render(self, ticket, agent):
        values = {
            "customer_name": ticket.customer.get_full_name(),
            "ticket_number": ticket.number,
            "ticket_subject": ticket.subject,
            "agent_name": agent.get_full_name(),
        }
        text = self.body
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    @property
    def is_shared(self):
        return self.owner_id is None

    def action_labels(self):
        """What applying it does besides the reply, in words (prefetch its tags and assignee)."""
        labels = []
        if self.set_status:
            labels.append(gettext("Status: %(status)s") % {"status": self.get_set_status_display()})
        if self.set_priority:
            labels.append(
                gettext("Priority: %(priority)s") % {"priority": self.get_set_priority_display()}
            )
        if self.assign_to_me:
            labels.append(gettext("Assign to me"))
        elif self.assignee_id:
            labels.append(gettext("Assign to %(name)s") % {"name": self.assignee.get_full_name()})
        for relation, text in (
            (self.add_tags, gettext("Add tags: %(tags)s")),
            (self.remove_tags, gettext("Remove tags: %(tags)s")),
        ):
            names = [tag.name for tag in relation.all()]
            if names:
                labels.append(text % {"tags": ", ".join(names)})
        return labels

    def clean(self):
        if self.assign_to_me and self.assignee_id:
            raise ValidationError(
                {"assignee": _("Either assign to the agent applying it, or to someone named.")}
            )
