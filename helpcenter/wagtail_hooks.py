from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls, feedback, views
from .models import ArticlePage, ContactPage, FAQCategory
from .panels import ReviewDuePanel


@hooks.register("on_serve_page", order=1)
def serve_help_pages(serve_page):
    """Requests the page models leave to views: a contact page's, and an article's feedback post.

    Order 1 puts this inside Wagtail's own page-serving hooks (order 0), its page privacy check
    among them, so a restricted article takes no votes from visitors who may not read it.
    """

    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, ContactPage):
            return views.contact_page(request, page)
        if isinstance(page, ArticlePage) and request.method == "POST":
            return feedback.handle_post(page, request)
        return serve_page(page, request, serve_args, serve_kwargs)

    return serve


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("help-center/reports/", include(admin_urls, namespace="helpcenter_reports"))]


class ReportMenuItem(MenuItem):
    """Shown to users holding the report's permission (editors, moderators, support admins)."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


REPORTS = [
    ("searches", _("Help-center searches"), "search", "helpcenter.view_dailysearchcount"),
    (
        "failed_searches",
        _("Searches with no results"),
        "warning",
        "helpcenter.view_dailysearchcount",
    ),
    ("feedback", _("Article feedback"), "thumbtack", "helpcenter.view_articlefeedback"),
    ("comments", _("Feedback comments"), "comment", "helpcenter.view_articlefeedback"),
    ("content_health", _("Content health"), "pick", "helpcenter.view_articlefeedback"),
    ("deflections", _("Deflections"), "success", "helpcenter.view_articlefeedback"),
    ("content_gaps", _("Content gaps"), "help", "helpcenter.view_dailysearchcount"),
]


def _menu_item(name, label, icon, permission, order):
    return lambda: ReportMenuItem(
        label,
        reverse(f"helpcenter_reports:{name}"),
        name=f"helpcenter-{name.replace('_', '-')}",
        icon_name=icon,
        order=order,
        permission=permission,
    )


for order, report in enumerate(REPORTS, start=1400):
    hooks.register("register_reports_menu_item", _menu_item(*report, order))


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if request.user.has_perm("helpcenter.view_articlefeedback"):
        panels.append(ReviewDuePanel())


class FAQCategoryViewSet(SnippetViewSet):
    model = FAQCategory
    icon = "folder-open-inverse"
    menu_label = _("FAQ categories")
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(FAQCategoryViewSet)
