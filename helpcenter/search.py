"""Help-center search: published articles and FAQ answers the visitor may see.

The configured Wagtail search backend finds and ranks matches (PostgreSQL full-text search on
PostgreSQL, SQLite FTS on SQLite, Elasticsearch/OpenSearch when configured). Results whose title
contains every search word then come first, whatever the backend's scores, and FAQ answers are
interleaved with articles by rank. Snippets and highlights are made here, the same on every backend.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from . import models

SUGGESTION_LIMIT = 5
MAX_RESULTS_PER_KIND = 100
SNIPPET_LENGTH = 220
MIN_QUERY_LENGTH = 2
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    """One search result: an article or an FAQ item. Its text is read only when it is shown."""

    obj: object
    rank: int
    request: object
    terms: list = field(default_factory=list)

    @property
    def kind(self):
        return "faq" if isinstance(self.obj, models.FAQItem) else "article"

    @property
    def title(self):
        return self.obj.question if self.kind == "faq" else self.obj.title

    @property
    def url(self):
        if self.kind == "faq":
            return f"{self.obj.page.get_url(self.request)}#{self.obj.anchor}"
        return self.obj.get_url(self.request)

    @property
    def text(self):
        if self.kind == "faq":
            return strip_tags(self.obj.answer)
        body = self.obj.body
        return _sentences([self.obj.summary, *body.stream_block.get_searchable_content(body)])

    @property
    def title_html(self):
        return highlight(self.title, self.terms)

    @property
    def snippet_html(self):
        return snippet(self.text, self.terms)


def terms_of(query):
    return [word.lower() for word in _WORD.findall(query) if len(word) >= MIN_QUERY_LENGTH]


def search_help_center(query, request):
    """Every article and FAQ answer matching `query`, best first (at most 100 of each kind)."""
    terms = terms_of(query)
    if not terms:
        return []
    faq_page_ids = list(models.FAQPage.objects.listed_for(request).values_list("pk", flat=True))
    items = models.FAQItem.objects.filter(active=True, page__in=faq_page_ids)
    hits = [
        Hit(obj, rank, request, terms)
        for results in (
            _search(models.ArticlePage.objects.listed_for(request), query),
            _search(items.select_related("page"), query),
        )
        for rank, obj in enumerate(results)
    ]
    return sorted(hits, key=lambda hit: (not _title_has_all(hit.title, terms), hit.rank))


def articles_tagged(tag, request):
    """Articles with the tag `tag` (a slug), newest first, as search hits."""
    articles = models.ArticlePage.objects.listed_for(request)
    pages = articles.filter(tags__slug=tag).order_by("-last_published_at")
    return [Hit(page, rank, request) for rank, page in enumerate(pages[:MAX_RESULTS_PER_KIND])]


def suggest_articles(query, limit=SUGGESTION_LIMIT):
    """Published, public articles matching what a visitor is typing on a contact form.

    Any page but the help center's signposts (home, topics, FAQ and contact pages) counts as an
    article, so a page type added later is suggested too.
    """
    query = (query or "").strip()
    if len(query) < 3 or not terms_of(query):
        return []
    signposts = (models.HomePage, models.TopicPage, models.FAQPage, models.ContactPage)
    articles = Page.objects.live().public().not_type(*signposts)
    return list(_search(articles, query)[:limit])


def _search(queryset, query):
    """Match every word first; when nothing does, accept matches of any of them.

    Only the query's words reach the backend, each as plain text: quotes, brackets and operators
    a visitor types (`"`, `*`, `AND`, `NEAR(`) are not search syntax here and cannot break it.
    """
    words = [PlainText(term) for term in terms_of(query)]
    backend = get_search_backend()
    results = list(backend.search(reduce(and_, words), queryset)[:MAX_RESULTS_PER_KIND])
    if not results and len(words) > 1:
        results = list(backend.search(reduce(or_, words), queryset)[:MAX_RESULTS_PER_KIND])
    return results


def _sentences(chunks):
    """Text pieces (a summary, step titles, paragraphs) run together as readable sentences."""
    chunks = [chunk.strip() for chunk in chunks if chunk.strip()]
    return " ".join(chunk if chunk[-1] in ".!?:;…" else f"{chunk}." for chunk in chunks)


def _title_has_all(title, terms):
    words = [word.lower() for word in _WORD.findall(title)]
    return all(any(word.startswith(term) for word in words) for term in terms)


def _pattern(terms):
    return re.compile(
        r"\b("
        + "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )


def highlight(text, terms):
    """`text`, escaped, with the words that start with a search term wrapped in <mark>."""
    if not terms:
        return escape(text)
    parts = []
    position = 0
    for match in _pattern(terms).finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def snippet(text, terms, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around the first search term, highlighted."""
    text = " ".join(text.split())
    match = _pattern(terms).search(text) if terms else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    excerpt = highlight(text[start:end], terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{excerpt}{suffix}")  # noqa: S308 - excerpt is escaped
