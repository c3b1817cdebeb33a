"""The help center's vocabulary: every word of its live articles and answers, for typo tolerance
and word weights, and the editors' synonyms.

Rebuilt when pages are published, unpublished or deleted (signals.py). A query word the
vocabulary lacks is corrected to its nearest word: by trigram similarity on PostgreSQL (pg_trgm),
by difflib's ratio elsewhere.
"""

import difflib
import math
from collections import Counter

from django.db import connection, transaction

from .models import ArticlePage, FAQItem, FAQPage, SearchSynonym, SearchTerm
from .search_text import fields_of, stem, words

MAX_WORD_LENGTH = 60
TRIGRAM_THRESHOLD = 0.2
TRIGRAM_CANDIDATES = 20
DIFFLIB_CUTOFF = 0.75


def documents():
    """Every live public article and active answer on a live public FAQ page: "Did you mean"
    must never show a word only a restricted section uses."""
    yield from ArticlePage.objects.live().public().prefetch_related("tags")
    yield from FAQItem.objects.filter(active=True, page__in=FAQPage.objects.live().public())


@transaction.atomic
def rebuild(**kwargs):
    """Count each word's documents afresh (also a signal receiver)."""
    counts = Counter()
    for document in documents():
        text = " ".join(fields_of(document).values())
        counts.update({word for word in words(text) if 1 < len(word) <= MAX_WORD_LENGTH})
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word, documents=n) for word, n in sorted(counts.items())]
    )


def matching(term, vocabulary_words):
    """The vocabulary's words a query term finds: the same stem, or the term as a prefix."""
    term_stem = stem(term)
    return [w for w in vocabulary_words if w.startswith(term) or stem(w) == term_stem]


def lookup(terms):
    """For each term: the documents using it (summed over the words it finds), in one query."""
    prefixes = {term[:3] for term in terms}
    rows = SearchTerm.objects.none()
    for prefix in prefixes:
        rows = rows | SearchTerm.objects.filter(word__startswith=prefix)
    known = dict(rows.values_list("word", "documents")) if prefixes else {}
    return {term: sum(known[w] for w in matching(term, known)) for term in terms}


def weight(document_count, most):
    """Rare words weigh more: an inverse document frequency, against the commonest word."""
    return math.log(1 + most / (1 + document_count))


def most_documents():
    """How many documents the commonest word is in (close to how many there are)."""
    found = SearchTerm.objects.order_by("-documents").values_list("documents", flat=True)[:1]
    return max([*found, 1])


def correct(term):
    """The vocabulary word nearest a misspelt term, or None when none is near enough.

    Candidates come from trigram similarity on PostgreSQL (pg_trgm), else from the words with
    the same first letter; difflib's ratio then picks among them, the commonest word among
    equals, so both databases correct alike.
    """
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        rows = (
            SearchTerm.objects.annotate(similarity=TrigramSimilarity("word", term))
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity")[:TRIGRAM_CANDIDATES]
        )
    else:
        rows = SearchTerm.objects.filter(word__startswith=term[:1])
    candidates = dict(rows.values_list("word", "documents"))
    close = difflib.get_close_matches(term, candidates, n=5, cutoff=DIFFLIB_CUTOFF)
    if not close:
        return None
    ratios = {word: difflib.SequenceMatcher(None, term, word).ratio() for word in close}
    return max(close, key=lambda word: (ratios[word], candidates[word], -len(word), word))


def synonyms_of(terms):
    """Each term's synonyms from the editors' groups (matched by stem), in one query."""
    groups = [group.word_list() for group in SearchSynonym.objects.all()]
    result = {}
    for term in terms:
        term_stem = stem(term)
        found = []
        for group in groups:
            if any(stem(word) == term_stem for word in group):
                found += [word for word in group if stem(word) != term_stem]
        result[term] = list(dict.fromkeys(found))
    return result
