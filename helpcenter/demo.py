"""The demo help center for `seed_demo`; the help center issue grows it into topics and articles."""

from django.conf import settings
from wagtail.models import Site

from .models import HomePage

HOME_INTRO = (
    "<p>Answers about ordering, deliveries, invoices and your account, written by the team "
    "that delivers your groceries. Can't find what you need? Send us a ticket.</p>"
)


def seed_home_page():
    """Give the home page its demo text and title, publishing a revision only when they change."""
    home = HomePage.objects.get(depth=2)
    if home.intro != HOME_INTRO or home.title != "Help Center":
        home.title = "Help Center"
        home.intro = HOME_INTRO
        home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    if site.site_name != settings.SITE_NAME:
        site.site_name = settings.SITE_NAME
        site.save()
    return home
