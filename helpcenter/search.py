"""Help-center search as other parts of the site use it (the contact form's suggestions)."""

from wagtail.models import Page

from .models import ContactPage, HomePage

SUGGESTION_LIMIT = 5


def suggest_articles(query, limit=SUGGESTION_LIMIT):
    """Published, public help pages that match what a visitor is typing."""
    query = (query or "").strip()
    if len(query) < 3:
        return []
    pages = Page.objects.live().public().not_type((ContactPage, HomePage))
    return list(pages.search(query)[:limit])
