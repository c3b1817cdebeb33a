"""Customers' organisations in the admin: support admins keep them, agents look them up."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Organization, User


class OrganizationForm(WagtailAdminModelForm):
    """The admin is picked among the organisation's members (add members on their user page)."""

    class Meta:
        model = Organization
        fields = ["name", "domains", "members_see_each_others_tickets", "admin"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = User.objects.filter(organization=self.instance) if self.instance.pk else None
        self.fields["admin"].queryset = members if members is not None else User.objects.none()


class OrganizationIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("admin")
            .annotate(member_count=Count("members"))
        )


class OrganizationViewSet(ModelViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 380
    name = "organizations"
    index_view_class = OrganizationIndexView
    search_fields = ["name", "domains"]
    search_backend_name = None
    list_filter = ["members_see_each_others_tickets"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return OrganizationForm

    @property
    def list_display(self):
        return [
            TitleColumn("name", label=_("Name"), url_name=self.get_url_name("edit")),
            Column("domains", label=_("Email domains")),
            Column("member_count", label=_("Members")),
            BooleanColumn("members_see_each_others_tickets", label=_("See each other's tickets")),
            Column("admin", label=_("Organisation admin")),
        ]
