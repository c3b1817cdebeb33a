from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.forms import BaseForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from helpcenter import contact_drafts, content_gaps
from tickets import workflow
from tickets.forms import apply_workflow_errors, ticket_fields
from tickets.permissions import visible_tickets

CONTACT_POSTS_PER_IP = "30/h"


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactForm(BaseForm):
    """The ticket's own fields first, then whatever fields the editor added to the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_field_names = list(self.fields)
        self.fields = {
            **ticket_fields(self.user),
            **self.fields,
            "follow_up": forms.CharField(required=False, widget=forms.HiddenInput),
        }

    def extra_values(self):
        return {name: self.cleaned_data.get(name) for name in self.extra_field_names}


class ContactPage(AbstractForm):
    """A contact form whose submission opens a ticket (tickets.workflow.open_ticket)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown with the new ticket's number once the form is sent."),
    )

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Extra form fields")),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["helpcenter.HomePage", "helpcenter.TopicPage"]

    class Meta:
        verbose_name = _("contact page")

    def get_form_class(self):
        editor_fields = self.form_builder(self.get_form_fields()).formfields
        return type("ContactForm", (ContactForm,), editor_fields)

    def get_data_fields(self):
        return [
            ("submit_time", _("Submission date")),
            ("ticket", _("Ticket")),
            ("subject", _("Subject")),
            ("category", _("Category")),
            ("priority", _("Priority")),
            ("order", _("Order")),
        ] + [(field.clean_name, field.label) for field in self.get_form_fields()]

    def initial_values(self, request):
        """Pre-fill from ?order=, ?category=, ?subject= and ?follow_up= (links across the site)."""
        keys = ("order", "category", "subject", "follow_up", "priority")
        return {key: request.GET[key] for key in keys if request.GET.get(key)}

    def serve(self, request, *args, **kwargs):
        draft = contact_drafts.load_draft(request, self)
        if request.method == "POST":
            if is_ratelimited(
                request, group="contact", key="ip", rate=CONTACT_POSTS_PER_IP, increment=True
            ):
                raise Ratelimited()
            if not request.user.is_authenticated:
                files = request.FILES.getlist("attachments")
                contact_drafts.save_draft(request, self, request.POST, files)
                return redirect_to_login(f"{self.url}?resume=1", settings.LOGIN_URL)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                try:
                    ticket = self.open_ticket(request, form, draft)
                except ValidationError as error:
                    apply_workflow_errors(form, error)
                else:
                    content_gaps.record_unanswered(request, ticket)
                    contact_drafts.discard_draft(request)
                    return self.render_landing_page(request, ticket)
        elif draft and request.GET.get("resume"):
            initial = contact_drafts.draft_initial(draft)
            form = self.get_form(page=self, user=request.user, initial=initial)
        else:
            form = self.get_form(page=self, user=request.user, initial=self.initial_values(request))
        context = self.get_context(request)
        context["form"] = form
        context["draft_files"] = draft["files"] if draft else []
        return render(request, self.get_template(request), context)

    def open_ticket(self, request, form, draft):
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
            source_page=self,
            extra_fields={
                field.label: _plain(data.get(field.clean_name)) for field in self.get_form_fields()
            },
            attachments=list(data.get("attachments") or []) + contact_drafts.draft_files(draft),
            previous_ticket=previous,
            session_key=request.session.session_key,
        )
        self.get_submission_class().objects.create(
            page=self,
            form_data={
                "ticket": ticket.number,
                "subject": ticket.subject,
                "category": str(ticket.category or ""),
                "priority": ticket.priority,
                "order": ticket.order.number if ticket.order else "",
                **{name: _plain(value) for name, value in form.extra_values().items()},
            },
        )
        return ticket

    def render_landing_page(self, request, ticket=None, *args, **kwargs):
        context = self.get_context(request)
        context["ticket"] = ticket
        return render(request, self.get_landing_page_template(request), context)


def _plain(value):
    """A form value as something JSON can hold."""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
