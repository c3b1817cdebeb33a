from datetime import timedelta
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from tickets.choices import Priority
from tickets.sla.calendar import BusinessCalendar, default_closing, default_opening

# Targets from the product spec, in business hours: (first response, resolution).
DEFAULT_TARGETS = {
    Priority.URGENT: (2, 8),
    Priority.HIGH: (4, 24),
    Priority.MEDIUM: (24, 72),
    Priority.LOW: (48, 168),
}


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(_("%(value)s is not a time zone."), params={"value": value})


def time_zone_choices():
    return sorted((name, name) for name in available_timezones())


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class SLAPolicy(models.Model):
    """How fast a ticket of one priority must be answered and resolved, in business hours."""

    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, unique=True)
    first_response_hours = models.PositiveIntegerField(_("first response within (business hours)"))
    resolution_hours = models.PositiveIntegerField(_("resolution within (business hours)"))

    class Meta:
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        ordering = ["first_response_hours"]

    def __str__(self):
        hours = f"{self.first_response_hours} h / {self.resolution_hours} h"
        return f"{self.get_priority_display()}: {hours}"

    @classmethod
    def targets(cls, priority):
        """(first response, resolution) as timedeltas, falling back to the spec's defaults."""
        policy = cls.objects.filter(priority=priority).first()
        hours = (
            (policy.first_response_hours, policy.resolution_hours)
            if policy
            else DEFAULT_TARGETS[Priority(priority)]
        )
        return tuple(timedelta(hours=h) for h in hours)


class WorkingWeek(models.Model):
    """Working days and hours in a time zone: the support desk's, or a team's own."""

    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    opens = models.TimeField(_("opens at"), default=default_opening)
    closes = models.TimeField(_("closes at"), default=default_closing)
    monday = models.BooleanField(_("Monday"), default=True)
    tuesday = models.BooleanField(_("Tuesday"), default=True)
    wednesday = models.BooleanField(_("Wednesday"), default=True)
    thursday = models.BooleanField(_("Thursday"), default=True)
    friday = models.BooleanField(_("Friday"), default=True)
    saturday = models.BooleanField(_("Saturday"), default=False)
    sunday = models.BooleanField(_("Sunday"), default=False)

    week_panels = [
        FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        MultiFieldPanel([FieldPanel(day) for day in WEEKDAYS], heading=_("Working days")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
        if not any(getattr(self, day) for day in WEEKDAYS):
            raise ValidationError(_("Choose at least one working day."))

    def week_calendar(self, holidays=frozenset()):
        return BusinessCalendar(
            time_zone=ZoneInfo(self.time_zone),
            weekdays=frozenset(n for n, day in enumerate(WEEKDAYS) if getattr(self, day)),
            opens=self.opens,
            closes=self.closes,
            holidays=frozenset(holidays),
        )


@register_setting(icon="time")
class BusinessHours(BaseGenericSetting, ClusterableModel, WorkingWeek):
    """When the support team works: SLA clocks only run during these hours (a team may keep its
    own, tickets.models.Team; the holidays here are everyone's)."""

    panels = [
        *WorkingWeek.week_panels,
        InlinePanel("holidays", heading=_("Holidays"), label=_("Holiday")),
    ]

    class Meta:
        verbose_name = _("business hours")
        verbose_name_plural = _("business hours")

    def __str__(self):
        return str(self._meta.verbose_name)

    def holiday_dates(self):
        return self.holidays.values_list("date", flat=True)

    def calendar(self):
        return self.week_calendar(self.holiday_dates())


class Holiday(models.Model):
    business_hours = ParentalKey(BusinessHours, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}".strip()
