"""The demo help center's words: topics, articles and FAQ of a grocery delivery service for
restaurants and shops, a module per topic. Read by helpcenter.demo."""

from . import (
    account_and_team,
    delivery,
    getting_started,
    missing_or_damaged_items,
    ordering,
    payments_and_invoices,
)
from .faq import CATEGORY_TOPICS, FAQ_CATEGORIES, FAQ_ITEMS, FAQ_PAGE, SEARCHES

# Each topic: slug, title, icon, description, ticket category of its articles, articles.
# Each article: slug, title, summary, tags, body, and optional flags: review_in_days (negative:
# already due), restricted, draft, scheduled_in_days, related (slugs), votes (yes, no, comments).
TOPICS = [
    getting_started.TOPIC,
    ordering.TOPIC,
    delivery.TOPIC,
    missing_or_damaged_items.TOPIC,
    payments_and_invoices.TOPIC,
    account_and_team.TOPIC,
]

__all__ = ["CATEGORY_TOPICS", "FAQ_CATEGORIES", "FAQ_ITEMS", "FAQ_PAGE", "SEARCHES", "TOPICS"]
