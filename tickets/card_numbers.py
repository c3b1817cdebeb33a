"""Payment card numbers in free text: found by their shape and their check digit, masked but for
their last four digits, before anything stores what a customer sent: the workflow (opening a
ticket, posting a message, rating), email intake (its stored copy of each email) and the contact
page's submissions call `masked`, which applies settings.TICKETS_MASK_CARD_NUMBERS.

A card number is 13 to 19 digits passing the Luhn check, written in one run or in groups
separated by single spaces or dashes ("4242 4242 4242 4242", "4242-4242-4242-4242"). Order
numbers, phone numbers and dates fail the length or the check (nine in ten random numbers do),
so they are left alone.
"""

import re

from django.conf import settings

MIN_DIGITS, MAX_DIGITS = 13, 19
# Digit groups joined by one space or dash, not touching other digits.
_RUN = re.compile(r"(?<![\d])\d+(?:[ -]\d+)*(?![\d])")
_GROUP = re.compile(r"\d+")
MASK = "•••• •••• •••• "


def luhn_valid(digits):
    """Whether a string of digits passes the Luhn check (the card's last digit)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def find_card_numbers(text):
    """The (start, end) spans of the card numbers in the text, in order. Within a longer run of
    digit groups (an order number written next to a card number), the longest span of whole
    groups that is a card number is taken, as often as one is found."""
    spans = []
    for run in _RUN.finditer(text or ""):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run[0])]
        spans.extend(_cards_among(text, groups))
    return spans


def _cards_among(text, groups):
    found, first = [], 0
    while first < len(groups):
        span = _longest_card_from(text, groups, first)
        if span is None:
            first += 1
            continue
        found.append((groups[first][0], groups[span][1]))
        first = span + 1
    return found


def _longest_card_from(text, groups, first):
    """The index of the last group of the longest card number starting at `first`, or None."""
    best, digits = None, ""
    for last in range(first, len(groups)):
        digits += text[groups[last][0] : groups[last][1]]
        if len(digits) > MAX_DIGITS:
            break
        if len(digits) >= MIN_DIGITS and luhn_valid(digits):
            best = last
    return best


def has_card_candidate(text):
    """Whether the text holds MIN_DIGITS digits at all: cheap, so the setting is read only then."""
    return sum(char.isdigit() for char in text or "") >= MIN_DIGITS


def mask_card_numbers(text):
    """The text with each card number replaced by bullets and its last four digits."""
    spans = find_card_numbers(text)
    if not spans:
        return text
    pieces, previous = [], 0
    for start, end in spans:
        digits = re.sub(r"\D", "", text[start:end])
        pieces += [text[previous:start], MASK + digits[-4:]]
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def masked(text):
    """The text with card numbers masked, if settings.TICKETS_MASK_CARD_NUMBERS is on."""
    if not settings.TICKETS_MASK_CARD_NUMBERS or not has_card_candidate(text):
        return text
    return mask_card_numbers(text)
