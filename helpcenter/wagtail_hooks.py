from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from supportsite.reports import AdminReports

from . import feedback, reports, views
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


# Help-center reports (helpcenter/reports.py), in Wagtail's Reports menu.
AdminReports(
    "helpcenter", reports.REPORTS, prefix="help-center/reports/", menu_order=1400
).register()


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
