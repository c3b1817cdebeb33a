from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from wagtail.models import Page, Site

from supportsite.views import too_many_requests
from tickets import kept_uploads, workflow
from tickets.forms import REMOVE_UPLOAD, apply_workflow_errors
from tickets.models import Deflection
from tickets.permissions import portal_tickets, visible_tickets

from . import contact_drafts, content_gaps
from .forms import SearchForm
from .models import DailySearchCount, TopicPage
from .search import articles_tagged, parse, search_help_center, suggest_articles

RESULTS_PER_PAGE = 10
AS_YOU_TYPE_LIMIT = 6
INSTANT_ANSWERS_LIMIT = 3
SUGGESTION_QUERY_LENGTH = 300
CONTACT_POSTS_PER_IP = "30/h"
PREFILLED_CONTACT_FIELDS = ("order", "category", "subject", "follow_up", "priority")
# The thank-you page's parameter: the number of the ticket just opened.
SENT = "sent"


@require_GET
def search(request):
    """The help center's search page: results, or a way to browse and to contact support."""
    form = SearchForm(request.GET)
    query, tag = form.terms()
    hits = []
    parsed = None
    if query:
        parsed = parse(query)
        hits = search_help_center(query, request, parsed)
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
            "did_you_mean": parsed.suggestion if parsed else "",
            "page_obj": page_obj,
            "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2),
            "topics": TopicPage.objects.child_of(home).listed_for(request) if home else [],
        },
    )


@require_GET
def search_as_you_type(request):
    """The best few results for what is being typed in a search box, as the options of its
    listbox (an HTML fragment for static/js/search_suggest.js); counted in no statistics."""
    form = SearchForm(request.GET)
    query, _tag = form.terms()
    parsed = parse(query) if query else None
    hits = search_help_center(query, request, parsed)[:AS_YOU_TYPE_LIMIT] if parsed else []
    return render(
        request,
        "helpcenter/includes/search_options.html",
        {"hits": hits, "query": query, "did_you_mean": parsed.suggestion if parsed else ""},
    )


@require_GET
def contact_suggestions(request):
    """Articles matching the subject (and description) being typed on a contact form, with
    highlighted snippets, as an HTML fragment."""
    query = request.GET.get("q", "")[:SUGGESTION_QUERY_LENGTH]
    contact_page = request.GET.get("from", "")
    return render(
        request,
        "helpcenter/includes/contact_suggestions.html",
        {
            "hits": suggest_articles(query, limit=INSTANT_ANSWERS_LIMIT),
            "query": query,
            "contact_page": contact_page if contact_page.isdigit() else "",
        },
    )


@require_POST
def open_suggestion(request, page_id):
    """Count the click as a possible deflection, then show the article. A POST from the
    suggestion's button, so that a link preview or a crawler records nothing."""
    page = _suggested_page(page_id)
    _record_deflection(request, page)
    return redirect(page.url)


@require_POST
def suggestion_answered(request, page_id):
    """ "This answered my question": the contact form is closed (its kept draft dropped) and the
    article counts as a deflection, once per visitor even if they also opened it."""
    page = _suggested_page(page_id)
    if not request.session.session_key:
        request.session.save()
    already = Deflection.objects.filter(
        session_key=request.session.session_key, page=page, ticket__isnull=True
    ).exists()
    if not already:
        _record_deflection(request, page)
    contact_page = _contact_page_sent(request)
    if contact_page is not None:
        contact_drafts.discard_draft(request, contact_page)
    messages.success(request, _("Glad that helped. Nothing was sent to support."))
    return redirect(page.url)


def _suggested_page(page_id):
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _contact_page_sent(request):
    """The contact page the suggestion was shown on (the form's "from"), if there is one."""
    contact_page_id = request.POST.get("from", "")
    return Page.objects.filter(pk=contact_page_id).first() if contact_page_id.isdigit() else None


def _record_deflection(request, page):
    if not request.session.session_key:
        request.session.save()
    workflow.record_deflection(
        session_key=request.session.session_key,
        page=page,
        contact_page=_contact_page_sent(request),
        query=request.POST.get("q", ""),
    )


