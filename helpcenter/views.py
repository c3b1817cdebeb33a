from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from tickets import workflow

from . import content_gaps, selectors
from .forms import SearchForm
from .models import DailySearchCount
from .search import articles_tagged, search_help_center, suggest_articles

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """The help center's search page: results, or a way to browse and to contact support."""
    form = SearchForm(request.GET)
    query, tag = form.terms()
    hits = []
    if query:
        hits = search_help_center(query, request)
        if request.GET.get("page", "1") == "1":
            DailySearchCount.record(query, len(hits))
            content_gaps.remember_search(request, query, hits)
    elif tag:
        hits = articles_tagged(tag, request)
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    home = Site.find_for_request(request).root_page
    return render(
        request,
        "helpcenter/search.html",
        {
            "form": form,
            "query": query,
            "tag": tag,
            "searched": bool(query or tag),
            "page_obj": page_obj,
            "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2),
            "topics": selectors.child_topics(home, request) if home else [],
        },
    )


@require_GET
def contact_suggestions(request):
    """Articles matching the subject being typed on a contact form, as an HTML fragment."""
    query = request.GET.get("q", "")[:200]
    return render(
        request,
        "helpcenter/includes/contact_suggestions.html",
        {"pages": suggest_articles(query), "query": query, "contact_page": request.GET.get("from")},
    )


@require_GET
def open_suggestion(request, page_id):
    """Count the click as a possible deflection, then show the article."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    if not request.session.session_key:
        request.session.save()
    contact_page_id = request.GET.get("from", "")
    contact_page = (
        Page.objects.filter(pk=contact_page_id).first() if contact_page_id.isdigit() else None
    )
    workflow.record_deflection(
        session_key=request.session.session_key,
        page=page,
        contact_page=contact_page,
        query=request.GET.get("q", ""),
    )
    return redirect(page.url)
