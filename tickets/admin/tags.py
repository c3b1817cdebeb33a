"""Tags in the agents' workspace: the coloured chips, the queue's column, and the forms that put
tags on one ticket or on many (each through tickets.workflow.tag)."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from supportsite.tables import td
from tickets import workflow
from tickets.limits import REASON_MAX_LENGTH
from tickets.models import Tag, Ticket


def chip(tag):
    return format_html('<span class="support-tag support-tag--{}">{}</span>', tag.colour, tag.name)


def chips(tags):
    """A ticket's tags, prefetched (ticket.tags.all() costs no query then)."""
    return format_html_join(" ", "{}", ((chip(tag),) for tag in tags))


def attach_tags(tickets):
    """Give each ticket of a page its tags as `listed_tags`, in one query for the page.

    Lighter than prefetch_related("tags"), which builds a related manager on every row twice
    (once to fill it, once to read it): about a tenth of the queue's function calls.
    """
    tickets = list(tickets)
    listed = {ticket.pk: [] for ticket in tickets}
    rows = (
        Ticket.tags.through.objects.filter(ticket_id__in=listed)
        .order_by("tag__name")
        .values_list("ticket_id", "tag__name", "tag__colour")
    )
    for ticket_id, name, colour in rows:
        listed[ticket_id].append(Tag(name=name, colour=colour))
    for ticket in tickets:
        ticket.listed_tags = listed[ticket.pk]
    return tickets


class TagsColumn(Column):
    """The ticket's tags as chips, from attach_tags()."""

    def cell_renderer(self):
        empty = td(self, "")

        def render(ticket):
            return td(self, chips(ticket.listed_tags)) if ticket.listed_tags else empty

        return render


class TagChipColumn(Column):
    """One tag as its chip, in the tags' own listing."""

    def get_value(self, tag):
        return chip(tag)


def tag_choices_field(label, **kwargs):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Tag.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


class TicketTagsForm(forms.Form):
    """The ticket's tags as ticked boxes: the agent ticks and unticks, the view works out what
    was added and removed."""

    tags = tag_choices_field(_("Tags"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    @classmethod
    def for_ticket(cls, ticket):
        """The form showing the ticket's tags, and those tags, from one query of all the tags."""
        on_ticket = Ticket.tags.through.objects.filter(ticket=ticket, tag=OuterRef("pk"))
        tags = list(Tag.objects.order_by("name").annotate(on_ticket=Exists(on_ticket)))
        carried = [tag for tag in tags if tag.on_ticket]
        form = cls(initial={"tags": carried})
        # The boxes from the tags read here: rendering them queries nothing more.
        form.fields["tags"].choices = [(tag.pk, tag.name) for tag in tags]
        return form, carried


class TagBulkForm(forms.Form):
    add = tag_choices_field(_("Add tags"))
    remove = tag_choices_field(_("Remove tags"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=REASON_MAX_LENGTH)

    def clean(self):
        data = super().clean()
        if not (data.get("add") or data.get("remove")):
            raise forms.ValidationError(_("Choose tags to add or to remove."))
        conflict = workflow.tag_conflict(data.get("add") or (), data.get("remove") or ())
        if conflict:
            self.add_error("remove", conflict)
        return data
