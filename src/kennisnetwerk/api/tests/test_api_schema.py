"""Property-based checks of the API against its own OpenAPI document, with schemathesis, in
process against the real application and database. Every operation is called with generated
requests that keep to the schema (positive) and that break it (negative), anonymously and
with the API keys of a party member, a regional coordinator and a network facilitator, and
once more on existing objects. All of schemathesis's checks run: no server error, a
documented status code, content type, headers and body for every answer, invalid data
rejected, and the enforcement of authentication. Schema-valid data is refused only by the
platform's own rules (an unknown name, an end before its start): then the 422 says so, never
that the request does not have the required form."""

import datetime as dt
import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import translation
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.agenda import services as agenda_services
from kennisnetwerk.api.contract import SHAPE_INVALID
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.learning.tests.factories import (
    PracticeExampleFactory,
    ProgrammeFactory,
    SessionFactory,
    add_member,
)
from kennisnetwerk.monitoring.tests.factories import indicator_make
from kennisnetwerk.needs.models import Need

# Generated requests per operation, role and mode; the whole run stays near a minute.
EXAMPLES = int(os.environ.get("KENNISNETWERK_SCHEMATHESIS_EXAMPLES", "3"))


_SHAPE_INVALID = set()
for _language in ("nl", "en"):
    with translation.override(_language):
        _SHAPE_INVALID.add(str(SHAPE_INVALID))


@schemathesis.check
def valid_data_is_refused_only_by_the_platforms_rules(ctx, response, case):
    """Like schemathesis's ``positive_data_acceptance``, except that a 422 is allowed when the
    platform's rules refuse the data (it names something that does not exist, or breaks a rule
    of the service); a 422 saying that the request does not have the required form fails."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    if response.status_code == 422 and response.json().get("detail") not in _SHAPE_INVALID:
        return None
    return positive_data_acceptance(ctx, response, case)


@pytest.fixture
def world(db):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    owner = OrganisationFactory(name="Gemeente Oss (test)")
    member = make_member(owner)
    coordinator = make_coordinator(region)
    initiative = InitiativeFactory(owner=owner, inventory_region=region, title="Werkplaats")
    programme = ProgrammeFactory()
    programme.regions.add(region)
    add_member(programme, member)
    session = SessionFactory(programme=programme)
    practice = PracticeExampleFactory(organisation=owner, region=region, is_published=True)
    agenda = agenda_services.agenda_create(
        region=region, title="DOE-agenda", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    action = agenda_services.action_create(
        agenda=agenda,
        data=agenda_services.ActionData(title="Loket", owner=owner),
        actor=coordinator,
    )
    indicator = indicator_make(region)
    need = Need.objects.create(region=region, question="Hoe vind ik personeel?")
    users = {"member": member, "coordinator": coordinator, "facilitator": make_facilitator()}
    keys = {
        role: api_token_create(user=user, name="schemathesis")[1] for role, user in users.items()
    }
    keys["anonymous"] = None
    known = {
        "slug": {
            "/organisations/{slug}": owner.slug,
            "/initiatives/{slug}": initiative.slug,
            "/programmes/{slug}": programme.slug,
            "/practice-examples/{slug}": practice.slug,
        },
        "session_id": session.pk,
        "agenda_id": agenda.pk,
        "action_id": action.pk,
        "indicator_id": indicator.pk,
        "need_id": need.pk,
        "period": "2026",
    }
    # Like Django's test client: the WSGI handler must not close the test's database
    # connection at the end of each request (it would end the test's transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        yield schema, keys, known, region
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _known_path(operation, known, region) -> dict:
    """Path parameters naming objects that exist, for the operations that take them."""
    values = {}
    for parameter in operation.path_parameters:
        name = parameter.name
        if name == "slug":
            path = operation.path.removeprefix("/api/v1")
            values[name] = known["slug"].get(path, region.slug)
        elif name in known:
            values[name] = known[name]
    return values


def _run(strategy, headers, examples):
    @given(case=strategy)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(
            headers=headers,
            excluded_checks=[positive_data_acceptance],
            additional_checks=[valid_data_is_refused_only_by_the_platforms_rules],
        )

    check()


def _only_free_text_in_the_path(operation) -> bool:
    """Nothing in the request can break the schema: the one parameter is free text in the path
    (any text is a valid slug), so schemathesis cannot make a negative case."""
    parameters = list(operation.iter_parameters())
    return (
        len(operation.body) == 0
        and len(parameters) == 1
        and parameters[0].location.value == "path"
        and parameters[0].definition.get("schema", {}).get("type") == "string"
    )


def test_the_api_keeps_to_its_openapi_document(world):
    schema, keys, known, region = world
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 30
    roles = list(keys)
    failures = []
    for number, operation in enumerate(operations):
        path = _known_path(operation, known, region)
        # Generated requests, each mode as another role in turn (every role meets every
        # operation across the modes and the runs on existing objects below).
        runs = [
            (roles[number % 4], "positive", GenerationMode.POSITIVE, {}, EXAMPLES),
            (roles[(number + 1) % 4], "negative", GenerationMode.NEGATIVE, {}, EXAMPLES),
        ]
        if path:
            runs += [(role, "existing objects", GenerationMode.POSITIVE, path, 1) for role in roles]
        else:
            runs.append((roles[(number + 2) % 4], "positive", GenerationMode.POSITIVE, {}, 2))
        for role, label, mode, path_parameters, examples in runs:
            headers = {"Authorization": f"Bearer {keys[role]}"} if keys[role] else {}
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)
            try:
                _run(strategy, headers, examples)
            except Unsatisfiable:
                if not (label == "negative" and _only_free_text_in_the_path(operation)):
                    raise
            except BaseException as error:  # a FailureGroup is a BaseExceptionGroup
                if isinstance(error, KeyboardInterrupt):
                    raise
                failures.append(f"{operation.label} as {role}, {label}:\n{error}")
    # All breaches at once, each with schemathesis's report and the curl command to repeat it.
    assert not failures, "\n\n".join(failures)
