"""The demo help center for `seed_demo`; the help center issue grows it into topics and articles."""

from django.conf import settings
from wagtail.models import Site

from .models import ContactFormField, ContactPage, HomePage

HOME_INTRO = (
    "<p>Answers about ordering, deliveries, invoices and your account, written by the team "
    "that delivers your groceries. Can't find what you need? Send us a ticket.</p>"
)


def seed_help_center():
    """Give the home page its demo text and title, publishing a revision only when they change."""
    home = HomePage.objects.get(depth=2)
    if home.intro != HOME_INTRO or home.title != "Help Center":
        home.title = "Help Center"
        home.intro = HOME_INTRO
        home.save_revision().publish()
    seed_contact_page(home)
    site = Site.objects.get(is_default_site=True)
    if site.site_name != settings.SITE_NAME:
        site.site_name = settings.SITE_NAME
        site.save()
    return home


def seed_contact_page(home):
    """The default contact page at /contact/, with one editor-defined extra field."""
    if ContactPage.objects.filter(slug="contact").exists():
        return
    page = ContactPage(
        title="Contact support",
        slug="contact",
        intro="<p>Tell us what happened and we'll get back to you, usually within a few hours "
        "on weekdays.</p>",
        thank_you_text="<p>We've emailed you a copy. Reply to that email or use the ticket page "
        "to add anything.</p>",
    )
    page.form_fields = [
        ContactFormField(
            label="Best time to call you",
            field_type="singleline",
            required=False,
            help_text="Only if a call would help, e.g. 'weekdays after 2pm'.",
        )
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
