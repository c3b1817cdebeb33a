"""A property-based run of schemathesis against the OpenAPI schema, in-process through Django's
WSGI application, as a customer and as an agent: no response may be a 5xx or differ from the
schema. Deterministic (derandomized) and bounded: a few hundred requests."""

import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts import api_tokens
from tests.factories import AgentFactory, CategoryFactory, OrderFactory, open_ticket
from tickets import workflow

from .conftest import PDF

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 4}


@pytest.fixture
def wsgi_app():
    """Django's own WSGI handler; requests share the test's database connection and transaction
    (as Django's test client arranges, the connection is not closed after each request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(customer):
    agent = AgentFactory()
    CategoryFactory(name="Order issue")
    ticket = open_ticket(
        customer,
        order=OrderFactory(customer=customer, number="ORD-FUZZ-1"),
        attachments=[SimpleUploadedFile("invoice.pdf", PDF)],
    )
    workflow.post_message(ticket, author=agent, body="Looking into it.")
    workflow.post_message(ticket, author=agent, body="Internal.", internal=True)
    return {"customer": customer, "agent": agent, "ticket": ticket}


@override_settings(API_THROTTLE_RATES={"burst": "100000/min", "writes": "100000/min"})
@pytest.mark.parametrize("role", ["customer", "agent"])
def test_no_input_gives_a_server_error_or_a_response_outside_the_schema(wsgi_app, world, role):
    _token, secret = api_tokens.create_token(world[role], name="fuzz")
    headers = {"Authorization": f"Token {secret}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    ticket = world["ticket"]
    attachment = ticket.attachments.first()
    real_values = {"number": [ticket.number, "ORD-FUZZ-1"], "id": [attachment.pk]}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 17

    for operation in operations:
        for mode, examples in EXAMPLES.items():

            @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
            @settings(
                max_examples=examples,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case, data):
                # Half the time, aim at objects that exist, so the happy paths are fuzzed too.
                for name, values in real_values.items():
                    if case.path_parameters and name in case.path_parameters:
                        if data.draw(st.booleans()):
                            case.path_parameters[name] = data.draw(st.sampled_from(values))
                response = case.call(app=wsgi_app, headers=headers)
                case.validate_response(response, checks=CHECKS, headers=headers)

            try:
                run()
            except Unsatisfiable:
                # Nothing in this operation can be made invalid (no parameters, no body).
                assert mode is GenerationMode.NEGATIVE, operation.label
