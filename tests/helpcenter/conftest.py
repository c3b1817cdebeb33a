import pytest

from .factories import make_topic


@pytest.fixture
def topic(db):
    return make_topic(title="Deliveries", description="Windows, drivers and missed drops.")
