"""The ticket view agents work in: one stream of messages, notes and changes, the composer after
it, controls and context aside; and what its page polls for (updates_view) and j/k follow.

Every change goes through tickets.workflow; this view only turns forms into those calls.
"""

from contextlib import nullcontext
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import View
from django_ratelimit.exceptions import Ratelimited
from wagtail.admin import messages

from accounts.roles import is_agent
from tickets import workflow
from tickets.forms import CCForm, apply_workflow_errors
from tickets.models import Attachment, Message, Ticket
from tickets.permissions import can_redact, can_take, visible_tickets
from tickets.selectors import with_unread
from tickets.sla.state import CHOICES as SLA_CHOICES
from tickets.sla.state import sla_state

from . import presence
from .forms import (
    AgentReplyForm,
    CorrectForm,
    MergeForm,
    PriorityForm,
    StatusForm,
    TeamForm,
    TicketAssignForm,
    macros_for,
)
from .neighbours import neighbour
from .saved_views import ALL
from .tags import TicketTagsForm
from .timeline import activity, ticket_timeline


def version_of(ticket, *, thread=None):
    """What the agent saw: the ticket's last change and last message. Replies check it.
    `thread`: the ticket's messages, when the page has read them already."""
    if thread is None:
        last_message = ticket.messages.aggregate(last=Max("pk"))["last"] or 0
    else:
        last_message = max((message.pk for message in thread), default=0)
    return f"{ticket.updated_at.timestamp():.6f}:{last_message}"


PAGE_RELATED = ("customer", "category", "team", "assignee", "order", "feedback", "organization")


def ticket_for(request, pk, *, related=PAGE_RELATED, read=False):
    """The ticket as agents work it, through the one policy; a 404 for anything else.
    `related`: what the page shows of it, read with it (a form sent to it needs none). `read`:
    the page shows it, so it carries its `unread` mark (reading it needs no write when there
    is nothing new: workflow.mark_read)."""
    if not is_agent(request.user):
        raise PermissionDenied
    queryset = visible_tickets(request.user)
    if read:
        queryset = with_unread(queryset, request.user)
    if related:
        queryset = queryset.select_related(*related)
    try:
        return queryset.get(pk=pk)
    except (Ticket.DoesNotExist, ValueError):
        raise Http404 from None


