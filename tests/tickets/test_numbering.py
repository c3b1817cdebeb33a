import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection

from tests.factories import CustomerFactory, open_ticket
from tickets.numbering import next_ticket_number


@pytest.mark.django_db
def test_numbers_are_per_day_and_grow_past_four_digits():
    day = date(2026, 11, 22)

    assert next_ticket_number(day) == "TKT202611220001"
    assert next_ticket_number(day) == "TKT202611220002"
    assert next_ticket_number(date(2026, 11, 23)) == "TKT202611230001"

    from tickets.models import TicketCounter

    TicketCounter.objects.filter(day=day).update(last_value=9999)
    assert next_ticket_number(day) == "TKT2026112210000"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_100_simultaneous_creations_get_100_distinct_numbers(on_postgres):
    customers = CustomerFactory.create_batch(10)
    start = threading.Barrier(20)

    def create(n):
        try:
            start.wait(timeout=30) if n < 20 else None
            return open_ticket(customers[n % 10]).number
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        numbers = list(pool.map(create, range(100)))

    assert len(set(numbers)) == 100
    assert all(re.fullmatch(r"TKT\d{12}", number) for number in numbers)
    assert sorted(int(number[11:]) for number in numbers) == list(range(1, 101))
