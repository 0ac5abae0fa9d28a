import pytest

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.search.services import search_index_rebuild

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(name="Noordoost-Brabant", municipalities=["Oss", "Vught"])


def _form(owner, region, **overrides):
    data = {
        "title": "Digitale Werkplaats",
        "kind": "programma",
        "status": "actief",
        "owner": owner.pk,
        "inventory_region": region.pk,
        "description": "Studenten helpen ondernemers met digitalisering.",
        "themes": [Theme.objects.get(slug="digitalisering").pk],
        "municipalities": "Oss\nUden",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "budget": "250000",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_party_member_adds_an_initiative_of_their_organisation(client, region):
    organisation = OrganisationFactory(name="Gemeente Oss (demo)")
    client.force_login(make_member(organisation))
    response = client.post("/atlas/initiatieven/nieuw/", _form(organisation, region))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/atlas/initiatieven/{initiative.slug}/"
    assert initiative.owner == organisation
    assert sorted(initiative.municipalities.values_list("name", flat=True)) == [
        "Maashorst",
        "Oss",
    ]
    entry = AuditLogEntry.objects.get(action="create", object_id=str(initiative.pk))
    assert entry.changes["themes"] == [None, ["Digitalisering"]]
    page = client.get(f"/atlas/initiatieven/{initiative.slug}/").content.decode()
    assert "Digitale Werkplaats" in page
    assert "Maashorst" in page


def test_bad_input_gets_dutch_messages_and_saves_nothing(client, region):
    organisation = OrganisationFactory()
    client.force_login(make_member(organisation))
    response = client.post(
        "/atlas/initiatieven/nieuw/",
        _form(
            organisation,
            region,
            title="",
            end_date="2025-01-01",
            budget="-5",
            municipalities="Atlantis",
        ),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in body
    assert "Onbekende gemeente of plaats: Atlantis" in body
    assert body.count('aria-invalid="true"') >= 3
    assert not Initiative.objects.exists()


def test_member_cannot_add_for_another_organisation(client, region):
    own = OrganisationFactory()
    other = OrganisationFactory()
    client.force_login(make_member(own))
    response = client.post("/atlas/initiatieven/nieuw/", _form(other, region))
    assert response.status_code == 200  # not among the choices: form error
    assert not Initiative.objects.exists()


def test_who_may_edit(client, region):
    owner = OrganisationFactory()
    initiative = InitiativeFactory(owner=owner, inventory_region=region, title="Oud")
    url = f"/atlas/initiatieven/{initiative.slug}/bewerken/"
    data = _form(owner, region, title="Nieuw")

    client.force_login(make_member(OrganisationFactory()))
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403

    other_region = RegionFactory(municipalities=["Leiden"])
    client.force_login(make_coordinator(other_region))
    assert client.post(url, data).status_code == 403
    initiative.refresh_from_db()
    assert initiative.title == "Oud"

    client.force_login(make_coordinator(region))
    assert client.post(url, data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Nieuw"
    entry = AuditLogEntry.objects.get(action="update", object_id=str(initiative.pk))
    assert entry.changes["title"] == ["Oud", "Nieuw"]

    client.force_login(make_member(owner))
    assert client.post(url, _form(owner, region, title="Nieuwer")).status_code == 302
    client.force_login(make_facilitator())
    assert client.get(url).status_code == 200


def test_visitors_see_only_published_initiatives(client, region):
    owner = OrganisationFactory()
    InitiativeFactory(owner=owner, inventory_region=region, title="Openbaar aanbod")
    hidden = InitiativeFactory(
        owner=owner, inventory_region=region, title="Concept aanbod", is_published=False
    )
    page = client.get("/atlas/").content.decode()
    assert "Openbaar aanbod" in page
    assert "Concept aanbod" not in page
    assert client.get(f"/atlas/initiatieven/{hidden.slug}/").status_code == 404
    client.force_login(make_member(owner))
    assert "Concept aanbod" in client.get("/atlas/").content.decode()
    assert client.get(f"/atlas/initiatieven/{hidden.slug}/").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"/atlas/initiatieven/{hidden.slug}/").status_code == 404


def test_atlas_list_filters_and_htmx_fragment(client, region):
    digital = Theme.objects.get(slug="digitalisering")
    finance = Theme.objects.get(slug="financiering")
    InitiativeFactory(inventory_region=region, title="Digitale scan", themes=[digital])
    InitiativeFactory(
        inventory_region=region, title="Microkrediet", kind="instrument", themes=[finance]
    )
    by_theme = client.get("/atlas/", {"thema": "digitalisering"}).content.decode()
    assert "Digitale scan" in by_theme
    assert "Microkrediet" not in by_theme
    by_kind = client.get("/atlas/", {"soort": "instrument"}).content.decode()
    assert "Microkrediet" in by_kind and "Digitale scan" not in by_kind
    search_index_rebuild(kinds=["initiative"])
    by_text = client.get(
        "/atlas/", {"q": "microkredieten"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Microkrediet" in by_text
    assert "Digitale scan" not in by_text
    assert "<html" not in by_text


def test_atlas_list_needs_few_queries(client, region, django_assert_max_num_queries):
    themes = list(Theme.objects.all()[:3])
    for _ in range(30):
        InitiativeFactory(inventory_region=region, themes=themes)
    with django_assert_max_num_queries(15):
        response = client.get("/atlas/")
    assert response.status_code == 200


def test_organisation_page_lists_its_offer(client, region):
    owner = OrganisationFactory(name="Groeifonds (fictief)")
    InitiativeFactory(owner=owner, inventory_region=region, title="Microkrediet")
    page = client.get(f"/atlas/organisaties/{owner.slug}/").content.decode()
    assert "Groeifonds (fictief)" in page
    assert "Microkrediet" in page


def test_the_atlas_replaces_its_place_holder(client):
    assert client.get("/onderdeel/atlas/")["Location"] == "/atlas/"
    home = client.get("/").content.decode()
    assert 'href="/atlas/"' in home


def test_saved_initiatives_are_found_by_dutch_search(
    client, region, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    client.force_login(make_member(organisation))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/atlas/initiatieven/nieuw/",
            _form(organisation, region, title="Werkplaats", description="Hulp bij digitalisering"),
        )
    client.logout()
    found = client.get("/atlas/", {"q": "digitaliseren"}).content.decode()
    assert "Werkplaats" in found
    assert "1 initiatief" in found
    nothing = client.get("/atlas/", {"q": "kaasmakerij"}).content.decode()
    assert "Werkplaats" not in nothing


def test_search_results_are_ranked_by_relevance(client, region):
    InitiativeFactory(
        inventory_region=region,
        title="Netwerk ondernemers",
        description="Een netwerk met af en toe aandacht voor export.",
    )
    InitiativeFactory(
        inventory_region=region,
        title="Exportcafé",
        description="Bijeenkomsten over export naar Duitsland.",
    )
    search_index_rebuild(kinds=["initiative"])
    page = client.get("/atlas/", {"q": "export"})
    titles = [i.title for i in page.context["page"]]
    assert titles == ["Exportcafé", "Netwerk ondernemers"]
