"""`{{ amount|money }}`: an amount with its currency (settings.CURRENCY), in the locale's number
format, so no total reads as a bare number."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

# Currencies whose symbol goes before the amount; any other reads "12.50 CHF".
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "JPY": "¥"}


@register.filter
def money(amount):
    if amount is None or amount == "":
        return ""
    code = settings.CURRENCY
    places = 0 if code == "JPY" else 2
    number = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    symbol = SYMBOLS.get(code)
    if symbol:
        return _("%(symbol)s%(amount)s") % {"symbol": symbol, "amount": number}
    return _("%(amount)s %(code)s") % {"amount": number, "code": code}
