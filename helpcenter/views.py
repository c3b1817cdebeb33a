from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from tickets import workflow

from .search import suggest_articles


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
