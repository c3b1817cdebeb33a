"""Help-center search: published articles and FAQ answers the visitor may see, best first.

A query is read as concepts, one per meaningful word: the word itself, its correction when the
help center never uses it (vocabulary.py: "refnd" → "refund") and the editors' synonyms for it
("late" ≈ "delay"). The configured Wagtail search backend (PostgreSQL full-text search, SQLite
FTS, Elasticsearch/OpenSearch) finds the candidates; they are then ranked here, the same on every
backend: each concept scores its rarity times the weightiest field it appears in (title or
question, then tags and summary, then body). Editors' promoted results (Wagtail's search
promotions) for the query come first. Snippets and highlights are made here too.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import prefetch_related_objects
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText
from wagtail.search.utils import normalise_query_string

from . import models, vocabulary
from .search_text import STOP_WORDS, WEIGHTS, fields_of, sentences, stem, words
from .visibility import visible_to

SUGGESTION_LIMIT = 5
MAX_RESULTS_PER_KIND = 100
SNIPPET_LENGTH = 220
MIN_QUERY_LENGTH = 2
MAX_CONCEPTS = 12
MAX_CORRECTIONS = 3
CORRECTION_FACTOR = 0.9
SYNONYM_FACTOR = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Concept:
    """One word of the query, with the words that stand for it and how much it weighs."""

    term: str
    alternatives: list  # (word, factor)
    weight: float = 1.0
    correction: str = ""

    @property
    def words(self):
        return [word for word, _factor in self.alternatives]


@dataclass
class Query:
    text: str
    concepts: list

    @property
    def terms(self):
        """Every word to highlight: typed, corrected and synonyms."""
        return list(dict.fromkeys(word for c in self.concepts for word in c.words))

    @property
    def suggestion(self):
        """The query with its misspelt words corrected ("Did you mean"), or "" when none were."""
        if not any(c.correction for c in self.concepts):
            return ""
        corrections = {c.term: c.correction for c in self.concepts if c.correction}
        return " ".join(corrections.get(word.lower(), word) for word in self.text.split())


@dataclass
class Hit:
    """One search result: an article, an FAQ item or a promoted page. Read only when shown."""

    obj: object
    rank: int
    request: object
    terms: list = field(default_factory=list)
    score: float = 0.0
    promotion: object = None

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
        if self.promotion is not None and self.promotion.description:
            return self.promotion.description
        fields = fields_of(self.obj)
        return sentences([fields["summary"], fields["body"]])

    @property
    def title_html(self):
        return highlight(self.title, self.terms)

    @property
    def snippet_html(self):
        return snippet(self.text, self.terms)


def terms_of(query):
    return [word.lower() for word in _WORD.findall(query) if len(word) >= MIN_QUERY_LENGTH]


def parse(query):
    """The query's concepts: meaningful words, corrected when unknown, with their synonyms."""
    typed = list(dict.fromkeys(terms_of(query)))
    meaningful = [term for term in typed if term not in STOP_WORDS] or typed
    meaningful = meaningful[:MAX_CONCEPTS]
    if not meaningful:
        return Query(query, [])
    counts = vocabulary.lookup(meaningful)
    corrections = {}
    unknown = [term for term in meaningful if not counts[term] and len(term) >= 3]
    for term in unknown[:MAX_CORRECTIONS]:
        if found := vocabulary.correct(term):
            corrections[term] = found
    synonyms = vocabulary.synonyms_of([corrections.get(term, term) for term in meaningful])
    extra = {*corrections.values(), *(w for ws in synonyms.values() for w in ws)}
    counts.update(vocabulary.lookup(sorted(extra - counts.keys())))
    most = vocabulary.most_documents()
    concepts = []
    for term in meaningful:
        best = corrections.get(term, term)
        alternatives = [(term, 1.0)]
        if term in corrections:
            alternatives.append((best, CORRECTION_FACTOR))
        alternatives += [(word, SYNONYM_FACTOR) for word in synonyms[best]]
        documents = max(counts.get(word, 0) for word, _factor in alternatives)
        concepts.append(
            Concept(
                term=term,
                alternatives=alternatives,
                weight=vocabulary.weight(documents, most),
                correction=corrections.get(term, ""),
            )
        )
    return Query(query, concepts)


def search_help_center(query, request, parsed=None):
    """Every article and FAQ answer matching `query`, best first (at most 100 of each kind),
    after the editors' promoted pages for it."""
    parsed = parsed or parse(query)
    if not parsed.concepts:
        return []
    faq_page_ids = list(models.FAQPage.objects.listed_for(request).values_list("pk", flat=True))
    items = models.FAQItem.objects.filter(active=True, page__in=faq_page_ids)
    articles = models.ArticlePage.objects.listed_for(request).prefetch_related("tags")
    hits = [
        Hit(obj, rank, request, parsed.terms)
        for results in (_search(articles, parsed), _search(items.select_related("page"), parsed))
        for rank, obj in enumerate(results)
    ]
    promoted = promoted_hits(parsed, request)
    promoted_ids = {hit.obj.pk for hit in promoted}
    ranked = _ranked(
        [hit for hit in hits if hit.kind == "faq" or hit.obj.pk not in promoted_ids], parsed
    )
    return promoted + ranked


