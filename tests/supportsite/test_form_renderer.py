"""The widgets the form renderer writes in Python come out exactly as their templates write them
(Django's, and this project's overrides in templates/): the same markup, escaping included."""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting

from helpcenter.forms import ContactForm
from supportsite.form_renderer import WidgetRenderer
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets.admin.forms import AgentReplyForm

TRICKY = 'Fish & "chips" <b>'
CHOICES = [("a", "Apples & pears"), ("b", '"Bananas"'), ("c", "<Cherries>")]
GROUPED = [("Fruit", CHOICES), ("Other", [("d", "Dates")]), ("e", "Eggs")]


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="Help", initial=TRICKY)
    empty_text = forms.CharField(required=False, widget=forms.TextInput(attrs={"autofocus": True}))
    flags = forms.CharField(widget=forms.TextInput(attrs={"disabled": False, "readonly": True}))
    email = forms.EmailField(initial="a@example.com")
    number = forms.IntegerField(initial=0)
    hidden = forms.CharField(widget=forms.HiddenInput, initial=TRICKY)
    password = forms.CharField(widget=forms.PasswordInput)
    url = forms.URLField(required=False)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    area = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), initial=TRICKY)
    empty_area = forms.CharField(widget=forms.Textarea, required=False)
    check = forms.BooleanField(initial=True)
    unchecked = forms.BooleanField(required=False)
    select = forms.ChoiceField(choices=CHOICES, initial="b")
    grouped = forms.ChoiceField(choices=GROUPED, initial="d")
    many = forms.MultipleChoiceField(choices=CHOICES, initial=["a", "c"])
    radio = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, initial="c")
    grouped_radio = forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(
        choices=GROUPED, widget=forms.CheckboxSelectMultiple(attrs={"class": "boxes"})
    )
    upload = forms.FileField(required=False)
    uploads = forms.FileField(required=False, widget=forms.ClearableFileInput)


def both_ways(make_form):
    """Every field of the form, as the templates render it and as the renderer writes it."""
    by_template, written = make_form(TemplatesSetting()), make_form(WidgetRenderer())
    return [(str(by_template[name]), str(written[name])) for name in by_template.fields]


@pytest.mark.parametrize("data", [None, {"text": TRICKY, "radio": "x", "boxes": ["a", "e"]}])
def test_every_plain_widget_is_written_as_its_template_writes_it(data):
    for by_template, written in both_ways(lambda renderer: EveryWidget(data, renderer=renderer)):
        assert written == by_template


def test_a_widget_without_a_writer_still_renders_through_its_template():
    class Split(forms.Form):
        when = forms.SplitDateTimeField()

    for by_template, written in both_ways(lambda renderer: Split(renderer=renderer)):
        assert written == by_template
        assert "<input" in written


@pytest.mark.django_db
def test_the_ticket_views_and_the_contact_forms_fields_are_unchanged():
    agent, customer = AgentFactory(), CustomerFactory()
    ticket = open_ticket(customer)

    def reply(renderer):
        return AgentReplyForm(ticket=ticket, user=agent, renderer=renderer)

    def contact(renderer):
        return ContactForm(user=customer, renderer=renderer)

    for make in (reply, contact):
        for by_template, written in both_ways(make):
            assert written == by_template
