"""Reading and validating the reference-data files (municipalities, place names, SBI).

Everything is read and checked before anything is written, so a bad file loads nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .constants import AliasKind
from .normalise import name_key

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"

FILES = {
    "municipalities": "gemeenten.csv",
    "places": "woonplaatsen.csv",
    "aliases": "voormalige_gemeenten.csv",
    "sbi_sections": "sbi_secties.csv",
    "sbi_codes": "sbi2008.csv",
}


class ReferenceDataError(Exception):
    """The files contain problems; ``errors`` names every one of them."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ReferenceData:
    provinces: dict[str, str] = field(default_factory=dict)
    corop_areas: dict[str, tuple[str, str]] = field(default_factory=dict)
    municipalities: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    aliases: dict[str, tuple[str, str, str, dt.date | None]] = field(default_factory=dict)
    sbi_sections: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sbi_codes: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def _rows(path: Path, required: list[str], errors: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        errors.append(_("File %(file)s is missing.") % {"file": path.name})
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            errors.append(
                _("%(file)s lacks the column(s) %(columns)s.")
                % {"file": path.name, "columns": ", ".join(missing)}
            )
            return []
        return [
            (number, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader, start=2)
        ]


def _read_municipalities(directory: Path, data: ReferenceData, errors: list[str]) -> None:
    name = FILES["municipalities"]
    columns = ["gemeentecode", "gemeente", "corop_code", "corop", "provincie_code", "provincie"]
    for line, row in _rows(directory / name, columns, errors):
        code, mun = row["gemeentecode"], row["gemeente"]
        if not (code.startswith("GM") and len(code) == 6 and code[2:].isdigit()) or not mun:
            errors.append(
                _("%(file)s line %(line)d: invalid municipality code or name %(value)s.")
                % {"file": name, "line": line, "value": f"{code!r} {mun!r}"}
            )
            continue
        if code in data.municipalities:
            errors.append(
                _("%(file)s line %(line)d: municipality code %(code)s occurs twice.")
                % {"file": name, "line": line, "code": code}
            )
            continue
        data.provinces[row["provincie_code"]] = row["provincie"]
        data.corop_areas[row["corop_code"]] = (row["corop"], row["provincie_code"])
        data.municipalities[code] = (mun, row["corop_code"], row["provincie_code"])


def _read_places(directory: Path, data: ReferenceData, errors: list[str]) -> None:
    name = FILES["places"]
    for line, row in _rows(
        directory / name, ["woonplaatscode", "woonplaats", "gemeentecode"], errors
    ):
        if row["gemeentecode"] not in data.municipalities:
            errors.append(
                _(
                    "%(file)s line %(line)d: place %(place)s refers to unknown municipality code "
                    "%(code)s."
                )
                % {
                    "file": name,
                    "line": line,
                    "place": row["woonplaats"],
                    "code": row["gemeentecode"],
                }
            )
            continue
        data.places[row["woonplaatscode"]] = (row["woonplaats"], row["gemeentecode"])


def _read_aliases(directory: Path, data: ReferenceData, errors: list[str]) -> None:
    name = FILES["aliases"]
    by_name = {name_key(mun[0]): code for code, mun in data.municipalities.items()}
    kinds = set(AliasKind.values)
    for line, row in _rows(directory / name, ["naam", "huidige_gemeente", "soort", "per"], errors):
        current = by_name.get(name_key(row["huidige_gemeente"]))
        if current is None:
            errors.append(
                _('%(file)s line %(line)d: unknown municipality "%(name)s".')
                % {"file": name, "line": line, "name": row["huidige_gemeente"]}
            )
            continue
        if row["soort"] not in kinds:
            errors.append(
                _('%(file)s line %(line)d: unknown kind "%(kind)s".')
                % {"file": name, "line": line, "kind": row["soort"]}
            )
            continue
        try:
            date = dt.date.fromisoformat(row["per"]) if row["per"] else None
        except ValueError:
            errors.append(
                _('%(file)s line %(line)d: "%(value)s" is not a date (YYYY-MM-DD).')
                % {"file": name, "line": line, "value": row["per"]}
            )
            continue
        data.aliases[name_key(row["naam"])] = (row["naam"], current, row["soort"], date)


def _read_sbi(directory: Path, data: ReferenceData, errors: list[str]) -> None:
    name = FILES["sbi_sections"]
    columns = ["sectie", "omschrijving", "afdeling_van", "afdeling_tot"]
    for _line, row in _rows(directory / name, columns, errors):
        data.sbi_sections[row["sectie"]] = (
            row["omschrijving"],
            row["afdeling_van"].zfill(2),
            row["afdeling_tot"].zfill(2),
        )
    name = FILES["sbi_codes"]
    for line, row in _rows(directory / name, ["sbi", "omschrijving"], errors):
        code = row["sbi"]
        if not code.isdigit() or not 2 <= len(code) <= 6:
            errors.append(
                _('%(file)s line %(line)d: "%(code)s" is not an SBI code.')
                % {"file": name, "line": line, "code": code}
            )
            continue
        division = code[:2]
        section = next(
            (s for s, (_n, lo, hi) in data.sbi_sections.items() if lo <= division <= hi), None
        )
        data.sbi_codes[code] = (row["omschrijving"], section)


def reference_data_read(directory: Path = DEFAULT_DATA_DIR) -> ReferenceData:
    """Read and validate all files in ``directory``; raise ``ReferenceDataError`` listing every
    problem found."""
    errors: list[str] = []
    data = ReferenceData()
    _read_municipalities(directory, data, errors)
    _read_places(directory, data, errors)
    _read_aliases(directory, data, errors)
    _read_sbi(directory, data, errors)
    if errors:
        raise ReferenceDataError(errors)
    return data
