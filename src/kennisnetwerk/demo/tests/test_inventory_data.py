"""The hand-written demo inventory is consistent before anything is loaded."""

import re
from collections import Counter

import pytest

from kennisnetwerk.demo.inventory import (
    GAPS,
    HOSTS,
    INITIATIVES,
    NEAR_DUPLICATES,
    ORGANISATIONS,
    contact_for,
)
from kennisnetwerk.ecosystem.constants import (
    INITIAL_TARGET_GROUPS,
    INITIAL_THEMES,
    InitiativeKind,
    InitiativeStatus,
    OrganisationType,
)

ORGANISATION_NAMES = [name for name, *_rest in ORGANISATIONS]
THEMES = {slug for slug, _name in INITIAL_THEMES}
GROUP_DIMENSION = {code: dimension for dimension, code, _name in INITIAL_TARGET_GROUPS}


def test_organisations_are_unique_fictitious_and_typed():
    assert len(ORGANISATIONS) >= 40
    assert len(set(ORGANISATION_NAMES)) == len(ORGANISATION_NAMES)
    for name, org_type, _municipality, _host, _kvk in ORGANISATIONS:
        assert name.endswith((" (demo)", " (fictief)")), name
        assert org_type in OrganisationType.values, name
    assert set(OrganisationType.values) - {"overig"} <= {o[1] for o in ORGANISATIONS}


def test_kvk_numbers_are_eight_digits_unique_and_recognisably_fictitious():
    numbers = [kvk for *_rest, kvk in ORGANISATIONS]
    assert all(re.fullmatch(r"00[0-9]{6}", number) for number in numbers), numbers
    assert len(set(numbers)) == len(numbers)


def test_web_and_mail_addresses_are_under_the_reserved_example_domain():
    assert len(set(HOSTS.values())) == len(HOSTS)
    for position, initiative in enumerate(INITIATIVES):
        name, email = contact_for(position, initiative.owner)
        assert name and re.fullmatch(r"[a-z]\.[a-z]+@[a-z0-9.-]+\.voorbeeld\.example", email)
        assert initiative.url.startswith("https://")
        assert ".voorbeeld.example/" in initiative.url


def test_initiatives_refer_to_known_organisations_themes_and_groups():
    assert len(INITIATIVES) >= 150
    titles = [i.title for i in INITIATIVES]
    assert [t for t, n in Counter(titles).items() if n > 1] == []
    for i in INITIATIVES:
        assert i.kind in InitiativeKind.values, i.title
        assert i.status in InitiativeStatus.values, i.title
        assert i.owner in HOSTS, i.title
        assert set(i.partners) <= set(HOSTS), i.title
        assert i.owner not in i.partners, i.title
        assert i.themes and set(i.themes) <= THEMES, i.title
        assert set(i.groups) <= set(GROUP_DIMENSION), i.title
        assert re.fullmatch(r"[A-U]*", i.sectors), i.title
        if i.start_date and i.end_date:
            assert i.start_date <= i.end_date, i.title
        if i.evidence:
            assert i.source, i.title


@pytest.mark.parametrize("initiative", INITIATIVES, ids=lambda i: i.title)
def test_descriptions_are_two_to_four_sentences(initiative):
    sentences = re.findall(r"[.!?](?:\s|$)", initiative.text)
    assert 2 <= len(sentences) <= 4


def test_statuses_fit_the_periods():
    today_ish = "2026-11-01"  # the data are fixed; statuses were set for this date
    for i in INITIATIVES:
        start, end = i.period
        if i.status == "gepland":
            assert start and start > today_ish, i.title
        elif i.status in ("afgerond", "gestopt"):
            assert end and end < today_ish, i.title
        else:
            assert not start or start <= today_ish, i.title
            assert not end or end >= today_ish, i.title


def test_every_kind_theme_and_target_group_occurs():
    assert {i.kind for i in INITIATIVES} == set(InitiativeKind.values)
    assert {t for i in INITIATIVES for t in i.themes} == THEMES
    assert {g for i in INITIATIVES for g in i.groups} == set(GROUP_DIMENSION)
    themes = Counter(t for i in INITIATIVES for t in i.themes)
    assert min(themes.values()) >= 5


@pytest.mark.parametrize(("theme", "dimension", "missing"), GAPS)
def test_deliberate_gaps_stay_empty(theme, dimension, missing):
    """Every initiative with the theme names target groups of the dimension (otherwise it
    would count as open to all of them), and none names the missing one."""
    with_theme = [i for i in INITIATIVES if theme in i.themes]
    assert len(with_theme) >= 5
    for i in with_theme:
        named = {g for g in i.groups if GROUP_DIMENSION[g] == dimension}
        assert named, f"{i.title} names no {dimension}"
        assert missing not in named, i.title


def test_near_duplicates_are_offers_of_different_organisations_on_a_shared_theme():
    by_title = {i.title: i for i in INITIATIVES}
    for first, second in NEAR_DUPLICATES:
        a, b = by_title[first], by_title[second]
        assert a.owner != b.owner
        assert a.region == b.region
        assert set(a.themes) & set(b.themes)
