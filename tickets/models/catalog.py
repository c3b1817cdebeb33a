from django.db import models
from django.utils.translation import gettext_lazy as _

from tickets.choices import Priority


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
    is_active = models.BooleanField(_("offered to customers"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class CannedResponse(models.Model):
    """A reusable reply; {customer_name}, {ticket_number} and friends are filled in when used."""

    PLACEHOLDERS = ("customer_name", "ticket_number", "ticket_subject", "agent_name")

    title = models.CharField(_("title"), max_length=120, unique=True)
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

    class Meta:
        ordering = ["title"]
        verbose_name = _("canned response")
        verbose_name_plural = _("canned responses")

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
