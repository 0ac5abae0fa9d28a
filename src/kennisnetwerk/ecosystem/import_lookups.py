"""What the rows of an inventory import are matched against, loaded once per import: the
organisations, vocabularies, regions and municipalities, and the region's current inventory."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import Any

from django.utils import translation

from kennisnetwerk.geo.models import Municipality, Region, SbiSection
from kennisnetwerk.geo.selectors import MunicipalityResolver

from .constants import InitiativeKind, InitiativeStatus, OrganisationType
from .import_values import fold
from .models import Initiative, Organisation, TargetGroup, Theme

# Words people use for the kinds, statuses and organisation types, besides the codes and the
# names shown in the interface (in Dutch and English).
KIND_WORDS = {
    InitiativeKind.PROGRAMME: ("programma", "programme", "program"),
    InitiativeKind.PROJECT: ("project",),
    InitiativeKind.SCHEME: (
        "regeling", "subsidie", "subsidieregeling", "regeling subsidie", "fonds", "lening",
        "voucher", "scheme", "subsidy",
    ),
    InitiativeKind.INSTRUMENT: ("instrument", "tool"),
    InitiativeKind.NETWORK: ("netwerk", "network", "community", "platform"),
    InitiativeKind.EVENT_SERIES: (
        "evenementenreeks", "evenementen", "evenement", "event", "events", "bijeenkomsten",
        "reeks", "event series",
    ),
    InitiativeKind.DESK: (
        "loket", "advies", "loket advies", "adviesloket", "ondernemersloket", "helpdesk",
        "desk", "advice",
    ),
}  # fmt: skip
STATUS_WORDS = {
    InitiativeStatus.PLANNED: (
        "gepland", "in voorbereiding", "voorbereiding", "nog niet gestart", "planned",
    ),
    InitiativeStatus.ACTIVE: (
        "actief", "lopend", "loopt", "in uitvoering", "uitvoering", "active", "running", "open",
    ),
    InitiativeStatus.FINISHED: (
        "afgerond", "beeindigd", "gereed", "klaar", "voltooid", "afgelopen", "finished",
        "completed",
    ),
    InitiativeStatus.STOPPED: (
        "gestopt", "stopgezet", "geannuleerd", "ingetrokken", "vervallen", "stopped",
    ),
}  # fmt: skip
ORGANISATION_TYPE_WORDS = {
    OrganisationType.MUNICIPALITY: ("gemeente",),
    OrganisationType.PROVINCE: ("provincie",),
    OrganisationType.KVK: ("kvk", "kamer van koophandel"),
    OrganisationType.RVO: ("rvo", "rijksdienst voor ondernemend nederland"),
    OrganisationType.ROM: (
        "rom", "regionale ontwikkelingsmaatschappij", "ontwikkelingsmaatschappij",
    ),
    OrganisationType.EDUCATION: (
        "onderwijs", "school", "mbo", "hbo", "hogeschool", "universiteit", "roc",
    ),
    OrganisationType.BUSINESS_ASSOCIATION: ("ondernemersvereniging", "ondernemersorganisatie"),
    OrganisationType.BRANCH_ORGANISATION: ("brancheorganisatie", "branchevereniging"),
    OrganisationType.BANK: ("bank", "financier", "investeerder"),
    OrganisationType.KNOWLEDGE_INSTITUTION: ("kennisinstelling", "onderzoeksinstelling"),
    OrganisationType.ADVISER: ("adviseur", "adviesbureau", "consultant"),
    OrganisationType.OTHER: ("overig", "anders", "overige", "other"),
}  # fmt: skip


def _choice_index(choices: Any, words: dict[Any, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for value, _label in choices.choices:
        index[fold(value)] = value
        for language in ("nl", "en"):
            with translation.override(language):
                index.setdefault(fold(str(choices(value).label)), value)
    for value, synonyms in words.items():
        for word in synonyms:
            index.setdefault(fold(word), value)
    return index


SIMILAR_CHECKS = 200


class Lookups:
    """Everything an import matches names against, loaded with a fixed number of queries."""

    def __init__(self, region: Region):
        self.region = region
        self.kinds = _choice_index(InitiativeKind, KIND_WORDS)
        self.statuses = _choice_index(InitiativeStatus, STATUS_WORDS)
        self.organisation_types = _choice_index(OrganisationType, ORGANISATION_TYPE_WORDS)

        organisations = list(Organisation.objects.only("pk", "name", "kvk_number", "slug"))
        self.organisations = {o.pk: o for o in organisations}
        self.organisation_by_kvk = {o.kvk_number: o for o in organisations if o.kvk_number}
        self.organisations_by_name: dict[str, list[Organisation]] = defaultdict(list)
        for o in organisations:
            self.organisations_by_name[fold(o.name)].append(o)
        self._folded_names: list[str] | None = None
        self._similar_checks = 0

        self.themes = {t.pk: t for t in Theme.objects.all()}
        self.theme_by_name: dict[str, Theme] = {}
        for t in self.themes.values():
            self.theme_by_name.setdefault(fold(t.name), t)
            self.theme_by_name.setdefault(fold(t.slug), t)

        self.target_groups = {g.pk: g for g in TargetGroup.objects.all()}
        self.target_group_by_name: dict[str, list[TargetGroup]] = defaultdict(list)
        for g in self.target_groups.values():
            # "micro (2–9 werkzame personen)" is also found as "micro".
            short = re.sub(r"\s*\(.*\)\s*$", "", g.name)
            for key in {fold(g.code), fold(g.name), fold(short)}:
                if g not in self.target_group_by_name[key]:
                    self.target_group_by_name[key].append(g)

        self.sbi_sections = {s.pk: s for s in SbiSection.objects.all()}
        self.sbi_by_code = {s.code.upper(): s for s in self.sbi_sections.values()}
        self.sbi_by_name = {fold(s.name): s for s in self.sbi_sections.values()}

        self.regions = {r.pk: r for r in Region.objects.all()}
        self.regions_by_name: dict[str, list[Region]] = defaultdict(list)
        for r in self.regions.values():
            for key in {fold(r.name), fold(r.slug)}:
                self.regions_by_name[key].append(r)
        self.municipalities = {m.pk: m for m in Municipality.objects.all()}
        self.resolver = MunicipalityResolver()

    def similar_organisation(self, name: str) -> str:
        """The name of a known organisation that is spelled almost like ``name``
        ("Gemeente Den Bosch" for "Gemeente den-Bosch"), to warn before adding a new one."""
        # Comparing with every known name costs milliseconds; a file that adds hundreds of
        # organisations gets the hint for the first ones only.
        self._similar_checks += 1
        if self._similar_checks > SIMILAR_CHECKS:
            return ""
        if self._folded_names is None:
            self._folded_names = list(self.organisations_by_name)
        close = difflib.get_close_matches(fold(name), self._folded_names, n=1, cutoff=0.85)
        return self.organisations_by_name[close[0]][0].name if close else ""

    # --- Vocabularies ------------------------------------------------------------------------

    def sbi_section(self, text: str) -> SbiSection | None:
        """An SBI section by letter ("C", "C – Industrie"), name, or SBI code ("62", "6201")."""
        stripped = text.strip()
        head = re.match(r"^([A-Za-z])(?:\s*[-–—:.]\s*|\s+|$)", stripped)
        if head and head.group(1).upper() in self.sbi_by_code:
            return self.sbi_by_code[head.group(1).upper()]
        digits = re.sub(r"[\s.]", "", stripped)
        if digits.isdigit() and len(digits) >= 2:
            division = digits[:2]
            for section in self.sbi_sections.values():
                if section.division_from <= division <= section.division_to:
                    return section
        return self.sbi_by_name.get(fold(stripped))

    def known_names(self, kind: str) -> str:
        """The accepted values of a vocabulary, for messages."""
        if kind == "kind":
            return ", ".join(InitiativeKind.values)
        if kind == "status":
            return ", ".join(InitiativeStatus.values)
        if kind == "theme":
            return "; ".join(t.name for t in self.themes.values() if t.is_active)
        if kind == "target_group":
            return ", ".join(g.code for g in self.target_groups.values())
        if kind == "organisation_type":
            return ", ".join(OrganisationType.values)
        return ""


class Inventory:
    """The region's current inventory in the form an import compares rows with."""

    SCALARS = (
        "title", "kind", "status", "description", "owner_id", "start_date", "end_date",
        "budget", "funding_source", "contact_name", "contact_email", "contact_phone", "url",
        "evidence", "evidence_source", "is_published", "import_key",
    )  # fmt: skip
    RELATIONS = {
        "partners": ("organisation_id", "partners"),
        "themes": ("theme_id", "themes"),
        "target_groups": ("targetgroup_id", "target_groups"),
        "sbi_sections": ("sbisection_id", "sbi_sections"),
        "regions": ("region_id", "regions"),
        "municipalities": ("municipality_id", "municipalities"),
    }

    def __init__(self, region: Region):
        self.states: dict[int, dict[str, Any]] = {}
        self.by_key: dict[str, int] = {}
        self.by_owner_title: dict[tuple[int, str], list[int]] = defaultdict(list)
        for values in Initiative.objects.filter(inventory_region=region).values(
            "pk", *self.SCALARS
        ):
            pk = values.pop("pk")
            state = {**values, **{name: frozenset() for name in self.RELATIONS}}
            self.states[pk] = state
            if values["import_key"]:
                self.by_key[values["import_key"]] = pk
            self.by_owner_title[(values["owner_id"], fold(values["title"]))].append(pk)
        for name, (column, _attr) in self.RELATIONS.items():
            through = getattr(Initiative, name).through
            collected: dict[int, set[int]] = defaultdict(set)
            for initiative_id, target_id in through.objects.filter(
                initiative__inventory_region=region
            ).values_list("initiative_id", column):
                collected[initiative_id].add(target_id)
            for initiative_id, targets in collected.items():
                if initiative_id in self.states:
                    self.states[initiative_id][name] = frozenset(targets)

    def find(self, *, key: str, owner_id: int | None, title: str) -> list[int]:
        """The existing initiative a row stands for: by its import key, or else by owner and
        title (entries typed in by hand, or whose owner got a KVK number since)."""
        if key in self.by_key:
            return [self.by_key[key]]
        if owner_id is None:
            return []
        return list(self.by_owner_title.get((owner_id, fold(title)), []))