def promoted_hits(parsed, request):
    """The pages editors promoted for this query (or its corrected form), visible to the
    visitor, in the editors' order."""
    strings = {normalise_query_string(parsed.text)}
    if parsed.suggestion:
        strings.add(normalise_query_string(parsed.suggestion))
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=strings, page__isnull=False)
        .select_related("query")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    pages = visible_to(Page.objects.live().filter(pk__in=[p.page_id for p in promotions]), request)
    found = pages.specific().in_bulk()
    hits, seen = [], set()
    for promotion in promotions:
        page = found.get(promotion.page_id)
        if page is not None and page.pk not in seen:
            seen.add(page.pk)
            hits.append(Hit(page, len(hits), request, parsed.terms, promotion=promotion))
    return hits


def articles_tagged(tag, request):
    """Articles with the tag `tag` (a slug), newest first, as search hits."""
    articles = models.ArticlePage.objects.listed_for(request)
    pages = articles.filter(tags__slug=tag).order_by("-last_published_at").prefetch_related("tags")
    return [Hit(page, rank, request) for rank, page in enumerate(pages[:MAX_RESULTS_PER_KIND])]


def suggest_articles(query, limit=SUGGESTION_LIMIT, parsed=None):
    """Published, public articles matching what a visitor is typing on a contact form, best
    first, as search hits (without a request: public pages only).

    Any page but the help center's signposts (home, topics, FAQ and contact pages) counts as an
    article, so a page type added later is suggested too.
    """
    query = (query or "").strip()
    if len(query) < 3 or not terms_of(query):
        return []
    parsed = parsed or parse(query)
    if not parsed.concepts:
        return []
    signposts = (models.HomePage, models.TopicPage, models.FAQPage, models.ContactPage)
    pages = Page.objects.live().public().not_type(*signposts)
    found = _search(pages, parsed)
    specific = Page.objects.filter(pk__in=[page.pk for page in found]).specific().in_bulk()
    prefetch_related_objects([page for page in specific.values() if hasattr(page, "tags")], "tags")
    hits = [
        Hit(specific[page.pk], rank, None, parsed.terms)
        for rank, page in enumerate(found)
        if page.pk in specific
    ]
    return _ranked(hits, parsed)[:limit]


def _search(queryset, parsed):
    """Candidates matching every concept, then those matching any when too few do.

    Only the query's words reach the backend, each as plain text: quotes, brackets and operators
    a visitor types (`"`, `*`, `AND`, `NEAR(`) are not search syntax here and cannot break it.
    """
    backend = get_search_backend()
    groups = [reduce(or_, [PlainText(word) for word in c.words]) for c in parsed.concepts]
    results = list(backend.search(reduce(and_, groups), queryset)[:MAX_RESULTS_PER_KIND])
    if len(results) < SUGGESTION_LIMIT and len(groups) > 1:
        found = {obj.pk for obj in results}
        more = backend.search(reduce(or_, groups), queryset)[:MAX_RESULTS_PER_KIND]
        results += [obj for obj in more if obj.pk not in found]
    return results


def _ranked(hits, parsed):
    for hit in hits:
        hit.score = score(fields_of(hit.obj), parsed.concepts)
    return sorted(hits, key=lambda hit: (-hit.score, hit.kind, hit.rank))


def score(fields, concepts):
    """Each concept's weight times the weightiest field holding one of its words."""
    field_words = {name: set(words(text)) for name, text in fields.items()}
    field_stems = {name: {stem(word) for word in found} for name, found in field_words.items()}
    total = 0.0
    for concept in concepts:
        best = 0.0
        for word, factor in concept.alternatives:
            for name, found in field_words.items():
                if _holds(found, field_stems[name], word):
                    best = max(best, WEIGHTS[name] * factor)
        total += best * concept.weight
    return total


def _holds(found, stems, word):
    """Whether a field's words contain `word` (its stem, or a word it begins)."""
    parts = words(word)
    return bool(parts) and all(
        stem(part) in stems or any(w.startswith(part) for w in found) for part in parts
    )


def _pattern(terms):
    return re.compile(
        r"\b("
        + "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )


def highlight(text, terms):
    """`text`, escaped, with the words that start with a search term wrapped in <mark>."""
    terms = [stem(term) for term in terms if term]
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
    stems = [stem(term) for term in terms if term]
    match = _pattern(stems).search(text) if stems else None
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