def contact_page(request, page):
    """A ContactPage: its form opens a ticket. Nothing typed or attached is lost on the way: an
    anonymous visitor's form waits in their session while they sign in and is sent once they
    are back; a form with mistakes comes back with every mistake named and its good files kept
    (tickets.kept_uploads); a form refused by the rate limit is kept for the visitor to send
    later (contact_drafts, linked from the 429 page)."""
    draft = contact_drafts.load_draft(request, page)
    scope = contact_drafts.uploads_scope(page)
    refused = None
    if request.method == "POST":
        files = request.FILES.getlist("attachments")
        if is_ratelimited(
            request, group="contact", key="ip", rate=CONTACT_POSTS_PER_IP, increment=True
        ):
            contact_drafts.save_draft(request, page, request.POST, files)
            error = Ratelimited()
            error.resume_url = f"{page.url}?resume=1"
            raise error
        if request.POST.get(REMOVE_UPLOAD):
            form = _form_after_removing(request, page, scope, files)
        elif not request.user.is_authenticated:
            contact_drafts.save_draft(request, page, request.POST, files)
            return redirect_to_login(f"{page.url}?resume=1", settings.LOGIN_URL)
        else:
            kept = kept_uploads.listed(request, scope)
            form = page.get_form(
                request.POST, request.FILES, page=page, user=request.user, kept=kept
            )
            if form.is_valid():
                try:
                    ticket = _open_ticket(request, page, form, scope)
                except ValidationError as error:
                    apply_workflow_errors(form, error)
                except Ratelimited as error:
                    # Too many tickets: say so above the form, which keeps the typed text.
                    form.add_error(None, str(error))
                    refused = error
                else:
                    content_gaps.record_unanswered(request, ticket)
                    contact_drafts.discard_draft(request, page)
                    # Post, then redirect: reloading the thank-you page opens no second ticket.
                    return redirect(f"{page.url}?{SENT}={ticket.number}")
            kept_uploads.keep(request, scope, form.accepted_uploads)
    elif sent := _sent_ticket(request):
        return page.render_landing_page(request, sent)
    elif draft and request.GET.get("resume"):
        initial = contact_drafts.draft_initial(draft)
        form = page.get_form(page=page, user=request.user, initial=initial)
    else:
        # Pre-filled from ?order=, ?category=, ?subject= and more: links across the site.
        prefilled = (key for key in PREFILLED_CONTACT_FIELDS if request.GET.get(key))
        initial = {key: request.GET[key] for key in prefilled}
        form = page.get_form(page=page, user=request.user, initial=initial)
    context = page.get_context(request)
    context["form"] = form
    context["kept_uploads"] = kept_uploads.listed(request, scope)
    response = render(request, page.get_template(request), context)
    return too_many_requests(response, refused) if refused else response


def _sent_ticket(request):
    """The ticket the visitor has just opened, named by the thank-you page's address: one of
    their own, never someone else's."""
    number = request.GET.get(SENT)
    if not number or not request.user.is_authenticated:
        return None
    return portal_tickets(request.user).filter(number=number, customer=request.user).first()


def _form_after_removing(request, page, scope, files):
    """The form as typed, without the kept file its sender removed (and with any newly chosen
    good files kept): not checked yet, as the sender is still writing it."""
    kept_uploads.remove(request, scope, request.POST[REMOVE_UPLOAD])
    kept_uploads.keep_good(request, scope, files)
    data = {key: request.POST.getlist(key) for key in request.POST if key != REMOVE_UPLOAD}
    initial = contact_drafts.values_as_initial(data)
    return page.get_form(page=page, user=request.user, initial=initial)


def _open_ticket(request, page, form, scope):
    data = form.cleaned_data
    previous = None
    if data.get("follow_up"):
        previous = (
            visible_tickets(request.user)
            .filter(number=data["follow_up"], customer=request.user)
            .first()
        )
    ticket = workflow.open_ticket(
        customer=request.user,
        subject=data["subject"],
        description=data["description"],
        category=data.get("category"),
        priority=data["priority"],
        priority_justification=data.get("priority_justification", ""),
        order=data.get("order"),
        source_page=page,
        extra_fields=page.extra_values_by_label(form),
        attachments=list(data.get("attachments") or []) + kept_uploads.opened(request, scope),
        previous_ticket=previous,
        session_key=request.session.session_key,
        cc=data.get("cc") or (),
    )
    page.record_submission(ticket, form.extra_values())
    return ticket
