"""What the admin's report views share: one base view whose access is one permission, and one way
to put an app's reports in the admin (their URLs and their items in Wagtail's Reports menu)."""

from functools import partial

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr

from .exports import SafeSpreadsheetExportMixin


class AdminReportView(SafeSpreadsheetExportMixin, ReportView):
    """A report that holders of `permission_required` may read, and nobody else.

    `permission_required` is a whole permission name ("app_label.codename", as for Django's
    `PermissionRequiredMixin`), not one of Wagtail's actions on `model`: a report reads many
    models, so none of their view permissions says who may read it (see
    `supportsite.models.Report`). Wagtail's `PermissionCheckedMixin` refuses the others; the
    menu item hides the report from them. Superusers hold every permission.

    `name` is the report's URL name and `route` its path (by default the name with dashes);
    `AdminReports` gives the view its `url_namespace`. Its CSV export writes no live formula
    (supportsite.exports).
    """

    permission_required = None
    name = ""
    route = ""
    url_namespace = ""

    def to_row_dict(self, item):
        """An export's row; a cell across an empty relation (the agent of an unassigned
        ticket) is empty rather than an error."""
        return {field: _follow(item, field) for field in self.list_export}

    @classmethod
    def user_may_view(cls, user):
        return user.has_perm(cls.permission_required)

    def user_has_permission(self, permission):
        return self.request.user.has_perm(permission)

    @property
    def index_url_name(self):
        return f"{self.url_namespace}:{self.name}"

    @property
    def index_results_url_name(self):
        return f"{self.url_namespace}:{self.name}_results"


def _follow(item, path):
    """`multigetattr(item, path)`, or None where a relation on the way is empty."""
    head, _, rest = path.partition(".")
    value = multigetattr(item, head)
    return value if not rest or value is None else _follow(value, rest)


class ReportMenuItem(MenuItem):
    """A report in the Reports menu, shown to whoever may open it."""

    def __init__(self, view, url, **kwargs):
        super().__init__(view.page_title, url, icon_name=view.header_icon, **kwargs)
        self.view = view

    def is_shown(self, request):
        return self.view.user_may_view(request.user)


class AdminReports:
    """One app's reports in the admin, in the order given: their URLs under `prefix` in the
    namespace `<name>_reports`, their items in the Reports menu from `menu_order` on, and their
    permissions in the group editor (Settings › Groups), so they can be granted there."""

    def __init__(self, name, views, *, prefix, menu_order):
        self.name = name
        self.views = views
        self.prefix = prefix
        self.menu_order = menu_order
        self.namespace = f"{name}_reports"

    def url_patterns(self):
        patterns = []
        for view in self.views:
            route = view.route or f"{view.name.replace('_', '-')}/"
            page = view.as_view(url_namespace=self.namespace)
            results = view.as_view(url_namespace=self.namespace, results_only=True)
            patterns += [
                path(route, page, name=view.name),
                path(f"{route}results/", results, name=f"{view.name}_results"),
            ]
        return patterns

    def admin_urls(self):
        return [path(self.prefix, include((self.url_patterns(), self.namespace)))]

    def menu_item(self, view, order):
        return ReportMenuItem(
            view,
            reverse(f"{self.namespace}:{view.name}"),
            name=f"{self.name}-{view.name.replace('_', '-')}",
            order=order,
        )

    def permissions(self):
        names = {view.permission_required for view in self.views}
        query = Q()
        for app_label, codename in (name.split(".") for name in names):
            query |= Q(content_type__app_label=app_label, codename=codename)
        return Permission.objects.filter(query)

    def register(self):
        hooks.register("register_admin_urls", self.admin_urls)
        for order, view in enumerate(self.views, start=self.menu_order):
            hooks.register("register_reports_menu_item", partial(self.menu_item, view, order))
        hooks.register("register_permissions", self.permissions)


class ExportColumnsMixin:
    """A report view that exports its table's columns, under the same headings as shown."""

    @property
    def list_export(self):
        return [column.name for column in self.columns]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}
