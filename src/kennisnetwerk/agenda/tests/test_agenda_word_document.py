"""The DOE agenda's Word document as Word, LibreOffice and screen readers take it: Dutch as
the document's language, title metadata, header rows marked as such, column widths that keep
words whole, and Dutch dates and amounts. Read back with python-docx."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services

# Calibri 10 pt: no character is wider than this (in EMU per character), padding included.
EMU_PER_CM = 360000


@pytest.fixture
def document(client, reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region)
    owner = OrganisationFactory(name="Ontwikkelingsmaatschappij Noordoost-Brabant (fictief)")
    member = make_member(owner, email="eigenaar@voorbeeld.example")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    action = services.action_create(
        agenda=agenda,
        data=services.ActionData(
            title="Digitaliseringsondersteuning voor maakbedrijven in de regio",
            owner=owner,
            deadline=dt.date(2026, 12, 7),
        ),
        actor=coordinator,
    )
    services.contribution_set(
        action=action,
        organisation=owner,
        hours=1,
        money=Decimal("15000.00"),
        people=1,
        actor=coordinator,
    )
    client.force_login(member)
    response = client.get(reverse("agenda:docx", args=[agenda.pk]))
    assert response.status_code == 200
    return Document(io.BytesIO(response.content))


def test_the_document_is_in_dutch_with_title_metadata(document):
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"
    properties = document.core_properties
    assert properties.language == "nl-NL"
    assert properties.title == "DOE-agenda 2026"
    assert properties.subject == "DOE-agenda van Noordoost-Brabant"
    assert properties.author


def test_every_table_repeats_its_marked_header_row(document):
    assert len(document.tables) >= 4
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
        for row in table.rows[1:]:
            tr_pr = row._tr.trPr
            assert tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None


def test_columns_are_wide_enough_for_their_longest_word(document):
    for table in document.tables:
        for index, column in enumerate(table.columns):
            words = [w for cell in column.cells for w in cell.text.split()]
            longest = max((len(w) for w in words), default=0)
            assert column.width is not None
            # At least 0,2 cm per character of the longest word (10 pt text).
            assert column.width / EMU_PER_CM >= longest * 0.2, (table.rows[0].cells[0].text, index)
        total = sum(c.width for c in table.columns) / EMU_PER_CM
        assert total <= 17.01  # A4 with 2 cm margins


def test_dates_and_amounts_are_dutch_and_not_split(document):
    nbsp = "\u00a0"
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert f"7{nbsp}dec.{nbsp}2026" in texts
    assert "1 uur, € 15.000,00, 1 persoon" in texts
