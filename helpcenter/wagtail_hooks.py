from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.roles import is_agent
from supportsite.reports import AdminReports

from . import feedback, reports, views
from .models import ArticlePage, ContactPage, FAQCategory, SearchSynonym
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


@hooks.register("filter_form_submissions_for_user")
def hide_contact_submissions(user, form_pages):
    """A contact page's submissions are tickets (subjects, descriptions, the editor's extra
    fields): only those who may read tickets see them, not every editor of the page."""
    if is_agent(user):
        return form_pages
    return form_pages.exclude(content_type=ContentType.objects.get_for_model(ContactPage))


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


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["words"]


register_snippet(SearchSynonymViewSet)
