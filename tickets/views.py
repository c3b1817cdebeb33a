"""The customer portal: my tickets, one ticket, my orders, and attachment downloads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.exceptions import Ratelimited

from accounts.roles import is_agent
from supportsite.views import too_many_requests

from . import kept_uploads, rating_links, selectors, workflow
from .choices import SOLVED_STATUSES, Status
from .forms import (
    REMOVE_UPLOAD,
    CCForm,
    FeedbackForm,
    RatingCommentForm,
    ReplyForm,
    TicketFilterForm,
    apply_workflow_errors,
)
from .models import Attachment, Ticket
from .permissions import (
    can_change_ccs,
    can_view_ticket,
    removable_ccs,
    sees_organization_tickets,
    visible_attachments,
)

PER_PAGE = 20
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


def _ticket_or_404(user, number):
    try:
        return selectors.ticket_for_page(user, number)
    except Ticket.DoesNotExist:
        raise Http404(_("No such ticket.")) from None


@login_required
@require_GET
def ticket_list(request):
    shows_organization = sees_organization_tickets(request.user)
    form = TicketFilterForm(request.GET or None, shows_organization=shows_organization)
    tickets = selectors.my_tickets(request.user, **form.filters())
    page = Paginator(tickets, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "tickets/ticket_list.html",
        {
            "form": form,
            "page_obj": page,
            "tickets": page.object_list,
            "shows_organization": shows_organization,
        },
    )


@login_required
def ticket_detail(request, number):
    ticket = _ticket_or_404(request.user, number)
    target = selectors.merged_target(request.user, ticket)
    if target is not None:
        return redirect(target)
    scope = f"reply:{ticket.pk}"
    reply_form = ReplyForm()
    cc_form = CCForm(ticket=ticket)
    refused = None
    if request.method == "POST" and "cc_remove" in request.POST:
        return _remove_cc(request, ticket)
    if request.method == "POST" and "cc_add" in request.POST:
        cc_form = CCForm(request.POST, ticket=ticket)
        if _add_ccs(request, ticket, cc_form):
            return redirect(f"{ticket.get_absolute_url()}#ccs")
    elif request.method == "POST":
        files = request.FILES.getlist("attachments")
        if request.POST.get(REMOVE_UPLOAD):
            # Not a reply yet: one kept file removed, the text shown again as typed.
            kept_uploads.remove(request, scope, request.POST[REMOVE_UPLOAD])
            kept_uploads.keep_good(request, scope, files)
            reply_form = ReplyForm(initial={"body": request.POST.get("body", "")})
        else:
            reply_form = ReplyForm(
                request.POST, request.FILES, kept=kept_uploads.listed(request, scope)
            )
            if reply_form.is_valid():
                try:
                    workflow.post_message(
                        ticket,
                        author=request.user,
                        body=reply_form.cleaned_data["body"],
                        attachments=reply_form.cleaned_data["attachments"]
                        + kept_uploads.opened(request, scope),
                    )
                except ValidationError as error:
                    apply_workflow_errors(reply_form, error)
                except Ratelimited as error:
                    # Too many replies: say so above the form, which keeps the typed text.
                    reply_form.add_error(None, str(error))
                    refused = error
                else:
                    kept_uploads.discard(request, scope)
                    messages.success(request, _("Your reply was sent."))
                    return redirect(ticket)
            kept_uploads.keep(request, scope, reply_form.accepted_uploads)
    thread = list(selectors.public_thread(ticket))
    ccs = list(ticket.ccs.all())
    workflow.mark_read(ticket, request.user)
    response = render(
        request,
        "tickets/ticket_detail.html",
        {
            "ticket": ticket,
            "thread": thread,
            "status_history": selectors.customer_status_history(ticket),
            "reply_form": reply_form,
            "ccs": ccs,
            "cc_form": cc_form if can_change_ccs(request.user, ticket) else None,
            "removable_ccs": removable_ccs(request.user, ticket, ccs),
            "stars": list(reversed(FeedbackForm.base_fields["rating"].choices)),
            "comment_form": RatingCommentForm(),
            "kept_uploads": kept_uploads.listed(request, scope),
            "is_owner": ticket.customer_id == request.user.pk,
            "is_solved": ticket.status in SOLVED_STATUSES,
            "viewer_is_staff": is_agent(request.user),
            "Status": Status,
            "poll_seconds": settings.TICKET_POLL_SECONDS,
        },
    )
    return too_many_requests(response, refused) if refused else response


def _add_ccs(request, ticket, form):
    """Copy the addresses typed on the ticket page; False with the form's errors if refused."""
    if not form.is_valid():
        return False
    try:
        workflow.add_ccs(ticket, form.cleaned_data["cc"], by=request.user)
    except ValidationError as error:
        apply_workflow_errors(form, error)
        return False
    messages.success(request, _("They will get the replies by email."))
    return True


