"""The reports' filter form: a period and the category, priority, agent and team to look at."""

from datetime import timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accounts.models import User

from ..choices import Priority
from ..models import Category, Team, Ticket
from .figures import Scope

DEFAULT_DAYS = 30
MAX_DAYS = 366


def _agents():
    return User.objects.agents().order_by("name", "email")


class AgentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class AgentFilter(django_filters.ModelChoiceFilter):
    field_class = AgentChoiceField


class PeriodField(django_filters.fields.DateRangeField):
    def validate(self, value):
        super().validate(value)
        if value and value.start and value.stop:
            if value.start > value.stop:
                raise forms.ValidationError(_("The period must end after it starts."))
            if (value.stop - value.start).days >= MAX_DAYS:
                raise forms.ValidationError(
                    _("Choose a period of at most %(days)s days.") % {"days": MAX_DAYS}
                )


class PeriodFilter(django_filters.DateFromToRangeFilter):
    field_class = PeriodField


class ReportFilterSet(WagtailFilterSet):
    """The figures apply these themselves (each to the dates it counts by), so filtering the
    listing's queryset leaves it as it is."""

    period = PeriodFilter(label=_("Period"), widget=DateRangePickerWidget, method="keep")
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.order_by("name"), method="keep"
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, method="keep"
    )
    agent = AgentFilter(label=_("Agent"), queryset=_agents(), method="keep")
    team = django_filters.ModelChoiceFilter(
        label=_("Team"), queryset=Team.objects.all(), method="keep"
    )

    class Meta:
        model = Ticket
        fields = []

    def keep(self, queryset, name, value):
        return queryset

    def scope(self):
        """The period and filters chosen; the last 30 days and everything when none or invalid."""
        data = self.form.cleaned_data if self.is_valid() else {}
        period = data.get("period")
        end = period.stop.date() if period and period.stop else timezone.localdate()
        if period and period.start:
            start = period.start.date()
        else:
            start = end - timedelta(days=DEFAULT_DAYS - 1)
        start = max(start, end - timedelta(days=MAX_DAYS - 1))
        return Scope(
            start=start,
            end=end,
            category=data.get("category"),
            priority=data.get("priority") or None,
            agent=data.get("agent"),
            team=data.get("team"),
            user=self.request.user if self.request else None,
        )
