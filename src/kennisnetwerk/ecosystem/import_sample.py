"""The sample file for an inventory import: the export's headers, and a sheet that explains
what goes in each column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from kennisnetwerk.core.exports import SheetTable, xlsx_bytes

from .constants import InitiativeKind, InitiativeStatus
from .exports import COLUMNS
from .models import TargetGroup, Theme


def _explanations() -> list[tuple[str, str, object]]:
    themes = "; ".join(Theme.objects.filter(is_active=True).values_list("name", flat=True))
    groups = ", ".join(TargetGroup.objects.values_list("code", flat=True))
    return [
        (
            "Titel",
            _(
                "Name of the initiative (required). Title and owner together identify a row: "
                "importing the file again updates the same initiative."
            ),
            "Digitale Werkplaats",
        ),
        (
            "Soort",
            _("One of: %(kinds)s.") % {"kinds": ", ".join(InitiativeKind.values)},
            "programma",
        ),
        (
            "Status",
            _("One of: %(statuses)s. Empty means actief.")
            % {"statuses": ", ".join(InitiativeStatus.values)},
            "actief",
        ),
        (
            "Eigenaar",
            _("Name of the owner organisation (required). An unknown organisation is added."),
            "Gemeente Oss",
        ),
        (
            "KVK-nummer eigenaar",
            _("8 digits; finds the organisation even when its name is written differently."),
            "01234567",
        ),
        ("Partners", _("Partner organisations, separated by semicolons."), "KVK; BOM"),
        ("Thema's", _("Themes, separated by semicolons: %(themes)s.") % {"themes": themes}, ""),
        ("Doelgroepen", _("Codes, separated by semicolons: %(groups)s.") % {"groups": groups}, ""),
        (
            "Sectoren",
            _("Letters of SBI sections (A to U); empty means every sector."),
            "C; G",
        ),
        (
            "Werkgebied",
            _(
                "Municipalities, places or regions, separated by semicolons. Former municipality "
                "names and place names are recognised; Nederland for a national offer."
            ),
            "Oss; Uden; Rosmalen",
        ),
        ("Begindatum", _("A date such as 1-2-2025 or 1 februari 2025."), dt.date(2025, 2, 1)),
        ("Einddatum", _("A date such as 31-12-2026 or 31 december 2026."), dt.date(2026, 12, 31)),
        ("Budget", _("Amount in euro."), Decimal("250000.00")),
        ("Financieringsbron", _("Where the money comes from."), "Provincie, REACT-EU"),
        ("Contactpersoon", _("Name of the contact person."), ""),
        ("E-mail", _("E-mail address of the contact person."), "info@voorbeeld.nl"),
        ("Telefoon", _("Telephone number."), "073 123 45 67"),
        ("Website", _("Web address; www.voorbeeld.nl is enough."), "www.voorbeeld.nl"),
        ("Omschrijving", _("What the initiative offers."), ""),
        ("Wat werkt", _("What is known about its effect."), ""),
        ("Bron", _("Source of what is known about its effect."), ""),
        (
            "Regio",
            _("The inventory the row belongs to; empty or the region you import into."),
            "",
        ),
        ("Gepubliceerd", _("ja or nee; empty means ja."), "ja"),
    ]


def inventory_sample_xlsx() -> bytes:
    """An empty "Aanbod" sheet with the export's headers, and an explanation of each column
    with an example (dates and the amount as the date and number cells the import reads)."""
    notes = [list(line) for line in _explanations()]
    notes.append([])
    notes.append(
        [
            "",
            _(
                "Columns may be in any order and other headers are recognised too (Naam, "
                "Organisatie, KvK, Gemeente, Start …). Columns that are missing leave what is "
                "in the atlas alone; an empty cell empties the field."
            ),
        ]
    )
    return xlsx_bytes(
        SheetTable(title="Aanbod", header=COLUMNS, rows=[], money={COLUMNS.index("Budget")}),
        SheetTable(
            title=_("Explanation"),
            header=[_("Column"), _("What to fill in"), _("Example")],
            rows=notes,
        ),
    )
