"""The inventory as files: spreadsheet rows (xlsx, csv). Every text cell that could run as a
formula is escaped. The network files (GraphML, GEXF, JSON) are in ``network.py``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from kennisnetwerk.core.exports import SheetTable, xlsx_bytes

from .models import Initiative

# The column headers are the ones the import recognises, so an export can be imported again.
COLUMNS = [
    "Titel",
    "Soort",
    "Status",
    "Eigenaar",
    "KVK-nummer eigenaar",
    "Partners",
    "Thema's",
    "Doelgroepen",
    "Sectoren",
    "Werkgebied",
    "Begindatum",
    "Einddatum",
    "Budget",
    "Financieringsbron",
    "Contactpersoon",
    "E-mail",
    "Telefoon",
    "Website",
    "Omschrijving",
    "Wat werkt",
    "Bron",
    "Regio",
    "Gepubliceerd",
]


def export_queryset(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("owner", "inventory_region").prefetch_related(
        "partners", "themes", "target_groups", "sbi_sections", "regions", "municipalities"
    )


def _join(items: Iterable[Any]) -> str:
    return "; ".join(str(i) for i in items)


def initiative_rows(queryset: QuerySet[Initiative]) -> Iterator[list[Any]]:
    for i in export_queryset(queryset).order_by("title"):
        yield [
            i.title,
            i.kind,
            i.status,
            i.owner.name,
            i.owner.kvk_number,
            _join(p.name for p in i.partners.all()),
            _join(t.name for t in i.themes.all()),
            _join(g.code for g in i.target_groups.all()),
            _join(s.code for s in i.sbi_sections.all()),
            _join([*(r.name for r in i.regions.all()), *(m.name for m in i.municipalities.all())]),
            i.start_date,
            i.end_date,
            i.budget,
            i.funding_source,
            i.contact_name,
            i.contact_email,
            i.contact_phone,
            i.url,
            i.description,
            i.evidence,
            i.evidence_source,
            i.inventory_region.name,
            "ja" if i.is_published else "nee",
        ]


def initiatives_xlsx(queryset: QuerySet[Initiative]) -> bytes:
    """Dates as date cells and the budget as an amount in euro (``core.exports``)."""
    return xlsx_bytes(
        SheetTable(
            title="Aanbod",
            header=COLUMNS,
            rows=initiative_rows(queryset),
            money={COLUMNS.index("Budget")},
        )
    )
