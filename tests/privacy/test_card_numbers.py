"""tickets.card_numbers: what counts as a card number (Luhn-valid, 13 to 19 digits, in groups or
not) and how it is masked; order numbers, phone numbers and dates are left alone."""

import pytest

from tickets.card_numbers import find_card_numbers, luhn_valid, mask_card_numbers


@pytest.mark.parametrize(
    "digits",
    [
        "4242424242424242",  # Visa, 16
        "4222222222222",  # Visa, 13
        "378282246310005",  # American Express, 15
        "5555555555554444",  # Mastercard
        "6011111111111117",  # Discover
        "3530111333300000",  # JCB
        "6200000000000005",  # UnionPay
        "4000000000000000006",  # 19 digits
    ],
)
def test_test_card_numbers_pass_the_luhn_check_and_are_masked(digits):
    assert luhn_valid(digits)
    assert mask_card_numbers(f"my card is {digits}.") == f"my card is •••• •••• •••• {digits[-4:]}."


@pytest.mark.parametrize("digits", ["4242424242424241", "378282246310006", "1234567890123"])
def test_a_number_failing_the_check_is_no_card(digits):
    assert not luhn_valid(digits)
    assert mask_card_numbers(f"number {digits}") == f"number {digits}"


@pytest.mark.parametrize(
    "written", ["4242 4242 4242 4242", "4242-4242-4242-4242", "3782 822463 10005"]
)
def test_groups_separated_by_spaces_or_dashes_are_one_card(written):
    assert mask_card_numbers(f"({written})") == f"(•••• •••• •••• {written[-4:]})"


def test_too_short_or_too_long_runs_are_left_alone():
    twelve = "424242424242"  # Luhn-valid, but only 12 digits
    twenty = "42424242424242424242"  # 20 digits, no 13–19 digit group span within
    assert luhn_valid(twelve)
    assert mask_card_numbers(f"{twelve} {twenty}") == f"{twelve} {twenty}"


def test_order_numbers_phone_numbers_and_dates_are_not_masked():
    text = (
        "Order LT-20261204-0042, call me on +44 20 7946 0958 or 0151 496 0123, "
        "delivered 2026-12-04, tracking 1Z999AA10123456784, invoice 1234567890123."
    )
    assert mask_card_numbers(text) == text
    assert find_card_numbers(text) == []


def test_a_card_next_to_another_number_is_found_within_the_run():
    assert (
        mask_card_numbers("order 12345 4242 4242 4242 4242 thanks")
        == "order 12345 •••• •••• •••• 4242 thanks"
    )


def test_every_card_in_a_text_is_masked_and_the_rest_kept():
    text = "First 4111111111111111,\nthen 5555-5555-5555-4444 (expired)."
    assert mask_card_numbers(text) == (
        "First •••• •••• •••• 1111,\nthen •••• •••• •••• 4444 (expired)."
    )


def test_digits_glued_to_a_card_make_it_no_card():
    assert mask_card_numbers("x94242424242424242") == "x94242424242424242"
