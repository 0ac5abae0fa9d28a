import csv
import io
import json

import pytest
from openpyxl import load_workbook

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import Theme

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inventory():
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    owner = OrganisationFactory(name="Gemeente Oss (demo)", kvk_number="01234567")
    partner = OrganisationFactory(name="=cmd|' /C calc'!A0")
    initiative = InitiativeFactory(
        owner=owner,
        inventory_region=region,
        title="Digitale Werkplaats",
        description="-2+3 oogt als formule",
        themes=[Theme.objects.get(slug="digitalisering")],
    )
    initiative.partners.set([partner])
    InitiativeFactory(inventory_region=region, title="Verborgen", is_published=False)
    return region


def test_excel_export_has_the_import_headers_and_escapes_formulas(client, inventory):
    response = client.get("/atlas/export/aanbod.xlsx", {"regio": inventory.slug})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Titel", "Soort", "Status", "Eigenaar")
    [row] = rows[1:]  # the unpublished one is not for visitors
    data = dict(zip(rows[0], row, strict=True))
    assert data["Titel"] == "Digitale Werkplaats"
    assert data["KVK-nummer eigenaar"] == "01234567"
    assert data["Partners"] == "'=cmd|' /C calc'!A0"
    assert data["Omschrijving"] == "'-2+3 oogt als formule"
    assert data["Thema's"] == "Digitalisering"


def test_csv_export_follows_the_filters(client, inventory):
    response = client.get("/atlas/export/aanbod.csv", {"q": "", "soort": "programma"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Titel"
    assert [r[0] for r in rows[1:]] == ["Digitale Werkplaats"]


def test_graph_export_has_elements_and_connections(client, inventory):
    response = client.get("/atlas/export/netwerk.json")
    graph = json.loads(response.content)
    labels = {e["id"]: e["label"] for e in graph["elements"]}
    assert "Digitale Werkplaats" in labels.values()
    assert {(labels[c["from"]], labels[c["to"]], c["type"]) for c in graph["connections"]} == {
        ("Gemeente Oss (demo)", "Digitale Werkplaats", "eigenaar"),
        ("=cmd|' /C calc'!A0", "Digitale Werkplaats", "partner"),
    }


def test_network_page_lists_the_same_connections(client, inventory):
    page = client.get("/atlas/netwerk/").content.decode()
    assert "Gemeente Oss (demo)" in page
    assert 'id="network-data"' in page
    assert "/static/js/network.js" in page
    assert "Verborgen" not in page
