""" "Write an article" from the content-gaps report: a draft in the gap's topic, titled after the
search, whose body starts with a note listing what readers searched for there before they wrote
to support. The editor lands in the page editor; the draft goes through moderation as any other.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.html import format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ArticlePage, TopicPage, UnansweredSearch
from .models.search_stats import normalize_query

SEARCHES_LISTED = 10


def searches_to_answer(topic, query):
    """`query`, then the topic's other unanswered searches (those before most tickets first)."""
    others = (
        UnansweredSearch.objects.filter(topic=topic)
        .exclude(query=query)
        .values("query")
        .annotate(tickets=Count("ticket", distinct=True))
        .order_by("-tickets", "query")
        .values_list("query", flat=True)
    )
    return [query, *others[: SEARCHES_LISTED - 1]]


def note_for(searches):
    listed = format_html_join(", ", "“{}”", ((search,) for search in searches))
    return {
        "kind": "warning",
        "title": _("Before you publish"),
        "text": "<p>%s</p>"
        % (
            _(
                "Readers searched for %(searches)s, then wrote to support. Answer them in "
                "this article, then delete this box."
            )
            % {"searches": listed}
        ),
    }


def draft_article(topic, query, user):
    """The draft for `query` in `topic` (new, or the one already there), and whether it is new."""
    slug = slugify(query)[:80] or "new-article"
    existing = ArticlePage.objects.child_of(topic).filter(slug=slug).first()
    if existing:
        return existing, False
    article = ArticlePage(
        title=query[:1].upper() + query[1:],
        slug=slug,
        summary=_("Say in one or two sentences what this article answers."),
        body=[("callout", note_for(searches_to_answer(topic, query)))],
        live=False,
        owner=user,
    )
    topic.add_child(instance=article)
    article.save_revision(user=user, log_action=True)
    return article, True


@require_POST
def write_article(request):
    topic = get_object_or_404(TopicPage, pk=request.POST.get("topic"))
    query = normalize_query(request.POST.get("query", ""))
    if not query:
        messages.error(request, _("Choose a search to write an article for."))
        return redirect("helpcenter_reports:content_gaps")
    if not (
        ArticlePage.can_create_at(topic)
        and topic.permissions_for_user(request.user).can_add_subpage()
    ):
        raise PermissionDenied
    article, created = draft_article(topic, query, request.user)
    if not created:
        messages.info(request, _("An article for this search is already in this topic."))
    return redirect("wagtailadmin_pages:edit", article.pk)


def admin_urls():
    return [path("help-center/content-gaps/write/", write_article, name="helpcenter_write_article")]
