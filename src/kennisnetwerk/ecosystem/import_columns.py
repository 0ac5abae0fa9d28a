"""Which spreadsheet column means which field: flexible Dutch headers, found in the first rows
of a sheet, including a title row above the headers and headers over two rows ("Looptijd"
above "van" and "tot")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from .exports import COLUMNS
from .import_values import clean_text, fold

# Field names (English, as in the model) with the column header shown to people when the
# column is missing, and the headers people use for it. Every header of the export
# (exports.COLUMNS) is among them, so an export can be imported again.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "title": ("Titel", (
        "titel", "naam", "naam initiatief", "naam van het initiatief", "initiatief",
        "programma", "naam programma", "programmanaam", "project", "projectnaam",
        "naam project", "aanbod", "naam aanbod", "titel initiatief", "titel aanbod",
        "naam regeling", "naam instrument", "activiteit", "title", "name",
    )),
    "kind": ("Soort", (
        "soort", "type", "soort aanbod", "soort initiatief", "type aanbod", "type initiatief",
        "vorm", "categorie", "soort activiteit", "kind",
    )),
    "status": ("Status", ("status", "stand van zaken", "stadium")),
    "owner": ("Eigenaar", (
        "eigenaar", "organisatie", "uitvoerder", "aanbieder", "eigenaar organisatie",
        "organisatie eigenaar", "naam organisatie", "partij", "trekker", "initiatiefnemer",
        "verantwoordelijke organisatie", "penvoerder", "uitvoerende organisatie",
        "aanbiedende organisatie", "owner", "organisation",
    )),
    "owner_kvk": ("KVK-nummer eigenaar", (
        "kvk", "kvk nummer", "kvknummer", "kvk nr", "kvk nummer eigenaar", "kvk eigenaar",
        "kvk nummer organisatie", "kvk organisatie", "kamer van koophandel nummer",
        "kvk nummer aanbieder", "kvk nummer uitvoerder",
    )),
    "owner_type": ("Type eigenaar", (
        "type eigenaar", "soort eigenaar", "type organisatie", "soort organisatie",
        "organisatietype", "soort partij", "type partij",
    )),
    "partners": ("Partners", (
        "partners", "partner", "partnerorganisaties", "partner organisaties",
        "samenwerkingspartners", "betrokken partijen", "betrokken organisaties",
        "mede uitvoerders", "medeuitvoerders", "samenwerking met",
    )),
    "themes": ("Thema's", (
        "themas", "thema", "onderwerp", "onderwerpen", "thematiek", "themes",
    )),
    "target_groups": ("Doelgroepen", (
        "doelgroepen", "doelgroep", "voor wie", "bedrijfsgrootte", "grootteklasse",
        "target groups",
    )),
    "sbi_sections": ("Sectoren", (
        "sectoren", "sector", "sbi", "sbi sectie", "sbi secties", "sbi sectoren", "branche",
        "branches",
    )),
    "area": ("Werkgebied", (
        "werkgebied", "gemeente", "gemeenten", "gemeentes", "gebied", "regios",
        "verzorgingsgebied", "voor gemeenten", "plaats", "plaatsen", "gemeente n",
    )),
    "start_date": ("Begindatum", (
        "begindatum", "startdatum", "start", "begin", "looptijd van", "van", "vanaf",
        "ingangsdatum", "datum start", "datum begin", "start looptijd", "begin looptijd",
    )),
    "end_date": ("Einddatum", (
        "einddatum", "tot", "tot en met", "t m", "tm", "looptijd tot", "looptijd t m", "eind",
        "einde", "datum einde", "datum eind", "eind looptijd", "einde looptijd",
    )),
    "period": ("Looptijd", ("looptijd", "periode", "duur", "looptijd periode")),
    "budget": ("Budget", (
        "budget", "bedrag", "omvang", "financiele omvang", "budget in euro", "totaal budget",
        "totaalbudget", "subsidiebedrag", "begroting", "budget euro",
    )),
    "funding_source": ("Financieringsbron", (
        "financieringsbron", "financiering", "bron financiering", "financier",
        "gefinancierd door", "geldstroom", "financieringsbronnen",
    )),
    "contact_name": ("Contactpersoon", (
        "contactpersoon", "contact", "naam contactpersoon", "contactpersoon naam",
    )),
    "contact_email": ("E-mail", (
        "e mail", "email", "e mailadres", "emailadres", "mail", "mailadres",
        "e mail contactpersoon", "email contactpersoon", "e mailadres contactpersoon",
    )),
    "contact_phone": ("Telefoon", (
        "telefoon", "telefoonnummer", "tel", "telnr", "tel nr", "telefoon contactpersoon",
        "telefoonnummer contactpersoon",
    )),
    "url": ("Website", (
        "website", "url", "link", "webadres", "internetadres", "meer informatie",
        "webpagina", "site",
    )),
    "description": ("Omschrijving", (
        "omschrijving", "beschrijving", "toelichting", "inhoud", "korte omschrijving",
        "samenvatting", "wat houdt het in", "description",
    )),
    "evidence": ("Wat werkt", (
        "wat werkt", "effect", "effecten", "resultaten", "bewezen effect", "evaluatie",
        "wat weten we over effect",
    )),
    "evidence_source": ("Bron", ("bron", "bron effect", "bron wat werkt", "bron evaluatie")),
    "inventory_region": ("Regio", ("regio", "inventarisatie van regio", "inventaris regio")),
    "is_published": ("Gepubliceerd", (
        "gepubliceerd", "publiceren", "openbaar", "zichtbaar", "publicatie",
    )),
}  # fmt: skip

# Headers over two rows: a group header ("Contactpersoon") above sub-headers ("Naam",
# "E-mail"). The combination decides, so "Naam" under "Contactpersoon" is not the title.
GROUPS: dict[tuple[str, ...], dict[str, str]] = {
    ("contactpersoon", "contact", "contactgegevens"): {
        "naam": "contact_name", "e mail": "contact_email", "email": "contact_email",
        "mail": "contact_email", "e mailadres": "contact_email", "telefoon": "contact_phone",
        "tel": "contact_phone", "telefoonnummer": "contact_phone",
    },
    ("eigenaar", "organisatie", "aanbieder", "uitvoerder", "partij"): {
        "naam": "owner", "kvk": "owner_kvk", "kvk nummer": "owner_kvk",
        "kvknummer": "owner_kvk",
    },
    ("looptijd", "periode", "duur"): {
        "van": "start_date", "vanaf": "start_date", "begin": "start_date",
        "start": "start_date", "begindatum": "start_date", "startdatum": "start_date",
        "tot": "end_date", "t m": "end_date", "tm": "end_date", "tot en met": "end_date",
        "eind": "end_date", "einde": "end_date", "einddatum": "end_date",
    },
}  # fmt: skip

REQUIRED = ("title", "owner")
# Fields that may come from several columns; their values are combined.
LIST_FIELDS = {"partners", "themes", "target_groups", "sbi_sections", "area"}
HEADER_SEARCH_ROWS = 10


def header_key(value: Any) -> str:
    """A header without case, accents, punctuation, parenthesised parts and spacing:
    "Thema('s)" = "thema", "KvK-nummer" = "kvk nummer", "Budget (€)" = "budget"."""
    text = clean_text(value)
    depth, kept = 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif not depth:
            kept.append(ch)
    return fold("".join(kept)) or fold(text)


_BY_KEY: dict[str, str] = {}
for _field, (_label, _synonyms) in FIELDS.items():
    for _synonym in (*_synonyms, _label):
        _BY_KEY.setdefault(header_key(_synonym), _field)
_GROUP_BY_KEY: dict[str, dict[str, str]] = {
    key: subs for keys, subs in GROUPS.items() for key in keys
}
assert all(header_key(c) in _BY_KEY for c in COLUMNS), "every export header is importable"  # noqa: S101


def field_for(header: Any) -> str | None:
    """The field a header means, or None."""
    return _BY_KEY.get(header_key(header))


def field_label(field: str) -> str:
    return FIELDS[field][0]


@dataclass
class Column:
    index: int  # 0-based
    header: str  # as the person wrote it ("Looptijd – van" for two-row headers)
    field: str | None

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    @property
    def label(self) -> str:
        """How messages name the column: its header, or its letter when it has none."""
        return self.header or self.letter


@dataclass
class Header:
    row_index: int  # 0-based index of the last header row in the rows given
    columns: list[Column]

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str | int | float) else ""


def _grouped(sub: str, group: str) -> str | None:
    """The field of sub-header ``sub`` under group header ``group``, if they combine."""
    subs = _GROUP_BY_KEY.get(header_key(group))
    return subs.get(header_key(sub)) if subs else None


def _groups(group_row: Sequence[Any], header_row: Sequence[Any], width: int) -> list[str]:
    """The group label above each column. A reader sees a merged cell as its first cell
    followed by empty ones, so a group label is carried to the right for as long as the
    headers below it belong to that group."""
    labels, current = [], ""
    for index in range(width):
        own = _text(group_row[index]) if index < len(group_row) else ""
        sub = _text(header_row[index]) if index < len(header_row) else ""
        if own:
            current = own
        elif not (current and sub and _grouped(sub, current)):
            current = ""
        labels.append(current)
    return labels


def _score(row: Sequence[Any]) -> int:
    return len({f for f in (field_for(v) for v in row if _text(v)) if f})


def _sub_header(row: Sequence[Any], groups: list[str]) -> bool:
    """Whether ``row`` holds sub-headers ("van", "tot") under the group labels ``groups``."""
    texts = [(i, _text(v)) for i, v in enumerate(row) if _text(v)]
    return bool(texts) and all(
        i < len(groups) and groups[i] and _grouped(text, groups[i]) for i, text in texts
    )


def find_header(rows: Sequence[Sequence[Any]]) -> Header | None:
    """The header among the first rows: the row naming the most known fields. A group row
    just above it ("Contactpersoon" over "Naam" and "E-mail") or a sub-header row just
    below it ("Looptijd" over "van" and "tot") is combined with it."""
    candidates = list(rows[:HEADER_SEARCH_ROWS])
    scores = [_score(row) for row in candidates]
    if not scores or max(scores) < 2:
        return None
    best = scores.index(max(scores))
    row = candidates[best]
    width = max(len(r) for r in candidates)
    below = candidates[best + 1] if best + 1 < len(candidates) else ()
    if below and _sub_header(below, _groups(row, below, width)):
        groups = _groups(row, below, width)
        columns = []
        for index in range(width):
            sub = _text(below[index]) if index < len(below) else ""
            top = _text(row[index]) if index < len(row) else ""
            if sub:
                columns.append(
                    Column(index, f"{groups[index]} – {sub}", _grouped(sub, groups[index]))
                )
            else:
                columns.append(Column(index, top, field_for(top) if top else None))
        return Header(best + 1, columns)
    above = candidates[best - 1] if best > 0 else ()
    groups = _groups(above, row, width)
    columns = []
    for index in range(width):
        text = _text(row[index]) if index < len(row) else ""
        grouped = _grouped(text, groups[index]) if text and groups[index] else None
        if grouped:
            columns.append(Column(index, f"{groups[index]} – {text}", grouped))
        else:
            columns.append(Column(index, text, field_for(text) if text else None))
    return Header(best, columns)
