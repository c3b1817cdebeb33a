from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.roles import is_agent
from supportsite.reports import AdminReports

from . import feedback, gap_articles, reports, views
from .models import ArticlePage, ContactPage, FAQCategory, SearchSynonym
from .panels import ReviewDuePanel, UnhelpfulCommentsPanel


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


hooks.register("register_admin_urls", gap_articles.admin_urls)


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    if request.user.has_perm("helpcenter.view_articlefeedback"):
        panels.extend([ReviewDuePanel(), UnhelpfulCommentsPanel()])


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow's name>" button, in words: "Submit for review", or
    "Resubmit for review" once a moderator asked for changes."""

    label = _("Submit for review")

    def get_context_data(self, parent_context):
        # ActionMenuItem's context, without Wagtail's own label (and its workflow lookup).
        context = ActionMenuItem.get_context_data(self, parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for review")
        return context


@hooks.register("construct_page_action_menu")
def name_the_submit_button_plainly(menu_items, request, context):
    menu_items[:] = [
        SubmitForReviewMenuItem(order=item.order)
        if type(item) is SubmitForModerationMenuItem
        else item
        for item in menu_items
    ]


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