class TicketWorkspaceView(View):
    viewset = None
    template_name = "tickets/admin/ticket.html"

    def dispatch(self, request, pk):
        # A sent form mostly redirects; when the page shows it again (its mistakes), what the
        # page shows of the ticket is read then.
        shown = request.method == "GET"
        self.ticket = ticket_for(request, pk, related=PAGE_RELATED if shown else (), read=shown)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(reply_form=None)

    def post(self, request, pk):
        # "Send and set to: …" buttons name the status (then_status): they send the composer too.
        action = "reply" if request.POST.get("then_status") else request.POST.get("action")
        handler = {
            "reply": self.reply,
            "canned": self.insert_canned,
            "status": self.change_status,
            "priority": self.change_priority,
            "assign": self.assign,
            "assign_me": self.assign_me,
            "team": self.change_team,
            "correct": self.correct,
            "merge": self.merge,
            "tags": self.change_tags,
            "cc_add": self.add_ccs,
            "cc_remove": self.remove_cc,
            "follow": self.follow,
            "unfollow": self.unfollow,
            "drop_macro": self.drop_macro,
        }.get(action)
        if handler is None:
            return redirect(self.url)
        try:
            return handler()
        except Ratelimited:
            raise
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You may not do that."))
            return redirect(self.url)

    @cached_property
    def url(self):
        return edit_url(self.viewset, self.ticket)

    def reply_form(self, *args, **kwargs):
        return AgentReplyForm(*args, ticket=self.ticket, user=self.request.user, **kwargs)

    def reply(self):
        form = self.reply_form(self.request.POST, self.request.FILES)
        if not form.is_valid():
            return self.render(reply_form=form, status=200)
        seen = form.cleaned_data["seen"]
        current = version_of(self.ticket)
        if seen != current:
            form.data = form.data.copy()
            form.data["seen"] = current
            return self.render(
                reply_form=form, new_since=_last_message_id(seen), conflict=True, status=409
            )
        note = form.cleaned_data["kind"] == AgentReplyForm.KIND_NOTE
        then_status = form.cleaned_data["then_status"]
        macro = form.cleaned_data["macro"]
        message = {
            "body": form.cleaned_data["body"],
            "internal": note,
            "attachments": form.cleaned_data["attachments"],
        }
        try:
            # One workflow call for the message (with a macro's actions), one for the status:
            # all of it happens, or none. Without a status, the one call is atomic itself.
            with transaction.atomic() if then_status else nullcontext():
                if macro is not None:
                    workflow.apply_macro(self.ticket, by=self.request.user, macro=macro, **message)
                else:
                    workflow.post_message(self.ticket, author=self.request.user, **message)
                if then_status:
                    self.set_status_after_sending(then_status)
        except ValidationError as error:
            apply_workflow_errors(form, error)
            return self.render(reply_form=form)
        sent = _("Internal note added.") if note else _("Reply sent to the customer.")
        if then_status:
            sent = _("%(sent)s The ticket is now %(status)s.") % {
                "sent": sent,
                "status": self.ticket.get_status_display().lower(),
            }
        if macro is not None and macro.action_labels():
            sent = f"{sent} " + _("Macro “%(title)s” applied.") % {"title": macro.title}
        messages.success(self.request, sent)
        return redirect(self.url)

    def set_status_after_sending(self, status):
        """A public reply may have moved the status already (workflow.messages._after_public_reply):
        when it is the one chosen, no second change is recorded."""
        self.ticket.refresh_from_db()
        if self.ticket.status == status:
            return
        try:
            self.ticket = workflow.change_status(self.ticket, by=self.request.user, status=status)
        except ValidationError as error:
            # Shown beside the "Send and set to" buttons; the message is not sent either.
            raise ValidationError({"then_status": error.messages}) from error

    def insert_canned(self, *, chosen=True):
        """Without JavaScript, "Insert" puts the chosen canned response in the reply box and
        queues its actions, which run when the message is sent."""
        user = self.request.user
        response = None
        if chosen:
            response = macros_for(user).filter(pk=_id(self.request.POST.get("canned"))).first()
        body = self.request.POST.get("body", "")
        if response is not None:
            body = (body + "\n\n" if body.strip() else "") + response.render(self.ticket, user)
        form = self.reply_form(
            initial={
                "body": body,
                "kind": self.request.POST.get("kind", AgentReplyForm.KIND_REPLY),
                "seen": self.request.POST.get("seen") or version_of(self.ticket),
                "macro": response.pk if response is not None else None,
            }
        )
        return self.render(reply_form=form)

    def drop_macro(self):
        """The reply box as it was, without the queued macro's actions."""
        return self.insert_canned(chosen=False)

    def change_status(self):
        form = StatusForm(self.request.POST, ticket=self.ticket)
        if not form.is_valid():
            messages.error(self.request, _("Choose one of the statuses offered."))
        elif "status" not in form.changed_data:
            messages.info(self.request, _("The status was already that: nothing changed."))
        else:
            try:
                workflow.change_status(
                    self.ticket,
                    by=self.request.user,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            else:
                messages.success(self.request, _("Status changed."))
        return redirect(self.url)

    def change_priority(self):
        form = PriorityForm(self.request.POST, ticket=self.ticket)
        if not form.is_valid():
            messages.error(self.request, _("Choose one of the priorities offered."))
        elif "priority" not in form.changed_data:
            messages.info(self.request, _("The priority was already that: nothing changed."))
        else:
            try:
                workflow.change_priority(self.ticket, by=self.request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            else:
                messages.success(self.request, _("Priority changed."))
        return redirect(self.url)

    def assign(self):
        form = TicketAssignForm(self.request.POST, ticket=self.ticket, user=self.request.user)
        if not form.is_valid():
            messages.error(self.request, _("Choose an agent."))
        elif "assignee" not in form.changed_data:
            messages.info(self.request, _("The assignee was already that: nothing changed."))
        else:
            try:
                workflow.assign(self.ticket, by=self.request.user, **form.cleaned_data)
            except ValidationError as error:
                # Next to the field (an agent of another team, say), with what was chosen.
                apply_workflow_errors(form, error)
                return self.render(reply_form=self.fresh_reply_form(), assign_form=form)
            messages.success(self.request, _("Assignee changed."))
        return redirect(self.url)

    def assign_me(self):
        try:
            workflow.assign(self.ticket, by=self.request.user, assignee=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("The ticket is yours."))
        return redirect(self.url)

    def change_team(self):
        form = TeamForm(self.request.POST, ticket=self.ticket)
        if form.is_valid():
            if "team" not in form.changed_data:
                messages.info(self.request, _("The team was already that: nothing changed."))
                return redirect(self.url)
            try:
                workflow.change_team(
                    self.ticket,
                    form.cleaned_data["team"],
                    by=self.request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                apply_workflow_errors(form, error)
            else:
                messages.success(self.request, _("Team changed."))
                return redirect(self.url)
        return self.render(reply_form=self.fresh_reply_form(), team_form=form)

    def change_tags(self):
        form = TicketTagsForm(self.request.POST)
        if not form.is_valid():
            messages.error(self.request, " ".join(m for e in form.errors.values() for m in e))
            return redirect(self.url)
        before = set(self.ticket.tags.all())
        try:
            ticket = workflow.tag(
                self.ticket,
                by=self.request.user,
                tags=form.cleaned_data["tags"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            changed = set(ticket.tags.all()) != before
            messages.success(self.request, _("Tags changed.") if changed else _("No change."))
        return redirect(self.url)

    def add_ccs(self):
        form = CCForm(self.request.POST, ticket=self.ticket)
        if form.is_valid():
            try:
                workflow.add_ccs(self.ticket, form.cleaned_data["cc"], by=self.request.user)
            except ValidationError as error:
                apply_workflow_errors(form, error)
            else:
                messages.success(self.request, _("CC added."))
                return redirect(self.url)
        return self.render(reply_form=self.fresh_reply_form(), cc_form=form, status=400)

    def remove_cc(self):
        workflow.remove_cc(self.ticket, self.request.POST.get("email", ""), by=self.request.user)
        messages.success(self.request, _("CC removed."))
        return redirect(self.url)

    def follow(self):
        workflow.follow(self.ticket, self.request.user)
        messages.success(self.request, _("You will be told of every update to this ticket."))
        return redirect(self.url)

    def unfollow(self):
        workflow.unfollow(self.ticket, self.request.user)
        messages.success(self.request, _("You no longer follow this ticket."))
        return redirect(self.url)

    def correct(self):
        form = CorrectForm(self.request.POST, ticket=self.ticket, user=self.request.user)
        if form.is_valid():
            try:
                workflow.correct(
                    self.ticket,
                    by=self.request.user,
                    reason=form.cleaned_data["reason"],
                    **form.changes(),
                )
            except ValidationError as error:
                apply_workflow_errors(form, error)
            else:
                messages.success(self.request, _("Ticket corrected."))
                return redirect(self.url)
        return self.render(reply_form=self.fresh_reply_form(), correct_form=form)

    def merge(self):
        form = MergeForm(self.request.POST, user=self.request.user)
        if form.is_valid():
            target = form.cleaned_data["into"]
            try:
                workflow.merge(
                    [self.ticket],
                    into=target,
                    by=self.request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                apply_workflow_errors(form, error)
            else:
                messages.success(
                    self.request,
                    _("Merged into %(number)s.") % {"number": target.number},
                )
                return redirect(edit_url(self.viewset, target))
        return self.render(reply_form=self.fresh_reply_form(), merge_form=form)

    def fresh_reply_form(self):
        return self.reply_form(initial={"seen": version_of(self.ticket)})

    def render(
        self,
        *,
        reply_form,  # None: a fresh one, for the version of the ticket the page shows
        new_since=None,
        conflict=False,
        status=200,
        correct_form=None,
        merge_form=None,
        assign_form=None,
        team_form=None,
        cc_form=None,
    ):
        ticket, user = self.ticket, self.request.user
        thread = list(
            Message.objects.filter(ticket=ticket)
            .select_related("author")
            .prefetch_related("attachments")
            .order_by("created_at", "pk")
        )
        if reply_form is None:
            reply_form = self.reply_form(initial={"seen": version_of(ticket, thread=thread)})
        macros = list(macros_for(user))
        queued = str(reply_form["macro"].value() or "")
        queued_macro = next((macro for macro in macros if str(macro.pk) == queued), None)
        timeline = ticket_timeline(ticket)
        tags_form, tags = TicketTagsForm.for_ticket(ticket)
        workflow.mark_read(ticket, user)
        sent = {"assign_form": assign_form, "team_form": team_form}
        context = {
            **_live_context(ticket, user, self.url),
            **{name: form for name, form in sent.items() if form is not None},
            "activity": activity(thread, timeline),
            "new_since": new_since,
            "conflict": conflict,
            "ticket_files": Attachment.objects.filter(ticket=ticket, message__isnull=True),
            "reply_form": reply_form,
            "macros": [
                (macro, macro.render(ticket, user), macro.action_labels()) for macro in macros
            ],
            "queued_macro": queued_macro,
            "ticket_tags": tags,
            "ccs": list(ticket.ccs.all()),
            "cc_form": cc_form or CCForm(ticket=ticket),
            "following": ticket.followers.filter(pk=user.pk).exists(),
            **_linked_numbers(ticket),
            "tags_form": tags_form,
            **_folded_forms(
                self.request.GET.get("panel"),
                ticket,
                user,
                correct_form=correct_form,
                merge_form=merge_form,
            ),
            "panels_url": self.url + "panel/",
            "other_tickets": visible_tickets(user)
            .filter(customer=ticket.customer_id)
            .exclude(pk=ticket.pk)
            .order_by("-created_at")[:10],
            **_organization_context(self.viewset, ticket),
            "others_viewing": presence.touch(ticket, user),
            "updates_url": self.url + "updates/",
            "last_message": thread[-1].pk if thread else 0,
            "last_change": timeline[-1]["id"] if timeline else 0,
            "poll_seconds": settings.TICKET_POLL_SECONDS,
            "next_url": _neighbour_url(self.viewset, ticket, "next"),
            "previous_url": _neighbour_url(self.viewset, ticket, "previous"),
            "queue_url": reverse(self.viewset.get_url_name("list")),
            "page_title": ticket.number,
            "header_icon": "help",
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


ORGANIZATION_TICKETS_SHOWN = 5


def _organization_context(viewset, ticket):
    """The ticket's organisation, a few of its other tickets (one query) and the queue filtered
    by it, for the aside."""
    organization = ticket.organization
    if organization is None:
        return {}
    others = list(
        Ticket.objects.filter(organization=organization)
        .exclude(pk=ticket.pk)
        .select_related("customer")
        .order_by("-created_at")[:ORGANIZATION_TICKETS_SHOWN]
    )
    queue = reverse(viewset.get_url_name("list"))
    filtered = urlencode({"view": ALL, "organization": organization.pk})
    return {
        "organization": organization,
        "organization_url": reverse("organizations:edit", args=[organization.pk]),
        "organization_tickets": others,
        "organization_queue_url": f"{queue}?{filtered}",
    }


# The folded panels' forms, rendered only when asked for: opened (panel_view), named by ?panel=
# (the page without JavaScript) or sent back with errors. Name → (context name, form).
FOLDED_PANELS = {
    "correct": ("correct_form", lambda ticket, user: CorrectForm(ticket=ticket, user=user)),
    "merge": ("merge_form", lambda ticket, user: MergeForm(user=user)),
}


def _folded_forms(panel, ticket, user, **sent):
    forms = {name: form for name, form in sent.items() if form is not None}
    if panel in FOLDED_PANELS:
        name, make = FOLDED_PANELS[panel]
        forms.setdefault(name, make(ticket, user))
    return forms


def panel_view(request, pk, viewset, panel):
    """A folded panel's form, fetched when the agent opens the panel."""
    ticket = ticket_for(request, pk)
    if panel not in FOLDED_PANELS:
        raise Http404
    return TemplateResponse(
        request,
        f"tickets/admin/includes/{panel}_fields.html",
        _folded_forms(panel, ticket, request.user),
    )


def _linked_numbers(ticket):
    """The numbers of the tickets this one follows up on and was merged into.

    Read apart, and only when there are any: two more joins in the ticket's own query cost
    PostgreSQL ten times as long to plan as the rest of it (8 tables instead of 6).
    """
    ids = [pk for pk in (ticket.previous_ticket_id, ticket.merged_into_id) if pk]
    numbers = dict(Ticket.objects.filter(pk__in=ids).values_list("pk", "number")) if ids else {}
    return {
        "previous_ticket_number": numbers.get(ticket.previous_ticket_id),
        "merged_into_number": numbers.get(ticket.merged_into_id),
    }


def _live_context(ticket, user, edit_url):
    """What the page shows of the ticket's state, and its poll refreshes: summary and controls."""
    return {
        "ticket": ticket,
        "status_form": StatusForm(ticket=ticket),
        "priority_form": PriorityForm(ticket=ticket),
        "assign_form": TicketAssignForm(ticket=ticket, user=user),
        "team_form": TeamForm(ticket=ticket),
        "can_take": can_take(user, ticket) and ticket.assignee_id != user.pk,
        "can_redact": can_redact(user, ticket),
        "sla_state": sla_state(ticket),
        "sla_label": dict(SLA_CHOICES).get(sla_state(ticket)),
        "edit_url": edit_url,
    }


def updates_view(request, pk, viewset):
    """Polled by the open ticket view: what is new since its last message (?message=) and change
    (?change=), rendered as the page renders them, the ticket's state, and who else is here."""
    ticket = ticket_for(request, pk)
    after_message, after_change = _id(request.GET.get("message")), _id(request.GET.get("change"))
    thread = list(
        Message.objects.filter(ticket=ticket, pk__gt=after_message)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    timeline = ticket_timeline(ticket, after=after_change)
    if thread:
        workflow.mark_read(ticket, request.user)
    context = {
        **_live_context(ticket, request.user, edit_url(viewset, ticket)),
        "activity": activity(thread, timeline),
        "new_since": after_message,
        "changes_new": True,
        "others_viewing": presence.touch(ticket, request.user),
    }

    def part(template):
        return render_to_string(f"tickets/admin/includes/{template}.html", context, request)

    return JsonResponse(
        {
            "version": version_of(ticket),
            "last_message": thread[-1].pk if thread else after_message,
            "last_change": timeline[-1]["id"] if timeline else after_change,
            "items": part("activity") if thread or timeline else "",
            "announcement": _announcement(len(thread), len(timeline)),
            "status": ticket.status,
            "priority": ticket.priority,
            "assignee": ticket.assignee.get_full_name() if ticket.assignee else None,
            "summary": part("ticket_summary"),
            "controls": part("ticket_controls"),
            "presence": part("presence"),
        }
    )


def neighbour_view(request, pk, viewset, step):
    """j and k: the next or previous ticket in the queue's order, or the queue past either end."""
    ticket = ticket_for(request, pk)
    found = neighbour(ticket, request.user, step=step)
    if found is None:
        messages.info(
            request,
            _("That was the last ticket in the queue.")
            if step > 0
            else _("That was the first ticket in the queue."),
        )
        return redirect(viewset.get_url_name("list"))
    return redirect(edit_url(viewset, found))


def _announcement(messages_count, changes_count):
    """What the page says (aria-live) when its poll brings something new."""
    parts = []
    if messages_count:
        parts.append(
            ngettext("%(count)d new message", "%(count)d new messages", messages_count)
            % {"count": messages_count}
        )
    if changes_count:
        parts.append(
            ngettext("%(count)d change", "%(count)d changes", changes_count)
            % {"count": changes_count}
        )
    if not parts:
        return ""
    return _("New on this ticket: %(what)s, at the end of the conversation.") % {
        "what": ", ".join(parts)
    }


def _id(value):
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _last_message_id(version):
    try:
        return int(version.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return 0


def edit_url(viewset, ticket):
    return reverse(viewset.get_url_name("edit"), args=[ticket.pk])


def _neighbour_url(viewset, ticket, direction):
    return reverse(viewset.get_url_name(direction), args=[ticket.pk])
