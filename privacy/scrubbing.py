"""A person's identifiers (addresses, name, phone, business name) cut out of text written by
others: an agent's "Hi Ana," keeps its sense and loses the name. Used where the text is the help
desk's own (staff replies, reasons, log labels) and so is kept while the person goes."""

import html
import re

from allauth.account.models import EmailAddress

REMOVED = "[…]"
# Name parts shorter than this are too often ordinary words or initials to cut out alone.
NAME_PART_MIN = 3


def identifiers(user):
    """Every string that names `user`: addresses (primary and extra), name and its parts,
    phone, business name; the longest first, so a full name goes before its parts."""
    values = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
        user.name,
        user.business_name,
        user.phone,
    }
    values |= {part for part in user.name.split() if len(part) >= NAME_PART_MIN}
    return sorted({value.strip() for value in values if value and value.strip()}, key=len)[::-1]


class Scrubber:
    """Replaces the identifiers, whole words only and in any case, in strings and in JSON."""

    def __init__(self, values):
        variants = {variant for value in values for variant in (value, html.escape(value))}
        ordered = sorted(variants, key=len, reverse=True)
        self.values = tuple(values)
        self.pattern = (
            re.compile(
                "|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in ordered),
                re.IGNORECASE,
            )
            if ordered
            else None
        )

    def text(self, value):
        if not value or self.pattern is None:
            return value
        return self.pattern.sub(REMOVED, value)

    def json(self, value):
        """The same structure with every string (keys too) scrubbed."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, dict):
            return {self.text(key): self.json(item) for key, item in value.items()}
        return value

    def mentions(self, value):
        return bool(value) and self.pattern is not None and bool(self.pattern.search(value))
