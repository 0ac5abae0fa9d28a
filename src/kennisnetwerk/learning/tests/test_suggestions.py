"""Who can learn from whom: regions and people with experience on the same themes, ranked,
with the reason shown."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import RegionFactory, make_member
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.learning.models import LearningQuestion
from kennisnetwerk.learning.suggestions import people_suggestions, region_suggestions

from .factories import PracticeExampleFactory, add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def overijssel(reference_data):
    return RegionFactory(
        name="MKB-Deal Overijssel",
        slug="mkb-deal-overijssel",
        kind="mkb_deal",
        municipalities=["Zwolle"],
    )


def test_regions_with_practice_examples_come_first_with_the_reason(
    region, overijssel, organisation, programme
):
    family = Theme.objects.get(slug="bedrijfsopvolging")
    digital = Theme.objects.get(slug="digitalisering")
    for _ in range(3):
        example = PracticeExampleFactory(region=overijssel, organisation=organisation)
        example.themes.set([family])
    other = RegionFactory(name="Regio Zwolle", slug="regio-zwolle", municipalities=["Kampen"])
    InitiativeFactory(
        inventory_region=other, themes=[family], evidence="Evaluatie 2024: 30 overdrachten."
    )
    InitiativeFactory(inventory_region=other, themes=[digital])
    suggestions = region_suggestions(themes=[family], exclude=region)
    assert [s.label for s in suggestions] == ["MKB-Deal Overijssel", "Regio Zwolle"]
    assert suggestions[0].reason == (
        "MKB-Deal Overijssel: bedrijfsopvolging en familiebedrijven, 3 praktijkvoorbeelden"
    )
    assert suggestions[1].reason == (
        "Regio Zwolle: bedrijfsopvolging en familiebedrijven, 1 initiatief met resultaten, "
        "1 initiatief"
    )
    # The region itself is not suggested to itself.
    PracticeExampleFactory(region=region, organisation=organisation).themes.set([family])
    assert region.name not in [s.label for s in region_suggestions(themes=[family], exclude=region)]


def test_people_who_share_their_themes_are_suggested(programme, organisation, members):
    family = Theme.objects.get(slug="bedrijfsopvolging")
    expert = make_member(organisation, email="expert@oss.example", full_name="Els Expert")
    member = add_member(programme, expert)
    member.themes.set([family])
    shy = make_member(organisation, email="shy@oss.example", full_name="Stille Sem")
    quiet = add_member(programme, shy)
    quiet.themes.set([family])
    quiet.show_themes = False
    quiet.save()
    suggestions = people_suggestions(themes=[family])
    assert [s.label for s in suggestions] == [f"Els Expert ({organisation.name})"]
    assert "ervaring met bedrijfsopvolging en familiebedrijven" in suggestions[0].reason


def test_the_question_page_shows_suggestions(client, members, region, overijssel, organisation):
    family = Theme.objects.get(slug="bedrijfsopvolging")
    PracticeExampleFactory(
        region=overijssel, organisation=organisation, title="Keukentafelgesprekken"
    ).themes.set([family])
    question = LearningQuestion.objects.create(
        title="Hoe bereiken we familiebedrijven?", region=region
    )
    question.themes.set([family])
    client.force_login(members[0])
    page = client.get(reverse("learning:question", args=[question.pk])).content.decode()
    assert "MKB-Deal Overijssel: bedrijfsopvolging en familiebedrijven, 1 praktijkvoorbeeld" in page
    page = client.get(reverse("learning:suggestions"), {"regio": region.slug}).content.decode()
    assert "MKB-Deal Overijssel" in page
