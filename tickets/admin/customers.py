"""The customer chooser of the "New ticket" page: staff pick whom a ticket is for, among the
accounts tickets.permissions.visible_customers lets them see, by name or email."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from accounts.models import User
from accounts.roles import is_agent
from tickets.permissions import visible_customers


class CustomerSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or email"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Name or email")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(Q(name__icontains=query) | Q(email__icontains=query))
        return objects


class StaffOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_agent(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return visible_customers(self.request.user).order_by("name", "email")

    @property
    def columns(self):
        title = self.title_column
        title.label = _("Name")
        return [
            title,
            Column("email", label=_("Email")),
            Column("business_name", label=_("Business")),
        ]


class CustomerChooseView(StaffOnly, ChooseView):
    filter_form_class = CustomerSearchForm


class CustomerChooseResultsView(StaffOnly, ChooseResultsView):
    filter_form_class = CustomerSearchForm


class CustomerChosenView(StaffOnly, ChosenView):
    def get_object(self, pk):
        return visible_customers(self.request.user).get(pk=pk)


class CustomerChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = _("Choose a customer")
    choose_another_text = _("Choose another customer")
    per_page = 20
    register_widget = False
    choose_view_class = CustomerChooseView
    choose_results_view_class = CustomerChooseResultsView
    chosen_view_class = CustomerChosenView


customer_chooser_viewset = CustomerChooserViewSet("customer_chooser", url_prefix="customer-chooser")
