from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from supportsite.reports import AdminReports

from . import reports
from .models import FAQCategory
from .panels import ReviewDuePanel

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
