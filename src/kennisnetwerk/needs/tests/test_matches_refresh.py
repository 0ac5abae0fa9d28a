"""Stored matches follow the offer and the thesaurus: a change queues a background task that
matches the affected questions again, and until it has run the list shows no old score."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from kennisnetwerk.accounts.tests.factories import make_coordinator
from kennisnetwerk.demo.needs import DEMO_NEEDS
from kennisnetwerk.demo.services import demo_data_load
from kennisnetwerk.ecosystem.services import InitiativeData, initiative_create
from kennisnetwerk.needs.matching import GOOD_MATCH
from kennisnetwerk.needs.models import Need, ThesaurusGroup
from kennisnetwerk.needs.services import NeedData, need_create, thesaurus_group_save

from .factories import build_world


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return escape(gettext(msgid))


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def _run_worker() -> None:
    from django.core.management import call_command

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def _queued_refreshes() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path="kennisnetwerk.needs.tasks.refresh_stale_matches", status="READY"
    ).count()


@pytest.mark.django_db(transaction=True)
def test_a_new_initiative_refreshes_the_stored_matches_in_the_background(
    client, reference_data, database_queue
):
    world = build_world()
    nob = world["nob"]
    need = need_create(
        region=nob,
        data=NeedData(question="Wij zoeken subsidie voor zonnepanelen op ons bedrijfsdak."),
        actor=None,
    )
    need.refresh_from_db()
    assert not need.matches.exists() and not need.best_score  # nothing on offer yet

    queued = _queued_refreshes()
    initiative = initiative_create(
        data=InitiativeData(
            title="Subsidie zonnepanelen op het bedrijfsdak",
            kind="regeling",
            owner=world["party"],
            inventory_region=nob,
            description="Subsidie voor ondernemers die zonnepanelen op hun bedrijfsdak leggen.",
        ),
        actor=None,
    )
    assert _queued_refreshes() == queued + 1

    # Until the worker has run, the list shows no score older than the offer.
    client.force_login(make_coordinator(nob))
    page = client.get(reverse("needs:list", args=[nob.slug])).content.decode()
    assert nl("being updated") in page

    _run_worker()
    need.refresh_from_db()
    assert need.best_score > 0
    assert need.matches.first().initiative == initiative
    page = client.get(reverse("needs:list", args=[nob.slug])).content.decode()
    assert nl("being updated") not in page
    assert f"{round(need.best_score * 100)}%" in page


@pytest.mark.django_db(transaction=True)
def test_a_thesaurus_change_refreshes_the_stored_matches_in_the_background(
    reference_data, database_queue
):
    world = build_world()
    nob = world["nob"]
    initiative_create(
        data=InitiativeData(
            title="Groene daken",
            kind="regeling",
            owner=world["party"],
            inventory_region=nob,
            description="Advies en subsidie voor groene daken op bedrijfspanden.",
        ),
        actor=None,
    )
    _run_worker()
    need = need_create(
        region=nob, data=NeedData(question="Hulp bij dakbegroeiing gezocht"), actor=None
    )
    need.refresh_from_db()
    assert not need.matches.exists()

    default = ThesaurusGroup.objects.get(region__isnull=True, name="Verduurzamen")
    queued = _queued_refreshes()
    thesaurus_group_save(
        region=nob,
        group=default,
        name="Verduurzamen",
        terms=default.terms + ", dakbegroeiing, groene daken",
        theme=default.theme,
        actor=None,
    )
    assert _queued_refreshes() == queued + 1
    _run_worker()
    need.refresh_from_db()
    assert [m.initiative.title for m in need.matches.all()] == ["Groene daken"]


@pytest.mark.django_db
def test_most_demo_questions_have_a_good_match_after_loading(
    reference_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    demo = Need.objects.filter(question__in=[row[7] for row in DEMO_NEEDS])
    assert demo.count() == len(DEMO_NEEDS)
    good = demo.filter(best_score__gte=GOOD_MATCH)
    assert good.count() >= len(DEMO_NEEDS) * 2 / 3, sorted(
        (round(n.best_score or 0, 2), n.question[:40]) for n in demo
    )
    # The question about energy in the bakery finds the energy offers of its region.
    bakery = demo.get(question__startswith="De energierekening is verdubbeld")
    assert bakery.best_score >= GOOD_MATCH
