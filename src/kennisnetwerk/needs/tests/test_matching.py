"""Matching questions to offers: Dutch analysis (stemming, compounds), the thesaurus, the hard
filters on area, size class and sector, and the reason shown."""

import pytest

from kennisnetwerk.geo.models import SbiSection
from kennisnetwerk.needs.matching import NeedProfile, match_need
from kennisnetwerk.needs.models import ThesaurusGroup
from kennisnetwerk.needs.selectors import region_thesaurus
from kennisnetwerk.needs.services import thesaurus_group_save

from .factories import build_world, municipality, national_region, offer, reindex

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    return build_world()


def _titles(region, question, **profile):
    matches = match_need(
        NeedProfile(question=question, region=region, **profile),
        thesaurus=region_thesaurus(region),
    )
    return [m.initiative.title for m in matches]


def test_stemming_finds_other_forms_of_the_word(world):
    offer(
        "Digitaliseringsscan",
        "Wij helpen ondernemers met digitaliseren van de administratie.",
        region=world["nob"],
    )
    reindex()
    # "digitalisering" and "digitaliseren" share the stem; no thesaurus is needed.
    matches = match_need(
        NeedProfile(question="Hulp bij digitalisering gezocht", region=world["nob"])
    )
    assert [m.initiative.title for m in matches] == ["Digitaliseringsscan"]
    assert matches[0].reason.words == ["digitalisering"]


def test_a_compound_in_the_question_finds_its_parts_in_the_offer(world):
    offer(
        "Regeling voor kleine bedrijven",
        "Een subsidie voor advies over automatisering.",
        region=world["nob"],
    )
    reindex()
    # "subsidieregeling" is split into subsidie + regeling, as the atlas's search does.
    assert _titles(world["nob"], "subsidieregeling automatisering") == [
        "Regeling voor kleine bedrijven"
    ]
    without_compounds = match_need(NeedProfile(question="subsidieregeling", region=world["nob"]))
    assert [m.initiative.title for m in without_compounds] == ["Regeling voor kleine bedrijven"]


def test_the_thesaurus_finds_offers_in_other_words_with_less_weight(world):
    offer("Human capital agenda", "Aanpak arbeidsmarkt en menselijk kapitaal.", region=world["nob"])
    offer("Personeelsloket", "Hulp bij het vinden van personeel.", region=world["nob"])
    reindex()
    thesaurus = region_thesaurus(world["nob"])
    profile = NeedProfile(question="Ik kan geen personeel vinden", region=world["nob"])
    with_thesaurus = match_need(profile, thesaurus=thesaurus)
    titles = [m.initiative.title for m in with_thesaurus]
    # The synonym finds the offer, but below the one using the entrepreneur's own word.
    assert titles.index("Personeelsloket") < titles.index("Human capital agenda")
    synonym_match = with_thesaurus[titles.index("Human capital agenda")]
    assert ("arbeidsmarkt", "personeel") in synonym_match.reason.synonyms
    assert "Human capital agenda" not in [m.initiative.title for m in match_need(profile)]


def test_a_coordinator_changes_the_thesaurus_of_their_region_only(world, django_user_model):
    offer("Duurzaam ondernemen", "Advies over groene daken.", region=world["nob"])
    offer("Groene daken Leiden", "Advies over groene daken.", region=world["zh"])
    reindex()
    default = ThesaurusGroup.objects.get(region__isnull=True, name="Verduurzamen")
    assert "Duurzaam ondernemen" not in _titles(world["nob"], "dakbegroeiing")
    thesaurus_group_save(
        region=world["nob"],
        group=default,
        name="Verduurzamen",
        terms=default.terms + ", dakbegroeiing, groene daken",
        theme=default.theme,
        actor=None,
    )
    assert "Duurzaam ondernemen" in _titles(world["nob"], "dakbegroeiing")
    # Zuid-Holland keeps the network's default.
    assert _titles(world["zh"], "dakbegroeiing") == []


def test_an_initiative_for_zuid_holland_is_never_offered_to_a_company_in_oss(world):
    # Same words, also in an inventory of Noordoost-Brabant that names Zuid-Holland as area,
    # and a national offer limited to Leiden.
    offer(
        "Personeel voor Zuid-Holland",
        "Werkgevers laten medewerkers bijscholen; personeel zoeken.",
        region=world["nob"],
        regions=(world["zh"],),
    )
    offer(
        "Landelijk, alleen Leiden",
        "Personeel bijscholen.",
        region=national_region(),
        municipalities=("Leiden",),
    )
    national = offer(
        "Landelijke scholingsregeling", "Personeel bijscholen.", region=national_region()
    )
    reindex()
    question = "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen"
    titles = _titles(world["nob"], question, municipality=municipality("Oss"))
    assert "Leerwerkplaats Techniek" in titles
    assert national.title in titles
    for foreign in (
        "Werkgeversdesk personeel Leiden",
        "Personeel voor Zuid-Holland",
        "Landelijk, alleen Leiden",
    ):
        assert foreign not in titles
    # For a company in Leiden, on the Zuid-Holland form, the picture is reversed.
    leiden = _titles(world["zh"], question, municipality=municipality("Leiden"))
    assert "Werkgeversdesk personeel Leiden" in leiden
    assert "Leerwerkplaats Techniek" not in leiden


def test_size_class_sector_status_and_publication_are_hard_filters(world):
    offer(
        "Alleen middelgroot", "Personeel bijscholen.", region=world["nob"], sizes=("middelgroot",)
    )
    food = offer("Voedingsindustrie", "Personeel bijscholen.", region=world["nob"])
    food.sbi_sections.set([SbiSection.objects.get(code="C")])
    offer("Afgerond", "Personeel bijscholen.", region=world["nob"], status="afgerond")
    offer("Verborgen", "Personeel bijscholen.", region=world["nob"], published=False)
    reindex()
    retail = SbiSection.objects.get(code="G").pk
    titles = _titles(world["nob"], "personeel bijscholen", size_class="zzp", sbi_section_id=retail)
    assert titles == []  # Leerwerkplaats is for klein/middelgroot, the rest filtered out too
    titles = _titles(
        world["nob"], "personeel bijscholen", size_class="klein", sbi_section_id=retail
    )
    assert titles == ["Leerwerkplaats Techniek"]
    manufacturing = SbiSection.objects.get(code="C").pk
    titles = _titles(
        world["nob"], "personeel bijscholen", size_class="klein", sbi_section_id=manufacturing
    )
    assert set(titles) == {"Leerwerkplaats Techniek", "Voedingsindustrie"}


def test_each_match_says_why(world):
    reindex()
    matches = match_need(
        NeedProfile(
            question="Wij zoeken personeel en willen bijscholen",
            region=world["nob"],
            municipality=municipality("Oss"),
            size_class="klein",
        ),
        thesaurus=region_thesaurus(world["nob"]),
    )
    reason = matches[0].reason
    assert matches[0].initiative.title == "Leerwerkplaats Techniek"
    assert "bijscholen" in reason.words
    assert reason.themes == ["Menselijk kapitaal / leven lang ontwikkelen"]
    assert reason.target_group == "voor Klein (10–49)"
    assert "Noordoost-Brabant" in reason.area


def test_a_question_of_only_stop_words_finds_nothing(world):
    reindex()
    assert match_need(NeedProfile(question="ik wil dat het er is", region=world["nob"])) == []