def _remove_cc(request, ticket):
    email = request.POST["cc_remove"]
    try:
        workflow.remove_cc(ticket, email, by=request.user)
    except PermissionDenied:
        messages.error(request, _("You cannot take this person off the ticket."))
        return redirect(f"{ticket.get_absolute_url()}#ccs")
    messages.success(
        request, _("%(email)s no longer gets this ticket's emails.") % {"email": email}
    )
    if not can_view_ticket(request.user, ticket):
        return redirect("tickets:list")
    return redirect(f"{ticket.get_absolute_url()}#ccs")


@login_required
@require_GET
def ticket_messages(request, number):
    """New public messages since ?after=<id>, as HTML for the ticket page to append."""
    ticket = _ticket_or_404(request.user, number)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        after = 0
    thread = list(selectors.public_thread(ticket, after=after))
    if thread:
        workflow.mark_read(ticket, request.user)
    response = render(
        request, "tickets/includes/thread_messages.html", {"thread": thread, "ticket": ticket}
    )
    # The page's status badge follows (static/js/ticket.js), in the customer's words.
    response["X-Ticket-Status"] = ticket.status
    return response


@login_required
@require_POST
def ticket_confirm(request, number):
    ticket = _ticket_or_404(request.user, number)
    try:
        workflow.confirm_resolution(ticket, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thanks for confirming: the ticket is closed."))
    return redirect(ticket)


@login_required
@require_POST
def ticket_feedback(request, number):
    ticket = _ticket_or_404(request.user, number)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            workflow.rate(ticket, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for your rating."))
    else:
        messages.error(request, _("Choose a rating from 1 to 5 stars."))
    return redirect(f"{ticket.get_absolute_url()}#feedback")


@login_required
@require_POST
def ticket_feedback_comment(request, number):
    """Words to go with a rating already given (by a star button or the email's link)."""
    ticket = _ticket_or_404(request.user, number)
    form = RatingCommentForm(request.POST)
    if form.is_valid():
        try:
            workflow.comment_on_rating(ticket, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for telling us."))
    else:
        messages.error(request, " ".join(form.errors["comment"]))
    return redirect(f"{ticket.get_absolute_url()}#feedback")


@require_GET
def rate_by_link(request, token):
    """A star clicked in the resolution email: the signed link is the customer's say-so, so it
    rates without signing in; the ticket page (after signing in) then offers the comment box."""
    try:
        ticket_id, customer_id, rating = rating_links.read(token)
        ticket = Ticket.objects.get(pk=ticket_id, customer_id=customer_id)
    except (signing.BadSignature, Ticket.DoesNotExist):
        messages.error(
            request,
            _("This rating link has expired or is not valid. You can rate on the ticket page."),
        )
        return redirect("tickets:list")
    try:
        workflow.rate(ticket, by=ticket.customer, rating=rating)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you for your rating. Anything you'd like to add?"))
    destination = f"{ticket.get_absolute_url()}#feedback"
    if request.user.pk != ticket.customer_id:
        return redirect_to_login(destination)
    return redirect(destination)


@login_required
@require_GET
def attachment_download(request, number, pk):
    try:
        attachment = visible_attachments(request.user).get(
            ticket__number=number, pk=pk, removed_at__isnull=True
        )
    except Attachment.DoesNotExist:
        raise Http404(_("No such file.")) from None
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=attachment.content_type not in INLINE_TYPES,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def order_list(request):
    return render(request, "tickets/order_list.html", {"orders": selectors.my_orders(request.user)})
