"""The ticket view agents work in: thread with notes, reply box, controls, timeline, context.

Every change goes through tickets.workflow; this view only turns forms into those calls.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View
from django_ratelimit.exceptions import Ratelimited
from wagtail.admin import messages

from accounts.roles import is_agent
from tickets import workflow
from tickets.forms import apply_workflow_errors
from tickets.models import Attachment, Message, Ticket
from tickets.permissions import can_reassign, visible_tickets
from tickets.sla.state import CHOICES as SLA_CHOICES
from tickets.sla.state import sla_state

from . import presence
from .forms import (
    AgentReplyForm,
    AssignForm,
    CorrectForm,
    MergeForm,
    PriorityForm,
    StatusForm,
    macros_for,
)
from .tags import TicketTagsForm
from .timeline import ticket_timeline


def version_of(ticket):
    """What the agent saw: the ticket's last change and last message. Replies check it."""
    last_message = ticket.messages.aggregate(last=Max("pk"))["last"] or 0
    return f"{ticket.updated_at.timestamp():.6f}:{last_message}"


class TicketWorkspaceView(View):
    viewset = None
    template_name = "tickets/admin/ticket.html"

    def dispatch(self, request, pk):
        if not is_agent(request.user):
            raise PermissionDenied
        queryset = (
            visible_tickets(request.user)
            .select_related(
                "customer",
                "category",
                "assignee",
                "order",
                "feedback",
                "previous_ticket",
                "merged_into",
            )
            .prefetch_related("tags")
        )
        try:
            self.ticket = queryset.get(pk=pk)
        except (Ticket.DoesNotExist, ValueError):
            raise Http404 from None
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(
            reply_form=AgentReplyForm(
                initial={"seen": version_of(self.ticket)}, user=self.request.user
            )
        )

    def post(self, request, pk):
        action = request.POST.get("action")
        handler = {
            "reply": self.reply,
            "canned": self.insert_canned,
            "status": self.change_status,
            "priority": self.change_priority,
            "assign": self.assign,
            "assign_me": self.assign_me,
            "correct": self.correct,
            "merge": self.merge,
            "tags": self.change_tags,
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

    @property
    def url(self):
        return _edit_url(self.viewset, self.ticket)

    def reply(self):
        form = AgentReplyForm(self.request.POST, self.request.FILES, user=self.request.user)
        if not form.is_valid():
            return self.render(reply_form=form, status=200)
        seen = form.cleaned_data["seen"]
        current = version_of(self.ticket)
        if seen != current:
            form.data = form.data.copy()
            form.data["seen"] = current
            form.add_error(
                None,
                _(
                    "Someone changed or answered this ticket while you were writing. Read what is "
                    "new (highlighted below), then send your message again: nothing was sent."
                ),
            )
            return self.render(reply_form=form, new_since=_last_message_id(seen), status=409)
        internal = form.cleaned_data["kind"] == AgentReplyForm.KIND_NOTE
        macro = form.cleaned_data["macro"]
        try:
            if macro is not None:
                workflow.apply_macro(
                    self.ticket,
                    by=self.request.user,
                    macro=macro,
                    body=form.cleaned_data["body"],
                    internal=internal,
                    attachments=form.cleaned_data["attachments"],
                )
            else:
                workflow.post_message(
                    self.ticket,
                    author=self.request.user,
                    body=form.cleaned_data["body"],
                    internal=internal,
                    attachments=form.cleaned_data["attachments"],
                )
        except ValidationError as error:
            apply_workflow_errors(form, error)
            return self.render(reply_form=form)
        if internal:
            done = _("Internal note added.")
        else:
            done = _("Reply sent to the customer.")
        if macro is not None and macro.action_labels():
            done = f"{done} " + _("Macro “%(title)s” applied.") % {"title": macro.title}
        messages.success(self.request, done)
        return redirect(self.url)

    def insert_canned(self, *, chosen=True):
        """Without JavaScript, "Insert" puts the chosen canned response in the reply box and
        queues its actions, which run when the message is sent."""
        user = self.request.user
        response = None
        if chosen:
            response = macros_for(user).filter(pk=_number(self.request.POST.get("canned"))).first()
        body = self.request.POST.get("body", "")
        if response is not None:
            body = (body + "\n\n" if body.strip() else "") + response.render(self.ticket, user)
        form = AgentReplyForm(
            initial={
                "body": body,
                "kind": self.request.POST.get("kind", AgentReplyForm.KIND_REPLY),
                "seen": self.request.POST.get("seen") or version_of(self.ticket),
                "macro": response.pk if response is not None else None,
            },
            user=user,
        )
        return self.render(reply_form=form)

    def change_status(self):
        form = StatusForm(self.request.POST, ticket=self.ticket)
        if form.is_valid():
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
        else:
            messages.error(self.request, _("Choose one of the statuses offered."))
        return redirect(self.url)

    def change_priority(self):
        form = PriorityForm(self.request.POST)
        if form.is_valid():
            try:
                workflow.change_priority(self.ticket, by=self.request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            else:
                messages.success(self.request, _("Priority changed."))
        return redirect(self.url)

    def assign(self):
        form = AssignForm(self.request.POST)
        if form.is_valid():
            try:
                workflow.assign(self.ticket, by=self.request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            else:
                messages.success(self.request, _("Assignee changed."))
        else:
            messages.error(self.request, _("Choose an agent."))
        return redirect(self.url)

    def drop_macro(self):
        """The reply box as it was, without the queued macro's actions."""
        return self.insert_canned(chosen=False)

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

    def assign_me(self):
        workflow.assign(self.ticket, by=self.request.user, assignee=self.request.user)
        messages.success(self.request, _("The ticket is yours."))
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
                return redirect(_edit_url(self.viewset, target))
        return self.render(reply_form=self.fresh_reply_form(), merge_form=form)

    def fresh_reply_form(self):
        return AgentReplyForm(initial={"seen": version_of(self.ticket)}, user=self.request.user)

    def render(self, *, reply_form, new_since=None, status=200, correct_form=None, merge_form=None):
        ticket, user = self.ticket, self.request.user
        macros = list(macros_for(user))
        queued = str(reply_form["macro"].value() or "")
        queued_macro = next((macro for macro in macros if str(macro.pk) == queued), None)
        thread = list(
            Message.objects.filter(ticket=ticket)
            .select_related("author")
            .prefetch_related("attachments")
            .order_by("created_at", "pk")
        )
        workflow.mark_read(ticket, user)
        context = {
            "ticket": ticket,
            "thread": thread,
            "new_since": new_since,
            "ticket_files": Attachment.objects.filter(ticket=ticket, message__isnull=True),
            "reply_form": reply_form,
            "status_form": StatusForm(ticket=ticket),
            "priority_form": PriorityForm(initial={"priority": ticket.priority}),
            "assign_form": AssignForm(initial={"assignee": ticket.assignee_id}),
            "can_reassign": can_reassign(user),
            "correct_form": correct_form or CorrectForm(ticket=ticket, user=user),
            "merge_form": merge_form or MergeForm(user=user),
            "macros": [
                (macro, macro.render(ticket, user), macro.action_labels()) for macro in macros
            ],
            "queued_macro": queued_macro,
            "tags_form": TicketTagsForm(initial={"tags": list(ticket.tags.all())}),
            "timeline": ticket_timeline(ticket),
            "other_tickets": Ticket.objects.filter(customer=ticket.customer_id)
            .exclude(pk=ticket.pk)
            .order_by("-created_at")[:10],
            "others_viewing": presence.opened(ticket, user),
            "presence_url": _edit_url(self.viewset, ticket) + "presence/",
            "queue_url": reverse(self.viewset.get_url_name("list")),
            "sla_state": sla_state(ticket),
            "sla_label": dict(SLA_CHOICES).get(sla_state(ticket)),
            "page_title": ticket.number,
            "header_icon": "help",
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


def presence_view(request, pk):
    """Polled by the ticket view: who else has this ticket open."""
    if not is_agent(request.user):
        raise PermissionDenied
    ticket = visible_tickets(request.user).filter(pk=pk).first()
    if ticket is None:
        raise Http404
    return render(
        request,
        "tickets/admin/includes/presence.html",
        {"others_viewing": presence.touch(ticket, request.user)},
    )


def _number(value):
    return int(value) if value and value.isdigit() and len(value) < 19 else 0


def _last_message_id(version):
    try:
        return int(version.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return 0


def _edit_url(viewset, ticket):
    return reverse(viewset.get_url_name("edit"), args=[ticket.pk])
