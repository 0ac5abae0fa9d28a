"""Property-based checks of the API against its own OpenAPI document: for generated requests
(valid and invalid), every answer has a documented status code and matches its schema, and
nothing ends in a server error. Writes are made with a party member's token."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory, make_member
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory


@pytest.fixture
def api_schema(db):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    owner = OrganisationFactory(name="Gemeente Oss (test)")
    InitiativeFactory(owner=owner, inventory_region=region, title="Digitale Werkplaats")
    _token, secret = api_token_create(user=make_member(owner), name="schemathesis")
    # Like Django's test client: the WSGI handler must not close the test's database
    # connection at the end of each request (it would end the test's transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        schema.secret = secret
        yield schema
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_openapi_document(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 6
    headers = {"Authorization": f"Bearer {api_schema.secret}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        def check(case):
            # A schema-valid value may still name nothing that exists (a municipality, a
            # theme); the API then answers 422 with a Dutch message, which is documented.
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        check()
