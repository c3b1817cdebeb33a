"""The words of articles and answers, as search weighs them: a title counts most, then tags and
the summary, then the body. Shared by the ranking (search.py) and the vocabulary (vocabulary.py).
"""

import re

from django.utils.html import strip_tags

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Field weights: a word in the title (or an FAQ question) says far more than one in the body.
WEIGHTS = {"title": 4.0, "tags": 2.0, "summary": 2.0, "body": 1.0}

# Words too common to tell articles apart; dropped from queries unless nothing else is left.
STOP_WORDS = frozenset(
    """a about after an and any are as at be been but by can could did do does for from get got
    had has have how i if in into is it its me my no not of on or our so than that the their them
    then there these they this to too us was we were what when where which who why will with would
    you your""".split()
)


def words(text):
    return [word.lower() for word in _WORD.findall(text or "")]


def stem(word):
    """A rough English stem, enough for plurals and tenses: refunds, refunded → refund;
    arrived, arrive → arriv; deliveries → delivery."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word[:-1] if len(word) >= 5 and word.endswith("e") else word


def fields_of(obj):
    """The text of an article (any page) or an FAQ item, by field."""
    if hasattr(obj, "question"):
        return {"title": obj.question, "tags": "", "summary": "", "body": strip_tags(obj.answer)}
    body = getattr(obj, "body", None)
    chunks = body.stream_block.get_searchable_content(body) if body is not None else []
    tags = getattr(obj, "tags", None)
    return {
        "title": obj.title,
        "tags": " ".join(tag.name for tag in tags.all()) if tags is not None else "",
        "summary": getattr(obj, "summary", "") or obj.search_description,
        "body": sentences(strip_tags(chunk) for chunk in chunks),
    }


def sentences(chunks):
    """Text pieces (a summary, step titles, paragraphs) run together as readable sentences."""
    chunks = [chunk.strip() for chunk in chunks if chunk.strip()]
    return " ".join(chunk if chunk[-1] in ".!?:;…" else f"{chunk}." for chunk in chunks)
