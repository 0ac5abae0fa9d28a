"""Demo questions of entrepreneurs ("vraag") in Noordoost-Brabant and Zuid-Holland, from the
intake form, account managers, a survey and a CoP session. Fictitious, in real municipalities.
Created through the needs services (audit-logged and matched); loading again adds only the
questions that are missing (by their text)."""

from __future__ import annotations

from kennisnetwerk.geo.models import Municipality, Region, SbiSection
from kennisnetwerk.needs.models import Need
from kennisnetwerk.needs.services import NeedData, need_create, thesaurus_defaults_load

USSEN = "Metaalbewerking Ussen (fictief)"
BAKKERIJ = "Bakkerij Veghel-Noord (fictief)"
FIETSEN = "Fietsenwinkel Uden (fictief)"

# (region, municipality, size class, sector, source, status, company, question)
DEMO_NEEDS = [
    ("Noordoost-Brabant", "Oss", "klein", "C", "formulier", "open", USSEN,
     "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen. Vooral lassers en "
     "CNC-operators zijn niet te krijgen."),
    ("Noordoost-Brabant", "Meierijstad", "micro", "", "accountmanager", "doorverwezen", BAKKERIJ,
     "De energierekening is verdubbeld. Welke maatregelen kunnen we nemen om energie te "
     "besparen in de bakkerij, en is daar subsidie voor?"),
    ("Noordoost-Brabant", "Land van Cuijk", "klein", "C", "enquete", "open", "",
     "We willen onze productie verder automatiseren met een robot, maar weten niet waar we "
     "moeten beginnen en hoe we dat financieren."),
    ("Noordoost-Brabant", "'s-Hertogenbosch", "zzp", "", "formulier", "open", "",
     "Ik wil een eigen bedrijf beginnen als interieurontwerper. Hoe schrijf ik een "
     "ondernemingsplan en waar kan ik een startende ondernemerslening aanvragen?"),
    ("Noordoost-Brabant", "Bernheze", "middelgroot", "A", "cop", "open", "",
     "Onze opvolger staat klaar, maar de overdracht van het familiebedrijf en de "
     "financiering van de overname zijn ingewikkeld."),
    ("Noordoost-Brabant", "Maashorst", "micro", "G", "accountmanager", "beantwoord", FIETSEN,
     "Mijn winkel wil online gaan verkopen met een webshop, maar ik heb geen idee hoe ik "
     "dat aanpak."),
    ("Noordoost-Brabant", "Oss", "klein", "", "enquete", "open", "",
     "We zijn vorige maand gehackt via een phishingmail. Hoe beveiligen we onze systemen "
     "beter tegen cybercriminaliteit?"),
    ("Noordoost-Brabant", "Boxtel", "klein", "C", "formulier", "open", "",
     "Wij willen gaan exporteren naar Duitsland. Welke regels gelden daar en wie kan ons "
     "helpen met de eerste stappen?"),
    ("Noordoost-Brabant", "Vught", "micro", "I", "enquete", "geen_aanbod", "",
     "Als restaurant vinden we geen koks meer. Kunnen we samen met andere restaurants "
     "mensen opleiden in de keuken?"),
    ("Noordoost-Brabant", "Heusden", "klein", "F", "cop", "open", "",
     "Hoe kunnen we als aannemer circulair bouwen en bouwmaterialen hergebruiken?"),
    ("Noordoost-Brabant", "Sint-Michielsgestel", "middelgroot", "C", "accountmanager", "open", "",
     "We krijgen geen aansluiting op het stroomnet voor onze uitbreiding: netcongestie "
     "remt onze groei."),
    ("Zuid-Holland", "Rotterdam", "micro", "H", "formulier", "open", "",
     "Vanaf volgend jaar mag ik met mijn bestelbus de binnenstad niet meer in. Welke "
     "subsidie is er voor een elektrische bestelauto?"),
    ("Zuid-Holland", "Westland", "middelgroot", "A", "accountmanager", "doorverwezen", "",
     "Onze kwekerij zoekt een opvolger buiten de familie en wil de kas verduurzamen."),
    ("Zuid-Holland", "Leiden", "zzp", "M", "formulier", "open", "",
     "Ik heb een idee voor een medisch hulpmiddel en zoek financiering voor een prototype."),
    ("Zuid-Holland", "Dordrecht", "klein", "C", "enquete", "open", "",
     "We vinden geen technisch personeel voor de scheepsbouw en willen zij-instromers "
     "omscholen."),
]  # fmt: skip


def needs_demo_load() -> int:
    """Create the demo questions that are missing; returns how many were created."""
    thesaurus_defaults_load()
    existing = set(
        Need.objects.filter(question__in=[row[7] for row in DEMO_NEEDS]).values_list(
            "question", flat=True
        )
    )
    created = 0
    sections = {s.code: s for s in SbiSection.objects.all()}
    for region_name, place, size, sector, source, status, company, question in DEMO_NEEDS:
        if question in existing:
            continue
        region = Region.objects.filter(name=region_name).first()
        municipality = Municipality.objects.filter(name=place, is_current=True).first()
        if region is None:
            continue
        need = need_create(
            region=region,
            data=NeedData(
                question=question,
                municipality=municipality,
                size_class=size,
                sbi_section=sections.get(sector),
                company_name=company,
                source_reference="demo",
            ),
            actor=None,
            source=source,
        )
        if status != need.status:
            Need.objects.filter(pk=need.pk).update(status=status)
        created += 1
    return created
