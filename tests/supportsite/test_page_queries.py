"""Every page answers in a fixed number of queries, however many rows the site holds."""

import pytest
from wagtail.models import Page

from helpcenter.models import HomePage
from tests.factories import AgentFactory, CustomerFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

CUSTOMER_PAGES = ["/", "/tickets/", "/accounts/profile/", "/accounts/email/"]
ANONYMOUS_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/login/code/"]


def grow_the_site():
    CustomerFactory.create_batch(25)
    AgentFactory.create_batch(5)
    home = HomePage.objects.get()
    for n in range(10):
        home.add_child(instance=Page(title=f"Page {n}"))


def assert_flat(client, url):
    count_queries(client, url)  # warm caches (site root, content types)
    before = count_queries(client, url)

    grow_the_site()

    assert count_queries(client, url) == before


@pytest.mark.parametrize("url", CUSTOMER_PAGES)
def test_customer_page_query_count_stays_flat_as_rows_grow(client, customer, url):
    client.force_login(customer)
    assert_flat(client, url)


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_page_query_count_stays_flat_as_rows_grow(client, url):
    assert_flat(client, url)
