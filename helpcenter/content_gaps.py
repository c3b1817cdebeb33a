"""Content gaps: searches that did not answer, because the same visitor sent a ticket after.

The search page keeps the visitor's last few searches in their session; when a ticket is sent
from a contact page, those made within a day before become UnansweredSearch rows, each filed under
the topic of its best result or, when nothing was found, the help-center topic of the ticket's
category (none when it has none), for the editors' content-gaps report.
"""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Page

from .models.search_stats import UnansweredSearch, normalize_query
from .models.topics import TopicPage

SESSION_KEY = "helpcenter_recent_searches"
KEEP = 5
WINDOW = timedelta(days=1)


def remember_search(request, query, hits):
    query = normalize_query(query)
    if not query:
        return
    best = hits[0].obj if hits else None
    page_id = getattr(best, "page_id", None) or getattr(best, "pk", None)
    searches = [s for s in request.session.get(SESSION_KEY, []) if s["query"] != query]
    searches.append(
        {
            "query": query,
            "results": len(hits),
            "page": page_id,
            "at": timezone.now().isoformat(),
        }
    )
    request.session[SESSION_KEY] = searches[-KEEP:]


def record_unanswered(request, ticket):
    """Link the session's recent searches to the ticket they did not prevent."""
    since = timezone.now() - WINDOW
    searches = [
        search
        for search in request.session.pop(SESSION_KEY, [])
        if datetime.fromisoformat(search["at"]) >= since
    ]
    if not searches:
        return []
    category_topic = ticket.category.help_topic_id if ticket.category else None
    pages = [search["page"] or category_topic for search in searches]
    topics = topics_of({page for page in pages if page})
    return UnansweredSearch.objects.bulk_create(
        [
            UnansweredSearch(
                query=search["query"],
                results=search["results"],
                topic=topics.get(page),
                ticket=ticket,
                searched_at=datetime.fromisoformat(search["at"]),
            )
            for search, page in zip(searches, pages, strict=True)
        ],
        ignore_conflicts=True,
    )


def topics_of(page_ids):
    """Each page's nearest topic (itself, or its closest TopicPage ancestor), in two queries."""
    paths = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "path"))
    prefixes = {
        path[:end]
        for path in paths.values()
        for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    topics = sorted(TopicPage.objects.filter(path__in=prefixes), key=lambda topic: -len(topic.path))
    return {
        page_id: next((topic for topic in topics if path.startswith(topic.path)), None)
        for page_id, path in paths.items()
    }
