from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .sla import BusinessHours, WorkingWeek


def agents_only():
    """A team's members are support agents (User.objects.agents()), whatever else the user is."""
    from accounts.models import User

    return Q(pk__in=User.objects.agents().values("pk"))


class TeamQuerySet(models.QuerySet):
    def of(self, user):
        """The teams the user is a member of."""
        return self.filter(members=user)

    def takes(self, team_id, user):
        """Whether a ticket of this team (None: of no team) may be assigned to the user."""
        return team_id is None or self.filter(pk=team_id, members=user).exists()


class Team(WorkingWeek):
    """A group of agents who answer one kind of request (orders, payments, accounts): tickets
    belong to a team, categories name the team their new tickets go to. A team may work its own
    hours; its tickets' SLA clocks then follow them (the desk's holidays still apply)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    email = models.EmailField(
        _("notification email address"),
        blank=True,
        help_text=_("Where news of the team's new tickets goes, besides its members' emails."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="teams",
        limit_choices_to=agents_only,
    )
    has_own_hours = models.BooleanField(
        _("works its own business hours"),
        default=False,
        help_text=_("Otherwise the team works the support desk's business hours."),
    )

    objects = TeamQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("has_own_hours"), *WorkingWeek.week_panels],
            heading=_("Business hours"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def clean(self):
        if self.has_own_hours:
            super().clean()

    def calendar(self):
        """The hours the team's tickets' SLA clocks run in."""
        desk = BusinessHours.load()
        if not self.has_own_hours:
            return desk.calendar()
        return self.week_calendar(desk.holiday_dates())
