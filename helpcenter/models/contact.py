from django.db import models
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from tickets.card_numbers import masked


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractForm):
    """A contact form whose submission opens a ticket (tickets.workflow.open_ticket).

    Served by helpcenter.views.contact_page (through the `on_serve_page` hook in
    wagtail_hooks.py); its form is helpcenter.forms.ContactForm (`form_builder`, set in apps.py).
    """

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

    parent_page_types = ["helpcenter.HomePage"]
    subpage_types = []
    page_description = _("A contact form that opens a ticket, under the help center home.")

    class Meta:
        verbose_name = _("contact page")

    def get_submissions_list_view_class(self):
        """The submissions' list, whose CSV export writes no live formula (a customer's subject
        or answer starting with `=`): supportsite.exports."""
        from supportsite.exports import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_data_fields(self):
        return [
            ("submit_time", _("Submission date")),
            ("ticket", _("Ticket")),
            ("subject", _("Subject")),
            ("category", _("Category")),
            ("priority", _("Priority")),
            ("order", _("Order")),
        ] + [(field.clean_name, field.label) for field in self.get_form_fields()]

    def extra_values_by_label(self, form):
        """The editor's extra fields as the ticket keeps them: by label, as JSON can hold them.
        The sent form's fields carry the editor's labels: no second read of the page's fields."""
        return {
            form.fields[name].label: _plain(value) for name, value in form.extra_values().items()
        }

    def record_submission(self, ticket, extra_values):
        """Keep a sent form among the page's submissions (the admin's list and export), its
        answers with card numbers masked as the ticket's are (tickets.card_numbers)."""
        return self.get_submission_class().objects.create(
            page=self,
            form_data={
                "ticket": ticket.number,
                "subject": ticket.subject,
                "category": str(ticket.category or ""),
                "priority": ticket.priority,
                "order": ticket.order.number if ticket.order else "",
                **{name: _masked(_plain(value)) for name, value in extra_values.items()},
            },
        )

    def render_landing_page(self, request, ticket=None, *args, **kwargs):
        context = self.get_context(request)
        context["ticket"] = ticket
        return render(request, self.get_landing_page_template(request), context)


def _masked(value):
    return masked(value) if isinstance(value, str) else value


def _plain(value):
    """A form value as something JSON can hold."""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
