"""The workspace's redaction pages: "Redact…" on a message (or the ticket's opening) and
"Remove file" on an attachment. Plain forms, POST only, each with a confirmation step; the
change is tickets.workflow's (redact_message, redact_opening, redact_attachment)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages

from tickets import workflow
from tickets.forms import apply_workflow_errors
from tickets.models import Attachment, Message
from tickets.permissions import can_redact
from tickets.workflow.redaction import checked_passage, redactable_texts, redacted_marker

from .views import edit_url, ticket_for


class RedactForm(forms.Form):
    passage = forms.CharField(
        label=gettext_lazy("Words to redact"),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
        help_text=gettext_lazy(
            "Paste them from the message exactly as written. Each place they occur is replaced "
            "by “[redacted]”, in the message, its emails and the ticket's history."
        ),
        error_messages={"required": gettext_lazy("Paste the words to redact.")},
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RedactionView(View):
    """Common to both pages: the ticket through the one policy, the permission to redact."""

    viewset = None

    def dispatch(self, request, pk, **kwargs):
        self.ticket = ticket_for(request, pk)
        if not can_redact(request.user, self.ticket):
            raise PermissionDenied
        self.ticket_url = edit_url(self.viewset, self.ticket)
        return super().dispatch(request, pk, **kwargs)

    def render(self, context):
        context = {
            "ticket": self.ticket,
            "ticket_url": self.ticket_url,
            "page_title": self.title,
            "header_icon": "warning",
            **context,
        }
        return TemplateResponse(self.request, self.template_name, context)


class RedactMessageView(RedactionView):
    template_name = "tickets/admin/redact_message.html"
    title = gettext_lazy("Redact a passage")

    def dispatch(self, request, pk, message_id=None):
        return super().dispatch(request, pk, message_id=message_id)

    def message_for(self, message_id):
        if message_id is None:
            return None
        try:
            return Message.objects.select_related("author").get(pk=message_id, ticket=self.ticket)
        except Message.DoesNotExist:
            raise Http404 from None

    def get(self, request, pk, message_id):
        return self.show(self.message_for(message_id), RedactForm())

    def post(self, request, pk, message_id):
        message = self.message_for(message_id)
        form = RedactForm(request.POST)
        if not form.is_valid():
            return self.show(message, form)
        try:
            passage = checked_passage(
                form.cleaned_data["passage"], redactable_texts(self.ticket, message)
            )
            if not form.cleaned_data["confirmed"]:
                return self.show(message, form, confirming=passage)
            if message is None:
                workflow.redact_opening(self.ticket, passage, by=request.user)
            else:
                workflow.redact_message(message, passage, by=request.user)
        except ValidationError as error:
            apply_workflow_errors(form, error)
            return self.show(message, form)
        messages.success(request, _("The passage was redacted."))
        anchor = f"#message-{message.pk}" if message else ""
        return redirect(self.ticket_url + anchor)

    def show(self, message, form, confirming=None):
        texts = redactable_texts(self.ticket, message)
        return self.render(
            {
                "message": message,
                "text": "\n\n".join(text for text in texts if text),
                "form": form,
                "confirming": confirming,
                "occurrences": sum(text.count(confirming) for text in texts) if confirming else 0,
                "marker": redacted_marker(),
            }
        )


class RemoveFileView(RedactionView):
    template_name = "tickets/admin/remove_file.html"
    title = gettext_lazy("Remove a file")

    def dispatch(self, request, pk, attachment_id):
        return super().dispatch(request, pk, attachment_id=attachment_id)

    def attachment(self, attachment_id):
        try:
            return Attachment.objects.exclude(file="").get(pk=attachment_id, ticket=self.ticket)
        except Attachment.DoesNotExist:
            raise Http404 from None

    def get(self, request, pk, attachment_id):
        return self.render({"attachment": self.attachment(attachment_id)})

    def post(self, request, pk, attachment_id):
        attachment = self.attachment(attachment_id)
        try:
            workflow.redact_attachment(attachment, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.ticket_url)
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
        return redirect(self.ticket_url)
