"""Card numbers masked in what customers send, before it is stored anywhere, when the retention
settings ask for it (RetentionSettings.mask_card_numbers). The workflow (opening a ticket,
posting a message) and email intake (its stored copy of each email) call `masked`."""

from .cards import has_card_candidate, mask_card_numbers
from .models import RetentionSettings


def masked(text):
    """The text with card numbers masked, if the setting is on. The setting is read only for a
    text with enough digits to hold one, so most messages cost no query."""
    if not has_card_candidate(text) or not RetentionSettings.load().mask_card_numbers:
        return text
    return mask_card_numbers(text)
