"""The demo inventory ("wie doet wat") of Noordoost-Brabant and Zuid-Holland, plus a few
national offers of KVK and RVO.

Everything here is fictitious but meant to read like a real regional inventory: real
municipalities and regions, invented offers. Organisations that exist in reality (the
municipalities, the provinces, KVK, RVO) carry "(demo)" in their name, invented ones
"(fictief)". KVK numbers all begin with 00 so they are recognisable as demo numbers; every
web and e-mail address is under the reserved .example top-level domain.

The tables are written by hand; the contact person, e-mail address and web address of an
initiative are derived from its position and owner, so loading is deterministic.

Deliberate features, which the tests check:

- near-duplicates: four pairs of initiatives of different organisations that describe much
  the same offer in the same area (``NEAR_DUPLICATES``), for the overlap detector;
- gaps: theme × target-group cells that no initiative serves (``GAPS``): every initiative
  with the theme names target groups of that dimension, and none names the missing group.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify

NOB = "Noordoost-Brabant"
ZH = "Zuid-Holland"
NL = "Nederland"
ARBEIDSMARKTREGIO_NOB = "Arbeidsmarktregio Noordoost-Brabant"

# Themes (slugs of the managed vocabulary)
DIG = "digitalisering"
CIR = "circulaire-economie-en-verduurzaming"
HUM = "menselijk-kapitaal"
INN = "innovatie"
FIN = "financiering"
INT = "internationalisering"
PRO = "arbeidsproductiviteit"
OPV = "bedrijfsopvolging"
STA = "ondernemerschap-en-starters"

DRECHTSTEDEN = (
    "Dordrecht",
    "Zwijndrecht",
    "Papendrecht",
    "Sliedrecht",
    "Hendrik-Ido-Ambacht",
    "Alblasserdam",
    "Hardinxveld-Giessendam",
)

# --- Organisations ---------------------------------------------------------------------------

# Noordoost-Brabant
DB = "Gemeente 's-Hertogenbosch (demo)"
OSS = "Gemeente Oss (demo)"
MEI = "Gemeente Meierijstad (demo)"
LVC = "Gemeente Land van Cuijk (demo)"
MAA = "Gemeente Maashorst (demo)"
BER = "Gemeente Bernheze (demo)"
BOX = "Gemeente Boxtel (demo)"
VUG = "Gemeente Vught (demo)"
HEU = "Gemeente Heusden (demo)"
SMG = "Gemeente Sint-Michielsgestel (demo)"
BOE = "Gemeente Boekel (demo)"
PNB = "Provincie Noord-Brabant (demo)"
OMZ = "Ontwikkelingsmaatschappij Zuid (fictief)"
MLV = "Ondernemersvereniging Maasland Vooruit (fictief)"
AIH = "Agrifood Innovatiehuis Noordoost (fictief)"
ROCM = "ROC De Meierij (fictief)"
SFB = "Stichting Familiebedrijf Brabant (fictief)"
GMD = "Groeifonds Maas en Dommel (fictief)"
HMK = "Hogeschool Maaskant (fictief)"
DCS = "Datacampus 's-Hertogenbosch (fictief)"
BKB = "Bedrijvenkring Bernheze (fictief)"
OKL = "Ondernemerskring Land van Cuijk (fictief)"
MNN = "Maakindustrie Netwerk Noordoost (fictief)"
HOM = "Horeca Ondernemers Meierij (fictief)"
BNO = "Bouwend Noordoost (fictief)"
RMM = "Regiobank Maas en Meierij (fictief)"
EBN = "Economic Board Noordoost-Brabant (fictief)"
OKM = "Ondernemersklankbord Maasland (fictief)"
ICV = "Innovatiecampus Veghel (fictief)"
WSP = "Werkgeversservicepunt Noordoost-Brabant (fictief)"
# Zuid-Holland
ROT = "Gemeente Rotterdam (demo)"
LEI = "Gemeente Leiden (demo)"
DH = "Gemeente Den Haag (demo)"
DEL = "Gemeente Delft (demo)"
DOR = "Gemeente Dordrecht (demo)"
GOU = "Gemeente Gouda (demo)"
WES = "Gemeente Westland (demo)"
ALP = "Gemeente Alphen aan den Rijn (demo)"
PZH = "Provincie Zuid-Holland (demo)"
OMW = "Ontwikkelingsmaatschappij West (fictief)"
DWD = "Digitale Werkplaats Delfland (fictief)"
COH = "Circulair Ondernemen Haaglanden (fictief)"
TPR = "Techniekpact Rijnmond (fictief)"
BGH = "Bedrijvenloket Groene Hart (fictief)"
HRS = "Hogeschool Rijn en Schie (fictief)"
HHO = "Hogeschool Hofstad (fictief)"
UOL = "Universitair Ondernemerscentrum Leiden (fictief)"
ROCD = "ROC Drechtsteden (fictief)"
OVD = "Ondernemersvereniging Drechtsteden (fictief)"
BKA = "Bedrijvenkring Alphen (fictief)"
TNW = "Tuinbouwnetwerk Westland (fictief)"
HPR = "Havenbedrijvenplatform Rijnmond (fictief)"
SFR = "Stadsfonds Rotterdam voor Ondernemers (fictief)"
MKH = "Microkrediet Haaglanden (fictief)"
FSM = "Fieldlab Slim Maken Zuid-Holland (fictief)"
MPZ = "Mentorpunt Ondernemers Zuid-Holland (fictief)"
# National
KVK = "KVK (demo)"
RVO = "RVO (demo)"

# (name, type, municipality, host name under voorbeeld.example, KVK number)
ORGANISATIONS = [
    (DB, "gemeente", "'s-Hertogenbosch", "gemeente-denbosch", "00401017"),
    (OSS, "gemeente", "Oss", "gemeente-oss", "00401025"),
    (MEI, "gemeente", "Meierijstad", "gemeente-meierijstad", "00401033"),
    (LVC, "gemeente", "Land van Cuijk", "gemeente-landvancuijk", "00401041"),
    (MAA, "gemeente", "Maashorst", "gemeente-maashorst", "00401058"),
    (PNB, "provincie", "'s-Hertogenbosch", "provincie-noordbrabant", "00402012"),
    (MLV, "ondernemersvereniging", "Oss", "maaslandvooruit", "00413546"),
    (AIH, "kennisinstelling", "Meierijstad", "agrifoodinnovatiehuis", "00418237"),
    (ROCM, "onderwijs", "'s-Hertogenbosch", "rocdemeierij", "00415071"),
    (SFB, "overig", "Vught", "familiebedrijfbrabant", "00416624"),
    (GMD, "bank", "Boxtel", "groeifondsmaasendommel", "00419380"),
    (OMZ, "rom", "'s-Hertogenbosch", "ontwikkelingsmaatschappij-zuid", "00417765"),
    (ROT, "gemeente", "Rotterdam", "gemeente-rotterdam", "00271019"),
    (LEI, "gemeente", "Leiden", "gemeente-leiden", "00271027"),
    (PZH, "provincie", "'s-Gravenhage", "provincie-zuidholland", "00272018"),
    (DWD, "kennisinstelling", "Delft", "digitalewerkplaatsdelfland", "00278452"),
    (COH, "ondernemersvereniging", "Westland", "circulairhaaglanden", "00276390"),
    (TPR, "onderwijs", "Rotterdam", "techniekpactrijnmond", "00275813"),
    (BGH, "adviseur", "Gouda", "bedrijvenloketgroenehart", "00279204"),
    # Noordoost-Brabant
    (BER, "gemeente", "Bernheze", "gemeente-bernheze", "00401066"),
    (BOX, "gemeente", "Boxtel", "gemeente-boxtel", "00401074"),
    (VUG, "gemeente", "Vught", "gemeente-vught", "00401082"),
    (HEU, "gemeente", "Heusden", "gemeente-heusden", "00401090"),
    (SMG, "gemeente", "Sint-Michielsgestel", "gemeente-sint-michielsgestel", "00401104"),
    (BOE, "gemeente", "Boekel", "gemeente-boekel", "00401112"),
    (HMK, "onderwijs", "'s-Hertogenbosch", "hogeschoolmaaskant", "00414929"),
    (DCS, "onderwijs", "'s-Hertogenbosch", "datacampus-denbosch", "00413318"),
    (BKB, "ondernemersvereniging", "Bernheze", "bedrijvenkringbernheze", "00412476"),
    (OKL, "ondernemersvereniging", "Land van Cuijk", "ondernemerskringlvc", "00412581"),
    (MNN, "brancheorganisatie", "Oss", "maakindustrienoordoost", "00411893"),
    (HOM, "brancheorganisatie", "'s-Hertogenbosch", "horecameierij", "00411907"),
    (BNO, "brancheorganisatie", "Maashorst", "bouwendnoordoost", "00411915"),
    (RMM, "bank", "Oss", "regiobankmaasenmeierij", "00419631"),
    (EBN, "overig", "'s-Hertogenbosch", "economicboard-noordoostbrabant", "00416187"),
    (OKM, "adviseur", "Oss", "ondernemersklankbordmaasland", "00418740"),
    (ICV, "kennisinstelling", "Meierijstad", "innovatiecampusveghel", "00418058"),
    (WSP, "overig", "'s-Hertogenbosch", "wsp-noordoostbrabant", "00416292"),
    # Zuid-Holland
    (DH, "gemeente", "'s-Gravenhage", "gemeente-denhaag", "00271035"),
    (DEL, "gemeente", "Delft", "gemeente-delft", "00271043"),
    (DOR, "gemeente", "Dordrecht", "gemeente-dordrecht", "00271051"),
    (GOU, "gemeente", "Gouda", "gemeente-gouda", "00271078"),
    (WES, "gemeente", "Westland", "gemeente-westland", "00271086"),
    (ALP, "gemeente", "Alphen aan den Rijn", "gemeente-alphen", "00271094"),
    (OMW, "rom", "'s-Gravenhage", "ontwikkelingsmaatschappij-west", "00277126"),
    (HRS, "onderwijs", "Rotterdam", "hogeschoolrijnenschie", "00274469"),
    (HHO, "onderwijs", "'s-Gravenhage", "hogeschoolhofstad", "00274531"),
    (UOL, "onderwijs", "Leiden", "ondernemerscentrumleiden", "00274604"),
    (ROCD, "onderwijs", "Dordrecht", "rocdrechtsteden", "00275341"),
    (OVD, "ondernemersvereniging", "Dordrecht", "ondernemersdrechtsteden", "00276153"),
    (BKA, "ondernemersvereniging", "Alphen aan den Rijn", "bedrijvenkringalphen", "00276218"),
    (TNW, "brancheorganisatie", "Westland", "tuinbouwnetwerkwestland", "00273387"),
    (HPR, "brancheorganisatie", "Rotterdam", "havenplatformrijnmond", "00273425"),
    (SFR, "bank", "Rotterdam", "stadsfondsrotterdam", "00279662"),
    (MKH, "bank", "'s-Gravenhage", "microkrediethaaglanden", "00279719"),
    (FSM, "kennisinstelling", "Zoetermeer", "fieldlabslimmaken", "00278509"),
    (MPZ, "adviseur", "'s-Gravenhage", "mentorpuntzh", "00279905"),
    # National
    (KVK, "kvk", "Utrecht", "kvk-demo", "00300001"),
    (RVO, "rvo", "'s-Gravenhage", "rvo-demo", "00300028"),
]

HOSTS = {name: f"{host}.voorbeeld.example" for name, _t, _m, host, _k in ORGANISATIONS}

# Fictitious contact persons; an initiative gets one by its position in the table.
CONTACT_PERSONS = [
    "Anouk van den Berg",
    "Mehmet Demir",
    "Ilse de Vries",
    "Thijs Verhoeven",
    "Lotte van der Heijden",
    "Ruud Smits",
    "Naima El Amrani",
    "Bas van Gestel",
    "Marieke Hermans",
    "Jeroen Verbeek",
    "Esther Kuijpers",
    "Youssef Bouzid",
    "Linda van Rooij",
    "Pieter de Groot",
    "Femke Janssens",
    "Wouter van Dam",
    "Karin Peeters",
    "Daan Koster",
    "Samira Haddou",
    "Erik van Loon",
    "Mirjam Schouten",
    "Rik van Asseldonk",
    "Petra Claassen",
    "Hans Timmermans",
    "Ayse Kaya",
    "Judith Vermeulen",
    "Niels Bosch",
    "Chantal Martens",
    "Frank de Bruijn",
    "Emma Groenewegen",
    "Johan Wolters",
]


@dataclass(frozen=True)
class DemoInitiative:
    title: str
    kind: str
    owner: str
    region: str
    themes: tuple[str, ...]
    groups: tuple[str, ...]
    text: str
    status: str = "actief"
    period: tuple[str | None, str | None] = (None, None)
    budget: int | None = None
    funding: str = ""
    partners: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    sectors: str = ""  # SBI section letters, e.g. "AC"
    evidence: str = ""
    source: str = ""

    @property
    def start_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.period[0]) if self.period[0] else None

    @property
    def end_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.period[1]) if self.period[1] else None

    @property
    def budget_amount(self) -> Decimal | None:
        return None if self.budget is None else Decimal(self.budget)

    @property
    def url(self) -> str:
        return f"https://{HOSTS[self.owner]}/{slugify(self.title)}"


def contact_for(position: int, owner: str) -> tuple[str, str]:
    """The contact person of the initiative at ``position`` and their e-mail address."""
    name = CONTACT_PERSONS[position % len(CONTACT_PERSONS)]
    first, *rest = name.split(" ")
    local = f"{first[0]}.{''.join(slugify(part) for part in rest)}".lower()
    return name, f"{local}@{HOSTS[owner]}"


I = DemoInitiative  # noqa: E741 - short, the tables below are long

INITIATIVES: list[DemoInitiative] = [
    # --- The first twelve demo initiatives -------------------------------------------------
    I(
        "Digitale Werkplaats Noordoost (demo)",
        "programma",
        DB,
        NOB,
        (DIG,),
        ("micro", "klein"),
        "Studenten helpen mkb-ondernemers bij de eerste stappen in digitalisering: webshop, "
        "online vindbaarheid en digitale administratie. Elk bedrijf werkt tien weken met een "
        "team van studenten.",
        period=("2023-09-01", None),
        budget=240_000,
        funding="Gemeente 's-Hertogenbosch en Regio Deal Noordoost-Brabant",
        partners=(HMK, ROCM),
        evidence="Van de 140 deelnemende bedrijven in 2023–2024 had 78% na afloop een "
        "vernieuwde website of webshop; 45% zag binnen een jaar meer online aanvragen.",
        source="Evaluatie Digitale Werkplaats Noordoost, Hogeschool Maaskant (2025)",
    ),
    I(
        "Voucherregeling Slim Produceren (fictief)",
        "regeling",
        PNB,
        NOB,
        (DIG, PRO),
        ("klein", "middelgroot"),
        "Subsidieregeling voor advies en investeringen in automatisering en robotisering in de "
        "maakindustrie. De voucher vergoedt de helft van de kosten, tot € 20.000 per bedrijf.",
        period=("2024-01-01", "2027-12-31"),
        budget=2_500_000,
        funding="Provincie Noord-Brabant",
        partners=(OMZ, MNN),
        sectors="C",
    ),
    I(
        "Ondernemersloket Oss (demo)",
        "loket",
        OSS,
        NOB,
        (STA, FIN),
        ("zzp", "starter"),
        "Eén loket voor vragen over vergunningen, huisvesting en financiering voor starters. "
        "Accountmanagers van de gemeente verwijzen door naar KVK, bank of ondernemerscoach.",
        period=("2019-01-01", None),
        municipalities=("Oss",),
        partners=(KVK, OKM),
    ),
    I(
        "Leerwerkplaats Techniek Maasland (fictief)",
        "project",
        ROCM,
        NOB,
        (HUM,),
        ("klein", "middelgroot"),
        "Praktijkleren in de arbeidsmarktregio: werkenden en werkzoekenden halen een "
        "techniekcertificaat bij regionale bedrijven. De opleiding duurt zes tot negen maanden "
        "en wordt grotendeels op de werkvloer gegeven.",
        period=("2024-09-01", "2027-07-31"),
        budget=650_000,
        funding="ESF+ en gemeenten arbeidsmarktregio",
        partners=(MNN, WSP),
        regions=(ARBEIDSMARKTREGIO_NOB,),
        sectors="CF",
    ),
    I(
        "Circulair Ondernemen Agrifood (fictief)",
        "programma",
        AIH,
        NOB,
        (CIR, INN),
        ("koploper", "peloton"),
        "Begeleiding van agrifoodbedrijven bij het sluiten van kringlopen en verwaarden van "
        "reststromen. Bedrijven krijgen een ketenanalyse en werken in kleine groepen aan een "
        "businesscase.",
        period=("2023-01-01", "2026-12-31"),
        budget=900_000,
        funding="Provincie Noord-Brabant en EFRO",
        partners=(ICV, PNB),
        sectors="AC",
    ),
    I(
        "Familiebedrijven Netwerk Brabant (fictief)",
        "netwerk",
        SFB,
        NOB,
        (OPV,),
        ("overname",),
        "Netwerk en intervisie voor familiebedrijven die een bedrijfsopvolging voorbereiden. "
        "Leden komen vier keer per jaar bijeen bij een van de bedrijven.",
        period=("2018-01-01", None),
        funding="Contributie leden",
    ),
    I(
        "Groeifonds Maas en Dommel – microkredieten (fictief)",
        "instrument",
        GMD,
        NOB,
        (FIN,),
        ("zzp", "micro", "groei"),
        "Microkredieten tot € 50.000 voor groeiende ondernemers zonder toegang tot "
        "bankfinanciering. Bij elk krediet hoort een jaar begeleiding door een coach.",
        period=("2020-06-01", None),
        budget=3_000_000,
        funding="Revolverend fonds, gevuld door gemeenten en provincie",
        partners=(OKM,),
    ),
    I(
        "Exportcafé Noordoost (fictief)",
        "evenementenreeks",
        MLV,
        NOB,
        (INT,),
        ("klein", "middelgroot"),
        "Maandelijkse bijeenkomsten over exporteren naar Duitsland en België. Ervaren "
        "exporteurs vertellen over hun praktijk.",
        period=("2022-09-01", None),
        partners=(KVK,),
    ),
    I(
        "Digitaal Doen Zuid-Holland (fictief)",
        "programma",
        DWD,
        ZH,
        (DIG,),
        ("micro", "klein", "peloton"),
        "Praktische workshops en een digitale scan voor mkb-bedrijven in Zuid-Holland. Na de "
        "scan krijgt elk bedrijf een stappenplan en kan het een adviseur inschakelen.",
        period=("2023-03-01", "2026-12-31"),
        budget=1_200_000,
        funding="Provincie Zuid-Holland",
        partners=(PZH, HRS),
    ),
    I(
        "Circulaire Kas Westland (fictief)",
        "project",
        COH,
        ZH,
        (CIR,),
        ("koploper",),
        "Glastuinbouwbedrijven delen warmte en reststromen in een circulaire keten. Het project "
        "koppelt kassen met een overschot aan warmte aan buren die warmte vragen.",
        period=("2024-04-01", "2027-03-31"),
        budget=780_000,
        funding="Provincie Zuid-Holland en deelnemende bedrijven",
        municipalities=("Westland",),
        sectors="A",
    ),
    I(
        "Techniektalent Rijnmond (fictief)",
        "programma",
        TPR,
        ZH,
        (HUM, PRO),
        ("klein", "middelgroot"),
        "Leven lang ontwikkelen: omscholing van werkenden naar technische functies. "
        "Werkgevers en opleiders stellen samen korte, modulaire trajecten op.",
        period=("2022-01-01", "2026-12-31"),
        budget=1_500_000,
        funding="Regio Deal Rotterdam-Zuid en ESF+",
        partners=(ROT, HRS),
        regions=("Groot-Rijnmond",),
    ),
    I(
        "Startersloket Groene Hart (fictief)",
        "loket",
        BGH,
        ZH,
        (STA,),
        ("zzp", "starter"),
        "Advies en begeleiding voor startende ondernemers in het Groene Hart. Starters kunnen "
        "gratis terecht voor een gesprek over hun ondernemingsplan en vergunningen.",
        period=("2021-01-01", None),
        regions=("Oost-Zuid-Holland",),
    ),
    # --- Noordoost-Brabant: digitalisering --------------------------------------------------
    I(
        "Digitaal Werkatelier Maashorst",
        "project",
        HMK,
        NOB,
        (DIG,),
        ("micro", "klein", "achterblijver"),
        "Studenten helpen mkb-ondernemers in Maashorst bij de eerste stappen in "
        "digitalisering: een webshop, online vindbaarheid en digitale administratie. Elk "
        "bedrijf werkt tien weken met een team van studenten.",
        period=("2025-02-01", "2026-12-31"),
        budget=85_000,
        funding="Gemeente Maashorst",
        partners=(MAA,),
        municipalities=("Maashorst",),
    ),
    I(
        "Cyberweerbaar Noordoost-Brabant",
        "programma",
        EBN,
        NOB,
        (DIG,),
        ("micro", "klein", "middelgroot", "peloton", "achterblijver"),
        "Regionaal programma dat mkb-bedrijven weerbaarder maakt tegen cybercriminaliteit. "
        "Ondernemers doen een gratis quickscan, volgen een workshop over phishing en "
        "wachtwoordbeheer en krijgen een stappenplan op maat. Bedrijven met een verhoogd risico "
        "worden doorverwezen naar gecertificeerde adviseurs.",
        period=("2024-01-01", "2027-12-31"),
        budget=450_000,
        funding="Regio Deal Noordoost-Brabant",
        partners=(DCS, KVK, MLV),
        evidence="Van de 320 deelnemende bedrijven had na een half jaar 71% "
        "tweestapsverificatie ingevoerd, tegen 28% bij de start.",
        source="Tussenevaluatie Cyberweerbaar Noordoost-Brabant (2025)",
    ),
    I(
        "Datagedreven werken in de agrifood",
        "project",
        AIH,
        NOB,
        (DIG, INN),
        ("klein", "middelgroot", "koploper"),
        "Agrifoodbedrijven leren met sensordata en dashboards hun productie en voorraad te "
        "sturen. In drie praktijkpilots koppelen data-experts en studenten bestaande "
        "machinegegevens aan een eenvoudig dashboard. De uitkomsten worden gedeeld in open "
        "werksessies.",
        status="afgerond",
        period=("2024-03-01", "2026-02-28"),
        budget=280_000,
        funding="EFRO Zuid-Nederland en eigen bijdrage deelnemers",
        partners=(DCS, ICV),
        sectors="AC",
        evidence="Twee van de drie pilotbedrijven verminderden hun voedselverspilling in de "
        "productie met meer dan 10%.",
        source="Eindrapport Datagedreven werken in de agrifood (2026)",
    ),
    I(
        "Webinarreeks Online Verkopen",
        "evenementenreeks",
        OKL,
        NOB,
        (DIG,),
        ("zzp", "micro", "peloton", "achterblijver"),
        "Zes avondwebinars over online verkopen voor winkeliers en ambachtelijke bedrijven: van "
        "een goede productpagina en betaalmogelijkheden tot retouren en sociale media. Na elk "
        "webinar volgt een spreekuur met een e-commercespecialist.",
        period=("2026-09-01", "2027-03-31"),
        budget=18_000,
        funding="Gemeente Land van Cuijk en contributie leden",
        partners=(LVC,),
        municipalities=("Land van Cuijk",),
        sectors="G",
    ),
    I(
        "Digitale basisvaardigheden voor ondernemers",
        "project",
        ROCM,
        NOB,
        (DIG, HUM),
        ("zzp", "micro", "achterblijver"),
        "Korte praktijkcursus voor ondernemers en hun medewerkers die weinig met computers "
        "werken: veilig internetbankieren, digitaal factureren en werken in de cloud. De lessen "
        "worden in kleine groepen gegeven in de bibliotheek en op bedrijventerreinen.",
        period=("2025-01-01", "2026-12-31"),
        budget=120_000,
        funding="ESF+ en gemeentelijke bijdragen",
        partners=(OSS, BER, LVC),
        municipalities=("Oss", "Bernheze", "Land van Cuijk"),
    ),
    I(
        "AI-praktijklab Noordoost",
        "programma",
        DCS,
        NOB,
        (DIG, INN),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Praktijklab waarin mkb-bedrijven samen met onderzoekers en studenten toepassingen van "
        "kunstmatige intelligentie verkennen, zoals automatisch offertes opstellen of "
        "voorspellend onderhoud. Deelnemers brengen een eigen vraagstuk in en werken in twaalf "
        "weken naar een werkend prototype.",
        status="gepland",
        period=("2027-01-01", "2028-12-31"),
        budget=600_000,
        funding="Provincie Noord-Brabant en Regio Deal Noordoost-Brabant",
        partners=(HMK, EBN),
    ),
    I(
        "Digitale Ondernemersdag Oss",
        "evenementenreeks",
        OSS,
        NOB,
        (DIG, STA),
        ("zzp", "micro", "klein"),
        "Jaarlijkse dag met workshops over websites, sociale media, cybersecurity en digitale "
        "boekhouding. Tussen de workshops door kunnen ondernemers hun vragen kwijt op een "
        "spreekuur met specialisten.",
        period=("2021-11-01", None),
        budget=25_000,
        funding="Gemeente Oss",
        partners=(MLV, KVK),
        municipalities=("Oss",),
    ),
    I(
        "Koop Lokaal Maashorst",
        "project",
        MAA,
        NOB,
        (DIG,),
        ("zzp", "micro", "achterblijver"),
        "Een gezamenlijke webwinkel en cadeaukaart voor winkels en horeca in Uden en omgeving, "
        "zodat inwoners lokaal bleven kopen. Ondernemers kregen hulp bij het online zetten van "
        "hun assortiment.",
        status="afgerond",
        period=("2021-01-01", "2023-12-31"),
        budget=95_000,
        funding="Gemeente Maashorst (steunpakket coronacrisis)",
        municipalities=("Maashorst",),
        sectors="GI",
        evidence="Ruim 180 ondernemers deden mee; de cadeaukaart leverde in drie jaar "
        "€ 1,4 miljoen omzet op bij lokale ondernemers.",
        source="Gemeente Maashorst, eindverantwoording Koop Lokaal (2024)",
    ),
    I(
        "Hackathon Agrifood Data",
        "evenementenreeks",
        DCS,
        NOB,
        (DIG, INN),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Twee keer per jaar werken studenten, programmeurs en voedingsbedrijven een weekend "
        "lang aan vraagstukken die bedrijven met hun eigen data aanleveren. De beste ideeën "
        "krijgen een vervolg als afstudeeropdracht.",
        period=("2024-04-01", None),
        budget=40_000,
        funding="Sponsoring door deelnemende bedrijven",
        partners=(AIH,),
        sectors="C",
    ),
    # --- Noordoost-Brabant: circulaire economie en verduurzaming -----------------------------
    I(
        "Energiecoach voor ondernemers",
        "loket",
        MEI,
        NOB,
        (CIR,),
        ("zzp", "micro", "klein", "peloton", "achterblijver"),
        "Een onafhankelijke energiecoach bezoekt het bedrijf, brengt het energieverbruik in "
        "kaart en adviseert over maatregelen met een korte terugverdientijd. Het bezoek is "
        "kosteloos. De coach helpt ook bij subsidieaanvragen en bij de informatieplicht "
        "energiebesparing.",
        period=("2023-05-01", None),
        budget=160_000,
        funding="Gemeente Meierijstad",
        municipalities=("Meierijstad",),
        evidence="Bezochte bedrijven voerden gemiddeld 3,2 maatregelen uit; de geschatte "
        "besparing is 14% op de energierekening.",
        source="Jaarverslag Energieloket Meierijstad (2025)",
    ),
    I(
        "Verduurzamingslening voor bedrijfspanden",
        "instrument",
        RMM,
        NOB,
        (CIR, FIN),
        ("micro", "klein", "middelgroot", "groei"),
        "Lening met rentekorting voor ondernemers die hun bedrijfspand verduurzamen, "
        "bijvoorbeeld met zonnepanelen, isolatie of een warmtepomp. Leningen van € 25.000 tot "
        "€ 500.000, met een looptijd tot vijftien jaar.",
        period=("2023-01-01", None),
        budget=5_000_000,
        funding="Eigen middelen bank met garantstelling Provincie Noord-Brabant",
        partners=(PNB,),
    ),
    I(
        "Collectief zonnedaken Vorstengrafdonk",
        "project",
        OSS,
        NOB,
        (CIR,),
        ("klein", "middelgroot", "peloton"),
        "Ondernemers op bedrijventerrein Vorstengrafdonk leggen samen zonnepanelen op hun daken "
        "en delen de opgewekte stroom via een eigen energiecoöperatie. De gemeente betaalt de "
        "procesbegeleiding en een studie naar oplossingen voor netcongestie.",
        period=("2026-01-01", "2027-12-31"),
        budget=140_000,
        funding="Gemeente Oss",
        partners=(MLV,),
        municipalities=("Oss",),
    ),
    I(
        "Reststromenbeurs Agrifood",
        "evenementenreeks",
        AIH,
        NOB,
        (CIR, INN),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Twee keer per jaar ontmoeten producenten, verwerkers en afnemers elkaar om reststromen "
        "uit de voedingsindustrie te verhandelen, van bierbostel tot groenteschillen. Vooraf "
        "worden vraag en aanbod in een online marktplaats gezet.",
        period=("2023-10-01", None),
        partners=(ICV,),
        sectors="AC",
    ),
    I(
        "Circulair Bouwen Noordoost",
        "netwerk",
        BNO,
        NOB,
        (CIR, INN),
        ("klein", "middelgroot", "koploper"),
        "Netwerk van aannemers, installateurs en opdrachtgevers die ervaring opdoen met "
        "hergebruik van bouwmaterialen en biobased bouwen. Leden bezoeken elkaars projecten en "
        "bouwen samen aan een regionale materialenbank.",
        period=("2022-03-01", None),
        funding="Contributie leden en bijdrage Gemeente 's-Hertogenbosch",
        partners=(DB, HMK),
        sectors="F",
    ),
    I(
        "Subsidie duurzame investeringen Land van Cuijk",
        "regeling",
        LVC,
        NOB,
        (CIR, FIN),
        ("zzp", "micro", "klein"),
        "Subsidie van 30% (maximaal € 7.500) op investeringen in energiebesparing en circulaire "
        "bedrijfsvoering door kleine ondernemers. De regeling is gesloten nadat het budget "
        "volledig was benut.",
        status="afgerond",
        period=("2023-01-01", "2024-12-31"),
        budget=300_000,
        funding="Gemeente Land van Cuijk (klimaatfonds)",
        municipalities=("Land van Cuijk",),
        evidence="Het budget was in negentien maanden benut door 61 ondernemers; de helft had "
        "nooit eerder subsidie aangevraagd.",
        source="Evaluatie gemeente Land van Cuijk (2025)",
    ),
    I(
        "MVO-kring Heusden",
        "netwerk",
        HEU,
        NOB,
        (CIR, HUM),
        ("micro", "klein", "koploper", "peloton"),
        "Kring van ondernemers in Heusden die maatschappelijk verantwoord ondernemen in de "
        "praktijk brengen. Zes keer per jaar is er een bijeenkomst bij een van de leden, over "
        "onderwerpen als duurzaam inkopen, mobiliteit en inclusief werkgeverschap.",
        period=("2020-01-01", None),
        municipalities=("Heusden",),
    ),
    I(
        "Circulaire inkoop gemeenten Noordoost",
        "programma",
        DB,
        NOB,
        (CIR,),
        ("zzp", "micro", "klein", "middelgroot"),
        "De gemeenten van Noordoost-Brabant stellen bij hun inkoop circulaire eisen en geven "
        "lokale mkb-bedrijven met circulaire producten en diensten een eerlijke kans. "
        "Ondernemers krijgen uitleg over aanbestedingen en ontmoeten inkopers op een jaarlijkse "
        "marktdag.",
        period=("2024-01-01", "2027-12-31"),
        budget=210_000,
        funding="Gemeenten Noordoost-Brabant",
        partners=(OSS, MEI, LVC, MAA),
    ),
    I(
        "Pilot emissievrij transport Maasland",
        "project",
        OSS,
        NOB,
        (CIR,),
        ("klein", "middelgroot", "koploper"),
        "Transportbedrijven testen elektrische vrachtwagens en trucks op waterstof op "
        "regionale ritten. De pilot deelt de ervaringen met laadinfrastructuur, rijbereik en "
        "kosten met de hele sector.",
        status="gepland",
        period=("2027-03-01", "2029-02-28"),
        budget=1_100_000,
        funding="Provincie Noord-Brabant en deelnemende bedrijven",
        partners=(PNB,),
        sectors="H",
    ),
    I(
        "Vitale bedrijventerreinen Noordoost",
        "programma",
        PNB,
        NOB,
        (CIR, PRO),
        ("klein", "middelgroot"),
        "Parkmanagers van bedrijventerreinen krijgen ondersteuning bij gezamenlijke "
        "verduurzaming, beveiliging en bereikbaarheid. De provincie draagt bij aan de oprichting "
        "van ondernemersverenigingen per terrein en aan een gezamenlijke energieaanpak.",
        period=("2022-01-01", "2026-12-31"),
        budget=2_400_000,
        funding="Provincie Noord-Brabant",
        partners=(OMZ, OSS, MEI),
    ),
    I(
        "Recreatieondernemers De Maashorst",
        "netwerk",
        MAA,
        NOB,
        (CIR,),
        ("micro", "klein", "peloton"),
        "Recreatieondernemers rond natuurgebied De Maashorst werken samen aan duurzame "
        "arrangementen en gezamenlijke marketing. Het netwerk ontwikkelt een fietsroute langs "
        "streekproducenten en gastvrijheidsbedrijven.",
        period=("2023-04-01", None),
        partners=(BER,),
        municipalities=("Maashorst", "Bernheze"),
        sectors="IR",
    ),
    I(
        "Biobased proeftuin Land van Cuijk",
        "project",
        LVC,
        NOB,
        (CIR, INN),
        ("micro", "klein", "koploper", "peloton"),
        "Boeren in Land van Cuijk telen vezelgewassen zoals hennep en miscanthus en leveren die "
        "aan regionale bouw- en verpakkingsbedrijven. De proeftuin onderzoekt opbrengst, "
        "verwerking en verdienmodel voor de teler.",
        status="gepland",
        period=("2027-04-01", "2030-03-31"),
        budget=520_000,
        funding="Provincie Noord-Brabant en Gemeente Land van Cuijk",
        partners=(AIH, BNO),
        municipalities=("Land van Cuijk",),
        sectors="AF",
    ),
    I(
        "Ondernemersfonds Sint-Michielsgestel",
        "regeling",
        SMG,
        NOB,
        (CIR,),
        ("zzp", "micro", "klein"),
        "Ondernemers in de kernen van Sint-Michielsgestel dienen plannen in voor gezamenlijke "
        "projecten, zoals duurzame verlichting van het winkelgebied of een gezamenlijke "
        "website. Het fonds wordt gevuld uit een opslag op de onroerendezaakbelasting en "
        "beheerd door de ondernemers zelf.",
        period=("2021-01-01", None),
        budget=120_000,
        funding="Opslag onroerendezaakbelasting (ondernemersfonds)",
        municipalities=("Sint-Michielsgestel",),
    ),
    # --- Noordoost-Brabant: menselijk kapitaal ----------------------------------------------
    I(
        "Leven Lang Ontwikkelen Loket Noordoost",
        "loket",
        WSP,
        NOB,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Werkgevers en werkenden kunnen hier terecht met vragen over scholing, omscholing en "
        "subsidies voor opleidingen. Loopbaanadviseurs maken een ontwikkelplan en zoeken de "
        "passende opleiding bij ROC, hogeschool of een private aanbieder.",
        period=("2022-09-01", None),
        budget=380_000,
        funding="Gemeenten arbeidsmarktregio en UWV",
        partners=(ROCM, HMK),
        regions=(ARBEIDSMARKTREGIO_NOB,),
    ),
    I(
        "Zij-instromers in de techniek",
        "project",
        MNN,
        NOB,
        (HUM, PRO),
        ("klein", "middelgroot"),
        "Maakbedrijven werven samen zij-instromers uit andere sectoren en leiden hen in een jaar "
        "op tot operator of monteur. De deelnemers werken vanaf de eerste dag met een "
        "arbeidscontract en hebben een vaste leermeester.",
        period=("2024-02-01", "2026-12-31"),
        budget=560_000,
        funding="Sectorfonds metaal en ESF+",
        partners=(ROCM, WSP),
        regions=(ARBEIDSMARKTREGIO_NOB,),
        sectors="C",
        evidence="Van de eerste lichting van 34 zij-instromers was 85% na een jaar nog in dienst.",
        source="Monitor Maakindustrie Netwerk Noordoost (2025)",
    ),
    I(
        "Stagemarkt Noordoost",
        "evenementenreeks",
        HMK,
        NOB,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Jaarlijkse matchmaking tussen studenten van mbo en hbo en bedrijven uit de regio die "
        "een stage- of afstudeerplek bieden. Kleine bedrijven krijgen vooraf een workshop over "
        "goed stagebegeleiderschap.",
        period=("2019-02-01", None),
        partners=(ROCM,),
    ),
    I(
        "Werkgeversvoucher Inclusief Werken",
        "regeling",
        DB,
        NOB,
        (HUM,),
        ("micro", "klein", "middelgroot", "peloton"),
        "Werkgevers die iemand met een afstand tot de arbeidsmarkt aannemen, krijgen een "
        "voucher van € 2.500 voor begeleiding op de werkvloer of een aanpassing van de "
        "werkplek. De voucher is te combineren met loonkostensubsidie.",
        period=("2025-01-01", "2026-12-31"),
        budget=400_000,
        funding="Gemeenten arbeidsmarktregio Noordoost-Brabant",
        partners=(WSP,),
        regions=(ARBEIDSMARKTREGIO_NOB,),
    ),
    I(
        "Bouwacademie Uden",
        "project",
        BNO,
        NOB,
        (HUM,),
        ("micro", "klein"),
        "Bouwbedrijven leiden samen leerlingen op in een gedeelde leerwerkplaats in Uden. De "
        "academie verzorgt de theorie en begeleidt de leermeesters in de bedrijven, zodat ook "
        "kleine aannemers een leerling kunnen aannemen.",
        period=("2021-08-01", None),
        budget=210_000,
        funding="Opleidingsfonds bouw en Gemeente Maashorst",
        partners=(ROCM, MAA),
        municipalities=("Maashorst",),
        sectors="F",
    ),
    I(
        "HR-kring kleine werkgevers",
        "netwerk",
        MLV,
        NOB,
        (HUM,),
        ("micro", "klein", "peloton", "achterblijver"),
        "Ondernemers zonder eigen HR-afdeling wisselen ervaringen uit over werven, verzuim en "
        "het behouden van personeel. Een HR-adviseur begeleidt de bijeenkomsten en beantwoordt "
        "tussendoor vragen.",
        period=("2023-01-01", None),
        funding="Contributie leden",
        municipalities=("Oss", "Bernheze", "Maashorst"),
    ),
    I(
        "Gastvrijheidsacademie Den Bosch",
        "project",
        HOM,
        NOB,
        (HUM,),
        ("micro", "klein"),
        "Opleidingstraject voor medewerkers in horeca en toerisme: gastheerschap, hygiëne en "
        "leidinggeven. Medewerkers volgen de lessen in een leerrestaurant in de binnenstad.",
        period=("2024-09-01", "2027-08-31"),
        budget=175_000,
        funding="Sectorfonds horeca en Gemeente 's-Hertogenbosch",
        partners=(ROCM, DB),
        municipalities=("'s-Hertogenbosch",),
        sectors="I",
    ),
    I(
        "Hybride docenten techniek",
        "project",
        ROCM,
        NOB,
        (HUM,),
        ("klein", "middelgroot"),
        "Vakmensen uit het bedrijfsleven geven een of twee dagen per week les op het ROC, zodat "
        "studenten leren van de actuele praktijk en het lerarentekort afneemt. Bedrijven houden "
        "hun medewerker en bouwen tegelijk aan hun toekomstige personeel.",
        period=("2025-08-01", "2028-07-31"),
        budget=300_000,
        funding="Regionaal Investeringsfonds mbo",
        partners=(MNN,),
        sectors="C",
    ),
    I(
        "Servicepunt internationale kenniswerkers",
        "loket",
        DB,
        NOB,
        (HUM, INT),
        ("klein", "middelgroot"),
        "Servicepunt voor bedrijven die internationale kenniswerkers aantrekken: hulp bij "
        "verblijfsvergunningen, huisvesting en de komst van het gezin. Het servicepunt "
        "organiseert ook ontmoetingen voor expats en hun partners.",
        period=("2022-05-01", None),
        funding="Gemeente 's-Hertogenbosch en deelnemende werkgevers",
        partners=(DCS, EBN),
    ),
    I(
        "Taal op de werkvloer",
        "project",
        OSS,
        NOB,
        (HUM, PRO),
        ("micro", "klein", "middelgroot", "achterblijver"),
        "Werkgevers krijgen ondersteuning om medewerkers met een taalachterstand tijdens "
        "werktijd Nederlands te laten leren. Taaldocenten geven les op de werkplek, afgestemd "
        "op de woorden en situaties uit het eigen werk.",
        period=("2024-01-01", "2026-12-31"),
        budget=190_000,
        funding="Gemeente Oss en ESF+",
        partners=(ROCM,),
        municipalities=("Oss", "Bernheze"),
        evidence="Leidinggevenden zagen bij 70% van de deelnemers minder fouten in het werk "
        "en betere communicatie over veiligheid.",
        source="Evaluatie Taal op de werkvloer, Gemeente Oss (2025)",
    ),
    I(
        "Werkplaats Bernheze Werkt",
        "netwerk",
        BER,
        NOB,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Lokaal werkgeversnetwerk dat vraag en aanbod op de arbeidsmarkt dichter bij elkaar "
        "brengt. Bedrijven delen vacatures, stageplaatsen en opleidingen, en nemen samen "
        "werkzoekenden uit Heesch, Heeswijk-Dinther en Nistelrode aan.",
        period=("2022-10-01", None),
        partners=(BKB, WSP),
        municipalities=("Bernheze",),
    ),
    I(
        "Sociaal ondernemen Noordoost",
        "netwerk",
        EBN,
        NOB,
        (STA, HUM),
        ("zzp", "micro", "klein", "starter"),
        "Netwerk en kennisprogramma voor sociale ondernemingen die mensen met een afstand tot de "
        "arbeidsmarkt een plek geven. Leden delen ervaringen over verdienmodellen, begeleiding "
        "op de werkvloer en samenwerking met gemeenten.",
        period=("2023-06-01", None),
        partners=(DB, OSS),
    ),
    # --- Noordoost-Brabant: innovatie -------------------------------------------------------
    I(
        "Innovatievoucher Noordoost-Brabant",
        "regeling",
        OMZ,
        NOB,
        (INN,),
        ("micro", "klein", "middelgroot", "koploper", "peloton"),
        "Voucher van maximaal € 10.000 waarmee een mkb-bedrijf kennis inkoopt bij een "
        "hogeschool, universiteit of kennisinstelling. De voucher dekt de helft van de kosten "
        "van een haalbaarheidsonderzoek of een eerste prototype.",
        period=("2023-01-01", "2026-12-31"),
        budget=1_200_000,
        funding="Provincie Noord-Brabant",
        partners=(PNB, HMK),
        evidence="Een op de drie voucherprojecten leidde binnen twee jaar tot een nieuw "
        "product of proces op de markt.",
        source="Evaluatie innovatievouchers Noordoost-Brabant (2024)",
    ),
    I(
        "Proeffabriek Voedselinnovatie Veghel",
        "project",
        ICV,
        NOB,
        (INN,),
        ("klein", "middelgroot", "koploper"),
        "Een gedeelde proeffabriek waar voedingsbedrijven nieuwe recepten en "
        "verwerkingsprocessen op kleine schaal testen voordat zij investeren in een eigen "
        "productielijn. Technici van de campus begeleiden de proeven.",
        period=("2024-06-01", "2028-05-31"),
        budget=3_400_000,
        funding="EFRO, Provincie Noord-Brabant en Gemeente Meierijstad",
        partners=(AIH, MEI),
        municipalities=("Meierijstad",),
        sectors="C",
    ),
    I(
        "Innovatiemakelaars Noordoost",
        "loket",
        OMZ,
        NOB,
        (INN, FIN),
        ("micro", "klein", "middelgroot", "koploper", "peloton"),
        "Innovatiemakelaars bezoeken ondernemers met een vernieuwend idee en brengen hen in "
        "contact met kennispartners, financiers en subsidieregelingen. De ondersteuning is "
        "kosteloos en onafhankelijk.",
        period=("2021-01-01", None),
        funding="Provincie Noord-Brabant",
    ),
    I(
        "Smart Industry Hub Oss",
        "netwerk",
        MNN,
        NOB,
        (INN, PRO, DIG),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Maakbedrijven delen in een fieldlab ervaringen met robotisering, 3D-printen en slimme "
        "productieplanning. Bedrijven kunnen er apparatuur testen voordat zij investeren en "
        "volgen masterclasses van koplopers uit de regio.",
        period=("2022-04-01", None),
        budget=750_000,
        funding="Gemeente Oss, Provincie Noord-Brabant en deelnemende bedrijven",
        partners=(OSS, HMK),
        municipalities=("Oss",),
        sectors="C",
    ),
    I(
        "Innovatieprijs Noordoost-Brabant",
        "evenementenreeks",
        EBN,
        NOB,
        (INN,),
        ("koploper",),
        "Jaarlijkse prijs voor het meest vernieuwende mkb-bedrijf uit de regio, met categorieën "
        "voor jonge bedrijven, maakindustrie en agrifood. Finalisten krijgen een "
        "coachingstraject en presenteren zich op het regionale innovatiecongres.",
        period=("2019-01-01", None),
        funding="Sponsoring en Economic Board",
        partners=(RMM, OMZ),
    ),
    I(
        "Praktijkgericht onderzoek op maat",
        "instrument",
        HMK,
        NOB,
        (INN,),
        ("micro", "klein", "peloton"),
        "Lectoraten van de hogeschool voeren met studenten kleine onderzoeksopdrachten uit voor "
        "mkb-bedrijven, van materiaalproeven tot klantonderzoek. Het bedrijf betaalt alleen de "
        "materiaalkosten; een opdracht loopt mee in een onderwijsperiode van twintig weken.",
        period=("2020-09-01", None),
    ),
    I(
        "Bedrijfsbezoeken Bedrijvenkring Bernheze",
        "evenementenreeks",
        BKB,
        NOB,
        (INN, PRO),
        ("micro", "klein", "peloton"),
        "Maandelijks bezoek aan een lidbedrijf, met een rondleiding en een gesprek over een "
        "actuele uitdaging zoals automatisering of het personeelstekort. Na afloop schuiven "
        "leden aan bij een korte intervisie.",
        period=("2015-01-01", None),
        funding="Contributie leden",
        municipalities=("Bernheze",),
    ),
    # --- Noordoost-Brabant: financiering ----------------------------------------------------
    I(
        "Starterskrediet 's-Hertogenbosch",
        "instrument",
        DB,
        NOB,
        (FIN, STA),
        ("zzp", "micro", "starter"),
        "Lening tot € 35.000 voor startende ondernemers die bij de bank niet of niet volledig "
        "terechtkunnen. Bij de lening hoort een jaar begeleiding door een ervaren coach.",
        period=("2020-01-01", None),
        budget=750_000,
        funding="Revolverend fonds Gemeente 's-Hertogenbosch",
        partners=(GMD,),
        municipalities=("'s-Hertogenbosch",),
    ),
    I(
        "Financieringstafel Noordoost",
        "evenementenreeks",
        RMM,
        NOB,
        (FIN,),
        ("micro", "klein", "middelgroot", "groei"),
        "Ondernemers met een financieringsvraag presenteren hun plan aan een tafel van banken, "
        "crowdfundingplatforms, het groeifonds en de ontwikkelingsmaatschappij. Binnen een "
        "maand krijgen zij een gezamenlijk advies over de beste financieringsmix.",
        period=("2022-01-01", None),
        partners=(GMD, OMZ),
        evidence="Van de 96 ondernemers die hun plan presenteerden, rondde 62% binnen een half "
        "jaar de financiering af.",
        source="Jaaroverzicht Financieringstafel Noordoost (2025)",
    ),
    I(
        "Participatiefonds Noordoost",
        "instrument",
        OMZ,
        NOB,
        (FIN, INN),
        ("klein", "middelgroot", "groei", "koploper"),
        "Risicokapitaal en achtergestelde leningen van € 250.000 tot € 2 miljoen voor "
        "snelgroeiende innovatieve bedrijven. De ontwikkelingsmaatschappij neemt een "
        "minderheidsbelang en ondersteunt het management bij verdere groei.",
        period=("2021-07-01", "2031-06-30"),
        budget=25_000_000,
        funding="Provincie Noord-Brabant en EFRO",
        partners=(PNB,),
    ),
    I(
        "Financieel Fit Ondernemen",
        "project",
        MAA,
        NOB,
        (FIN,),
        ("zzp", "micro", "achterblijver"),
        "Vroegsignalering van financiële problemen: ondernemers die achterlopen met "
        "gemeentelijke belastingen of huur krijgen een gesprek met een vrijwillige coach "
        "aangeboden. Samen wordt gekeken naar schulden, een herstelplan en zo nodig de "
        "Bbz-regeling.",
        period=("2024-01-01", "2026-12-31"),
        budget=90_000,
        funding="Gemeente Maashorst",
        partners=(OKM,),
        municipalities=("Maashorst",),
        evidence="In 2025 werden 112 ondernemers bereikt; volgens de coaches is bij 40% een "
        "faillissement voorkomen.",
        source="Gemeente Maashorst, monitor Financieel Fit (2025)",
    ),
    I(
        "Crowdfunding met gemeentelijke bijdrage",
        "regeling",
        BER,
        NOB,
        (FIN, STA),
        ("zzp", "micro", "starter", "groei"),
        "Ondernemers die via een crowdfundingplatform geld ophalen, krijgen een gemeentelijke "
        "bijdrage van 10% zodra ten minste de helft van het doelbedrag is opgehaald bij mensen "
        "uit de eigen omgeving. Zo versterkt de regeling ook de band tussen ondernemer en "
        "dorp.",
        status="gepland",
        period=("2027-01-01", "2028-12-31"),
        budget=60_000,
        funding="Gemeente Bernheze",
        municipalities=("Bernheze",),
    ),
    I(
        "Groeiversneller Noordoost",
        "programma",
        OMZ,
        NOB,
        (FIN, PRO),
        ("klein", "middelgroot", "groei"),
        "Programma voor bedrijven met tien tot honderd medewerkers die hard groeien. Een jaar "
        "lang werken de directeuren met een ervaren ondernemer als sparringpartner aan "
        "strategie, organisatie en financiering.",
        period=("2022-09-01", None),
        budget=800_000,
        funding="Provincie Noord-Brabant en deelnemersbijdragen",
        partners=(EBN, RMM),
        evidence="Deelnemers groeiden in twee jaar gemiddeld 24% in omzet, tegen 9% in een "
        "vergelijkbare groep bedrijven.",
        source="Effectmeting Groeiversneller, onafhankelijk onderzoeksbureau (2025)",
    ),
    # --- Noordoost-Brabant: internationalisering --------------------------------------------
    I(
        "Exportlunches Maasland",
        "evenementenreeks",
        RMM,
        NOB,
        (INT,),
        ("klein", "middelgroot"),
        "Maandelijkse bijeenkomsten over exporteren naar Duitsland en België, tijdens een "
        "zakelijke lunch bij de bank. Ervaren exporteurs vertellen over hun praktijk.",
        period=("2024-01-01", None),
        municipalities=("Oss", "Maashorst", "Bernheze"),
    ),
    I(
        "Handelsmissie Noordrijn-Westfalen",
        "project",
        PNB,
        NOB,
        (INT,),
        ("klein", "middelgroot", "groei"),
        "Jaarlijkse handelsmissie voor agrifood- en maakbedrijven naar Noordrijn-Westfalen. "
        "Deelnemers krijgen vooraf een marktscan en ter plaatse een programma met afspraken bij "
        "mogelijke afnemers.",
        period=("2023-01-01", "2026-12-31"),
        budget=90_000,
        funding="Provincie Noord-Brabant en eigen bijdrage deelnemers",
        partners=(OMZ, KVK),
        sectors="AC",
    ),
    I(
        "Exportcoach voedingsbedrijven",
        "loket",
        AIH,
        NOB,
        (INT, INN),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Een coach helpt voedingsbedrijven bij de eerste stappen op een buitenlandse markt: "
        "certificering, etikettering en het vinden van distributeurs. Per bedrijf zijn er "
        "maximaal vijf gesprekken.",
        period=("2024-09-01", None),
        partners=(OMZ,),
        sectors="C",
    ),
    I(
        "Zakendoen over de grens",
        "evenementenreeks",
        OKL,
        NOB,
        (INT,),
        ("micro", "klein"),
        "Workshops over zakendoen in Duitsland, samen met de Duitse Kamer van Koophandel: "
        "contracten, btw en zakelijke cultuur. Land van Cuijk grenst aan Duitsland, en veel "
        "ondernemers hebben daar al klanten zonder er gericht werk van te maken.",
        status="afgerond",
        period=("2023-09-01", "2024-06-30"),
        budget=22_000,
        funding="Gemeente Land van Cuijk en Interreg",
        partners=(LVC, KVK),
        municipalities=("Land van Cuijk",),
    ),
    I(
        "Exportacademie Noordoost",
        "programma",
        OMZ,
        NOB,
        (INT,),
        ("klein", "middelgroot", "groei"),
        "Een jaarprogramma voor bedrijven die serieus willen gaan exporteren: een onderbouwde "
        "marktkeuze, een exportplan en begeleiding bij de eerste handelsmissie. Deelnemers "
        "kunnen daarnaast een exportvoucher aanvragen voor advies en beurzen.",
        period=("2025-01-01", "2027-12-31"),
        budget=420_000,
        funding="Provincie Noord-Brabant",
        partners=(PNB, RVO),
    ),
    # --- Noordoost-Brabant: arbeidsproductiviteit -------------------------------------------
    I(
        "Lean leerkring maakindustrie",
        "netwerk",
        MNN,
        NOB,
        (PRO,),
        ("klein", "middelgroot", "peloton"),
        "Productieleiders van maakbedrijven leren van elkaar hoe zij verspilling verminderen met "
        "lean-methoden. Elke bijeenkomst vindt plaats op de werkvloer van een deelnemend "
        "bedrijf, waar de groep een verbeteropdracht uitvoert.",
        period=("2021-09-01", None),
        funding="Contributie leden",
        sectors="C",
        evidence="Deelnemende bedrijven melden na één jaar gemiddeld 11% kortere doorlooptijden.",
        source="Enquête onder deelnemers Lean leerkring (2025)",
    ),
    I(
        "Slimmer werken in de horeca",
        "project",
        HOM,
        NOB,
        (PRO, DIG),
        ("micro", "klein", "achterblijver"),
        "Horecabedrijven krijgen hulp bij roosteren, digitale kassasystemen en het slim "
        "inrichten van keuken en bediening, zodat zij met minder personeel dezelfde "
        "gastvrijheid bieden. Een adviseur bezoekt elk bedrijf drie keer.",
        period=("2025-03-01", "2026-12-31"),
        budget=130_000,
        funding="Gemeente 's-Hertogenbosch en Gemeente Vught",
        partners=(DB, VUG),
        municipalities=("'s-Hertogenbosch", "Vught"),
        sectors="I",
    ),
    I(
        "Robotiseringsscan",
        "instrument",
        ICV,
        NOB,
        (PRO,),
        ("klein", "middelgroot", "peloton"),
        "Een technisch adviseur onderzoekt in één dag welke handelingen in de productie zich "
        "lenen voor automatisering of een cobot, en wat dat kost en oplevert. Het rapport is "
        "een goede basis voor een aanvraag bij de Voucherregeling Slim Produceren.",
        period=("2024-01-01", None),
        funding="Provincie Noord-Brabant",
        partners=(PNB,),
        sectors="C",
    ),
    I(
        "Programma Hogere Productiviteit Noordoost",
        "programma",
        EBN,
        NOB,
        (PRO, HUM),
        ("klein", "middelgroot", "peloton", "achterblijver"),
        "Regionaal programma dat bedrijven helpt productiever te werken door slimmer te "
        "organiseren, medewerkers te laten meedenken en gericht te investeren in technologie. "
        "Het bundelt de regelingen van gemeenten, provincie en ontwikkelingsmaatschappij in één "
        "aanpak, met een vaste procesbegeleider per bedrijf.",
        period=("2025-01-01", "2028-12-31"),
        budget=1_800_000,
        funding="Regio Deal Noordoost-Brabant",
        partners=(OMZ, PNB, MNN),
    ),
    # --- Noordoost-Brabant: bedrijfsopvolging -----------------------------------------------
    I(
        "Overnamecafé Noordoost",
        "evenementenreeks",
        SFB,
        NOB,
        (OPV,),
        ("micro", "klein", "overname"),
        "Informele avonden voor ondernemers die hun bedrijf willen overdragen en voor "
        "kandidaat-opvolgers. Een notaris, een accountant en een bank beantwoorden vragen, en "
        "ondernemers vertellen hoe hun eigen overdracht verliep.",
        period=("2022-02-01", None),
        partners=(KVK, RMM),
    ),
    I(
        "Opvolgingsscan familiebedrijven",
        "instrument",
        SFB,
        NOB,
        (OPV,),
        ("klein", "middelgroot", "overname"),
        "Een gestructureerd gesprek met de familie over eigendom, leiding en verwachtingen, "
        "onder leiding van een gecertificeerde familiebedrijfadviseur. Het resultaat is een "
        "opvolgingsplan met een tijdpad.",
        period=("2023-01-01", None),
        budget=45_000,
        funding="Provincie Noord-Brabant",
    ),
    I(
        "Bedrijfsoverdracht in de landbouw",
        "project",
        BOE,
        NOB,
        (OPV, CIR),
        ("micro", "klein", "overname"),
        "Boerenbedrijven worden begeleid bij de overdracht aan de volgende generatie of aan een "
        "nieuwe ondernemer van buiten de familie. Daarbij is er aandacht voor verduurzaming en "
        "voor het perspectief van het bedrijf bij strengere stikstofregels.",
        period=("2024-04-01", "2027-03-31"),
        budget=260_000,
        funding="Provincie Noord-Brabant en deelnemende gemeenten",
        partners=(AIH, MEI, MAA),
        municipalities=("Boekel", "Meierijstad", "Maashorst", "Land van Cuijk"),
        sectors="A",
    ),
    I(
        "Overnameloket Noordoost-Brabant",
        "loket",
        OKM,
        NOB,
        (OPV,),
        ("zzp", "micro", "klein", "overname"),
        "Oud-ondernemers begeleiden als vrijwillig mentor ondernemers die hun bedrijf willen "
        "verkopen of overnemen. Zij helpen met de waardering, het zoeken naar een koper en de "
        "voorbereiding op gesprekken met bank en notaris.",
        period=("2020-01-01", None),
        funding="Donaties en bijdrage gemeenten",
    ),
    I(
        "Overnamefinanciering",
        "instrument",
        GMD,
        NOB,
        (OPV, FIN),
        ("micro", "klein", "overname"),
        "Achtergestelde lening voor kandidaat-opvolgers die een bestaand bedrijf overnemen en "
        "net te weinig eigen vermogen hebben. De lening overbrugt het verschil tussen de "
        "koopsom en wat de bank financiert, tot maximaal € 150.000.",
        period=("2022-01-01", None),
        budget=2_000_000,
        funding="Revolverend fonds, gevuld door gemeenten en provincie",
        partners=(RMM,),
    ),
    I(
        "Next Generation familiebedrijven",
        "netwerk",
        SFB,
        NOB,
        (OPV, HUM),
        ("klein", "middelgroot", "overname", "groei"),
        "Intervisiegroep voor de volgende generatie in familiebedrijven. Jonge opvolgers "
        "wisselen ervaringen uit over leidinggeven aan oudere medewerkers, samenwerken met "
        "broers en zussen en vernieuwen zonder de traditie te verliezen.",
        period=("2024-01-01", None),
        funding="Contributie leden",
    ),
    # --- Noordoost-Brabant: ondernemerschap en starters -------------------------------------
    I(
        "Startersprogramma Meierijstad",
        "programma",
        MEI,
        NOB,
        (STA,),
        ("zzp", "micro", "starter"),
        "Een halfjaarprogramma voor startende ondernemers met workshops over het "
        "ondernemingsplan, marketing en belastingen, en een persoonlijke mentor. Het programma "
        "sluit af met een pitch voor lokale ondernemers.",
        period=("2023-02-01", None),
        budget=70_000,
        funding="Gemeente Meierijstad",
        partners=(KVK, OKM),
        municipalities=("Meierijstad",),
        evidence="Na drie jaar staat 81% van de deelnemers nog ingeschreven als ondernemer.",
        source="Gemeente Meierijstad, evaluatie Startersprogramma (2026)",
    ),
    I(
        "Broedplaats Binnenstad 's-Hertogenbosch",
        "project",
        DB,
        NOB,
        (STA,),
        ("zzp", "micro", "starter"),
        "Leegstaande winkelpanden in de binnenstad worden tegen een lage huur verhuurd aan "
        "startende ondernemers in retail, ambacht en creatieve dienstverlening. Na twee jaar "
        "verhuizen zij naar een regulier pand.",
        period=("2022-06-01", None),
        budget=180_000,
        funding="Gemeente 's-Hertogenbosch en vastgoedeigenaren",
        municipalities=("'s-Hertogenbosch",),
        sectors="GR",
    ),
    I(
        "Studentondernemers Hogeschool Maaskant",
        "programma",
        HMK,
        NOB,
        (STA, INN),
        ("zzp", "starter", "koploper"),
        "Studenten die naast hun studie een bedrijf beginnen, krijgen een werkplek, coaching en "
        "toegang tot het netwerk van de hogeschool. Ondernemen telt mee als minor.",
        period=("2018-09-01", None),
    ),
    I(
        "Zzp-spreekuur Vught",
        "loket",
        VUG,
        NOB,
        (STA,),
        ("zzp", "starter", "groei"),
        "Elke eerste dinsdag van de maand kunnen zzp'ers in het gemeentehuis terecht voor een "
        "gratis gesprek met een ondernemerscoach over acquisitie, tarieven, verzekeringen en "
        "arbeidsrelaties. Wie dat wil, krijgt daarna een vrijwillige mentor.",
        period=("2024-03-01", None),
        municipalities=("Vught",),
    ),
    I(
        "Herstart na faillissement",
        "project",
        OKM,
        NOB,
        (STA, FIN),
        ("zzp", "micro", "starter"),
        "Begeleiding van ondernemers die na een faillissement of bedrijfsbeëindiging opnieuw "
        "willen beginnen. Een coach helpt met het verwerken van de ervaring, een realistisch "
        "nieuw plan en het herstel van de relatie met financiers.",
        status="gestopt",
        period=("2022-01-01", "2024-06-30"),
        budget=55_000,
        funding="Bijdrage gemeenten Oss en Maashorst",
        partners=(OSS, MAA),
    ),
    I(
        "Starterscollectief Land van Cuijk",
        "netwerk",
        OKL,
        NOB,
        (STA,),
        ("zzp", "micro", "starter"),
        "Startende ondernemers uit Cuijk, Boxmeer, Grave en de dorpen daaromheen ontmoeten "
        "elkaar iedere maand. Zij leren van elkaar en van ervaren leden van de ondernemerskring, "
        "die als buddy optreden.",
        period=("2023-01-01", None),
        municipalities=("Land van Cuijk",),
    ),
    I(
        "Bedrijvencontactfunctionaris Boxtel",
        "loket",
        BOX,
        NOB,
        (STA, FIN),
        ("zzp", "micro", "klein", "starter", "groei"),
        "Vast aanspreekpunt in de gemeente voor alle ondernemers in Boxtel: vergunningen, "
        "huisvesting, evenementen en contact met andere overheden. De "
        "bedrijvencontactfunctionaris bezoekt jaarlijks zestig bedrijven.",
        period=("2017-01-01", None),
        municipalities=("Boxtel",),
    ),
    I(
        "Retailaanpak Heusden",
        "programma",
        HEU,
        NOB,
        (DIG, STA),
        ("zzp", "micro", "klein"),
        "Samen met winkeliers en vastgoedeigenaren werkt de gemeente aan levendige centra in "
        "Drunen, Vlijmen en Heusden-vesting: gerichte acquisitie, online zichtbaarheid van het "
        "winkelaanbod en hulp bij nieuwe winkelconcepten. Winkeliers betalen mee via een "
        "ondernemersfonds.",
        period=("2024-01-01", "2027-12-31"),
        budget=240_000,
        funding="Gemeente Heusden",
        municipalities=("Heusden",),
        sectors="G",
    ),
    I(
        "Vrouwen in Bedrijf Noordoost",
        "netwerk",
        MLV,
        NOB,
        (STA,),
        ("zzp", "micro", "starter", "groei"),
        "Netwerk voor vrouwelijke ondernemers in Noordoost-Brabant. Het netwerk organiseert "
        "intervisiegroepen, een jaarlijks congres en een mentorprogramma voor wie net begonnen "
        "is.",
        period=("2021-03-01", None),
        funding="Contributie leden en sponsoring",
    ),
    I(
        "Ondernemen met een arbeidsbeperking",
        "loket",
        BOX,
        NOB,
        (STA,),
        ("zzp", "starter"),
        "Begeleiding voor mensen met een arbeidsbeperking of chronische ziekte die een eigen "
        "bedrijf willen beginnen. Een gespecialiseerde coach helpt bij het ondernemingsplan, "
        "aanpassingen en het combineren met een uitkering.",
        period=("2025-04-01", None),
        budget=40_000,
        funding="Gemeenten Boxtel, Sint-Michielsgestel en Vught",
        partners=(SMG, VUG),
        municipalities=("Boxtel", "Sint-Michielsgestel", "Vught"),
    ),
    # --- Zuid-Holland: digitalisering -------------------------------------------------------
    I(
        "Digitale Kansen Drechtsteden",
        "programma",
        DOR,
        ZH,
        (DIG,),
        ("micro", "klein", "peloton", "achterblijver"),
        "Ondernemers in de Drechtsteden krijgen een digitale quickscan en een half jaar "
        "begeleiding door een digicoach bij het kiezen en invoeren van software. Het programma "
        "richt zich bewust op bedrijven die nog weinig gedigitaliseerd zijn.",
        period=("2024-09-01", "2027-08-31"),
        budget=520_000,
        funding="Gemeenten Drechtsteden en Provincie Zuid-Holland",
        partners=(OVD, ROCD),
        municipalities=DRECHTSTEDEN,
    ),
    I(
        "Cybersecurityspreekuur Rotterdam",
        "loket",
        ROT,
        ZH,
        (DIG,),
        ("zzp", "micro", "klein"),
        "Ondernemers kunnen een gratis gesprek aanvragen met een cybersecurityspecialist na een "
        "incident of bij twijfel over de beveiliging van hun systemen. Studenten van de "
        "hogeschool voeren daarnaast een eenvoudige kwetsbaarheidsscan uit op de website van "
        "het bedrijf.",
        period=("2023-10-01", None),
        budget=110_000,
        funding="Gemeente Rotterdam",
        partners=(HRS,),
        municipalities=("Rotterdam",),
    ),
    I(
        "Datagedreven tuinbouw",
        "project",
        TNW,
        ZH,
        (DIG, INN),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Tuinders delen klimaat- en teeltdata in een gezamenlijk platform en leren met "
        "algoritmes de klimaatregeling van hun kas te verbeteren. Het project onderzoekt ook "
        "wie eigenaar is van de data en hoe kleinere telers kunnen aanhaken.",
        period=("2024-01-01", "2026-12-31"),
        budget=1_350_000,
        funding="Provincie Zuid-Holland, Topsector Tuinbouw en deelnemende bedrijven",
        partners=(DWD, WES),
        municipalities=("Westland", "Lansingerland", "Midden-Delfland"),
        sectors="A",
    ),
    I(
        "E-commerce-academie Leiden",
        "evenementenreeks",
        LEI,
        ZH,
        (DIG,),
        ("zzp", "micro", "klein"),
        "Een reeks van acht praktijkavonden voor winkeliers en ambachtelijke producenten in "
        "Leiden die online willen gaan verkopen. Tussen de avonden door werken deelnemers aan "
        "hun eigen webwinkel, met hulp van studenten.",
        status="afgerond",
        period=("2024-02-01", "2024-11-30"),
        budget=35_000,
        funding="Gemeente Leiden",
        partners=(UOL,),
        municipalities=("Leiden",),
        sectors="G",
    ),
    I(
        "Digitaliseringsvoucher mkb Zuid-Holland",
        "regeling",
        PZH,
        ZH,
        (DIG, PRO),
        ("micro", "klein", "middelgroot", "peloton"),
        "Subsidie van 50% van de kosten, tot € 12.500, voor advies over en invoering van "
        "digitale toepassingen die de productiviteit verhogen, zoals een ERP-systeem, "
        "planningssoftware of koppelingen tussen systemen. Er zijn twee aanvraagrondes per "
        "jaar; bij overtekening wordt geloot.",
        period=("2024-01-01", "2027-12-31"),
        budget=3_000_000,
        funding="Provincie Zuid-Holland",
        partners=(OMW,),
        evidence="In de eerste ronde vroegen 540 bedrijven een voucher aan; 82% zegt dat de "
        "investering zonder voucher later of kleiner was geweest.",
        source="Monitor digitaliseringsvoucher Provincie Zuid-Holland (2025)",
    ),
    I(
        "Data-academie voor mkb-managers",
        "evenementenreeks",
        DWD,
        ZH,
        (DIG,),
        ("klein", "middelgroot", "koploper", "peloton"),
        "In vijf bijeenkomsten leren leidinggevenden uit het mkb wat zij met hun bedrijfsdata "
        "kunnen, van dashboards tot eenvoudige voorspellingen. Elke deelnemer werkt een eigen "
        "vraagstuk uit.",
        period=("2025-09-01", None),
        budget=60_000,
        funding="Deelnemersbijdragen en Provincie Zuid-Holland",
        partners=(HHO,),
    ),
    I(
        "Digitale fitheid voor medewerkers",
        "programma",
        TPR,
        ZH,
        (DIG, HUM),
        ("klein", "middelgroot", "achterblijver"),
        "Medewerkers in productie, logistiek en onderhoud volgen korte modules over werken met "
        "tablets, digitale werkinstructies en veilig omgaan met data. Werkgevers kiezen de "
        "modules die bij hun bedrijf passen; de lessen worden op locatie gegeven.",
        period=("2025-01-01", "2027-12-31"),
        budget=430_000,
        funding="ESF+ en werkgeversbijdragen",
        partners=(ROCD, HRS),
        regions=("Groot-Rijnmond",),
    ),
    # --- Zuid-Holland: circulaire economie en verduurzaming ----------------------------------
    I(
        "Warmte en reststromen delen in de glastuinbouw",
        "project",
        TNW,
        ZH,
        (CIR,),
        ("klein", "middelgroot", "koploper"),
        "Glastuinbouwbedrijven in het Westland delen warmte en reststromen in een circulaire "
        "keten, van restwarmte tot plantresten. Tuinders met een overschot aan warmte leveren "
        "aan buren die warmte vragen.",
        period=("2025-01-01", "2027-12-31"),
        budget=640_000,
        funding="Provincie Zuid-Holland en deelnemende bedrijven",
        municipalities=("Westland",),
        sectors="A",
    ),
    I(
        "Circulaire haven Rotterdam",
        "programma",
        HPR,
        ZH,
        (CIR, INN),
        ("klein", "middelgroot", "koploper"),
        "Havenbedrijven en mkb-toeleveranciers ontwikkelen samen ketens voor hergebruik van "
        "plastics, metalen en bouwmaterialen. Het programma koppelt bedrijven met een reststroom "
        "aan bedrijven die deze als grondstof kunnen gebruiken.",
        period=("2023-01-01", "2027-12-31"),
        budget=2_200_000,
        funding="Gemeente Rotterdam, Havenbedrijf en EFRO",
        partners=(ROT, OMW),
        regions=("Groot-Rijnmond",),
        sectors="CEH",
    ),
    I(
        "Energiebesparing in Haagse winkelstraten",
        "project",
        DH,
        ZH,
        (CIR,),
        ("zzp", "micro", "achterblijver"),
        "Energieadviseurs gaan langs winkels en horeca in Haagse winkelstraten om eenvoudige "
        "besparingen te realiseren, zoals ledverlichting, deurdrangers en het goed afstellen "
        "van koelingen. Kleine maatregelen worden direct uitgevoerd en uit het project betaald.",
        period=("2023-03-01", "2026-12-31"),
        budget=900_000,
        funding="Gemeente Den Haag (klimaatfonds)",
        municipalities=("'s-Gravenhage",),
        sectors="GI",
        evidence="In 2024 werden 860 ondernemers bezocht; de gemiddelde besparing was "
        "1.900 kWh per bedrijf per jaar.",
        source="Gemeente Den Haag, evaluatie Energiebesparing winkelstraten (2025)",
    ),
    I(
        "Biobased bouwen Groene Hart",
        "netwerk",
        ALP,
        ZH,
        (CIR, INN),
        ("klein", "middelgroot", "koploper"),
        "Aannemers, boeren en gemeenten in het Groene Hart werken aan bouwmaterialen uit lokale "
        "gewassen zoals vlas, olifantsgras en lisdodde. Het netwerk organiseert praktijkdagen en "
        "brengt telers in contact met verwerkers en bouwbedrijven.",
        period=("2024-05-01", None),
        partners=(BKA, GOU),
        municipalities=("Alphen aan den Rijn", "Gouda", "Bodegraven-Reeuwijk", "Krimpenerwaard"),
        sectors="AF",
    ),
    I(
        "Groenfonds mkb Zuid-Holland",
        "instrument",
        OMW,
        ZH,
        (CIR, FIN),
        ("klein", "middelgroot", "groei"),
        "Leningen en participaties voor mkb-bedrijven die investeren in schone productie, "
        "energieopslag of circulaire producten, als aanvulling op bankfinanciering. Bedragen "
        "vanaf € 100.000; de ontwikkelingsmaatschappij weegt ook het effect op de CO2-uitstoot "
        "mee.",
        period=("2022-01-01", "2032-12-31"),
        budget=20_000_000,
        funding="Provincie Zuid-Holland (revolverend)",
        partners=(PZH,),
    ),
    I(
        "Circulair Ambachtscentrum Gouda",
        "project",
        GOU,
        ZH,
        (CIR, STA),
        ("zzp", "micro", "starter"),
        "In een voormalige fabriekshal werken reparateurs, meubelmakers en "
        "hergebruikondernemers samen onder één dak. Startende circulaire ondernemers huren er "
        "tegen een lage prijs een werkplek en delen machines en kennis.",
        period=("2025-06-01", None),
        budget=310_000,
        funding="Gemeente Gouda en Provincie Zuid-Holland",
        partners=(BGH,),
        municipalities=("Gouda",),
        sectors="CS",
    ),
    I(
        "Zero-emissie stadslogistiek",
        "programma",
        ROT,
        ZH,
        (CIR,),
        ("micro", "klein", "middelgroot", "peloton", "achterblijver"),
        "Voorbereiding van ondernemers op de zero-emissiezone in de binnenstad: advies over "
        "elektrische bestelauto's, gebundelde bevoorrading en ontheffingen. Ondernemers kunnen "
        "subsidie aanvragen voor een elektrische bestelauto of bakfiets.",
        period=("2024-01-01", "2027-12-31"),
        budget=4_500_000,
        funding="Gemeente Rotterdam en Rijk (Klimaatfonds)",
        municipalities=("Rotterdam",),
        sectors="GH",
    ),
    I(
        "Kenniswerkplaats Duurzaam Ondernemen Leiden",
        "project",
        UOL,
        ZH,
        (CIR,),
        ("micro", "klein", "peloton"),
        "Studenten en onderzoekers helpen Leidse mkb-bedrijven met het berekenen van hun "
        "CO2-voetafdruk en een verduurzamingsplan. Het resultaat is een concreet plan met "
        "maatregelen, kosten en mogelijke subsidies.",
        period=("2024-09-01", "2027-07-31"),
        budget=95_000,
        funding="Gemeente Leiden en universiteit",
        partners=(LEI,),
        municipalities=("Leiden", "Leiderdorp", "Oegstgeest"),
    ),
    I(
        "Inkoopcollectief groene energie",
        "project",
        BKA,
        ZH,
        (CIR,),
        ("micro", "klein", "middelgroot"),
        "Leden van de bedrijvenkring kopen samen groene stroom en zonnepanelen in, waardoor ook "
        "kleine bedrijven profiteren van de prijzen voor grote volumes. De bedrijvenkring "
        "begeleidt de inkoop en de installatie.",
        period=("2025-01-01", None),
        municipalities=("Alphen aan den Rijn",),
    ),
    I(
        "Groene bedrijventerreinen Alphen",
        "project",
        ALP,
        ZH,
        (CIR,),
        ("micro", "klein", "middelgroot", "peloton"),
        "Ondernemers op bedrijventerreinen vergroenden hun kavels met inheemse beplanting, "
        "groene daken en wadi's. De gemeente leverde advies en een bijdrage van maximaal "
        "€ 5.000 per bedrijf.",
        status="afgerond",
        period=("2023-04-01", "2025-10-31"),
        budget=250_000,
        funding="Gemeente Alphen aan den Rijn",
        partners=(BKA,),
        municipalities=("Alphen aan den Rijn",),
    ),
    I(
        "Waterstofcoalitie mkb Rijnmond",
        "netwerk",
        OMW,
        ZH,
        (CIR, INN),
        ("klein", "middelgroot", "koploper"),
        "Netwerk van mkb-bedrijven die leveren aan of gebruikmaken van de opkomende "
        "waterstofketen in Rijnmond. Leden krijgen informatie over aanbestedingen, certificering "
        "en subsidies, en vormen consortia voor gezamenlijke projecten.",
        period=("2024-06-01", None),
        partners=(HPR, ROT),
        regions=("Groot-Rijnmond",),
        sectors="CDH",
    ),
    I(
        "Vitale winkelgebieden Zuid-Holland",
        "regeling",
        PZH,
        ZH,
        (CIR, DIG),
        ("zzp", "micro", "klein"),
        "Subsidie voor samenwerkingen van winkeliers, vastgoedeigenaren en gemeenten die hun "
        "winkelgebied toekomstbestendig maken, bijvoorbeeld door leegstand om te vormen, te "
        "vergroenen of samen online te adverteren. De subsidie bedraagt maximaal € 100.000 per "
        "winkelgebied.",
        status="gepland",
        period=("2027-01-01", "2029-12-31"),
        budget=2_000_000,
        funding="Provincie Zuid-Holland",
        sectors="G",
    ),
    # --- Zuid-Holland: menselijk kapitaal ---------------------------------------------------
    I(
        "Omscholing naar de maritieme techniek",
        "project",
        ROCD,
        ZH,
        (HUM,),
        ("klein", "middelgroot"),
        "Werkzoekenden en werkenden uit krimpende beroepen volgden een verkorte opleiding tot "
        "scheepsbouwer, lasser of elektromonteur. Maritieme bedrijven in de Drechtsteden boden "
        "na het diploma een baangarantie. Een vervolg wordt voorbereid.",
        status="afgerond",
        period=("2023-09-01", "2026-08-31"),
        budget=890_000,
        funding="ESF+, UWV en deelnemende bedrijven",
        partners=(OVD, DOR),
        municipalities=("Dordrecht", "Sliedrecht", "Papendrecht"),
        sectors="CH",
        evidence="Van de 58 cursisten haalden er 49 het diploma; 46 werken inmiddels in de "
        "maritieme sector.",
        source="ROC Drechtsteden, eindrapportage (2026)",
    ),
    I(
        "Scholingsloket Haaglanden",
        "loket",
        DH,
        ZH,
        (HUM,),
        ("zzp", "micro", "klein", "middelgroot"),
        "Werkenden, werkzoekenden en werkgevers krijgen onafhankelijk advies over opleidingen, "
        "de erkenning van eerder verworven competenties en scholingssubsidies. Het loket werkt "
        "samen met mbo, hbo en het UWV.",
        period=("2021-01-01", None),
        partners=(HHO,),
        regions=("Agglomeratie 's-Gravenhage",),
    ),
    I(
        "Vaardighedenpaspoort tuinbouw",
        "instrument",
        WES,
        ZH,
        (HUM, PRO),
        ("klein", "middelgroot"),
        "Een digitaal paspoort waarin medewerkers in de glastuinbouw hun vaardigheden en "
        "certificaten vastleggen, zodat zij makkelijker doorgroeien of van werkgever wisselen. "
        "Tuinbouwbedrijven gebruiken het paspoort om gericht te scholen.",
        period=("2025-03-01", None),
        budget=180_000,
        funding="Gemeente Westland en Opleidingsfonds tuinbouw",
        partners=(TNW,),
        municipalities=("Westland", "Lansingerland"),
        sectors="A",
    ),
    I(
        "Internationaal talent voor het Leidse mkb",
        "project",
        UOL,
        ZH,
        (HUM, INT),
        ("klein", "middelgroot"),
        "Internationale studenten en pas afgestudeerden lopen stage of vinden een baan bij "
        "mkb-bedrijven in de regio Leiden. Het project helpt bedrijven met de regels rond "
        "werkvergunningen en begeleidt de eerste maanden op de werkvloer.",
        period=("2024-02-01", "2026-12-31"),
        budget=140_000,
        funding="Gemeente Leiden en universiteit",
        partners=(LEI,),
        regions=("Agglomeratie Leiden en Bollenstreek",),
    ),
    I(
        "Werkgeversdesk mkb Rotterdam",
        "loket",
        ROT,
        ZH,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Vast aanspreekpunt voor kleine werkgevers die personeel zoeken of iemand met een "
        "afstand tot de arbeidsmarkt willen aannemen. Accountmanagers selecteren kandidaten, "
        "regelen subsidies en blijven na de plaatsing beschikbaar voor vragen.",
        period=("2020-01-01", None),
        municipalities=("Rotterdam",),
    ),
    I(
        "Gastlessen door vakmensen",
        "project",
        TPR,
        ZH,
        (HUM,),
        ("klein", "middelgroot"),
        "Vakmensen uit technische bedrijven geven gastlessen en begeleiden praktijkopdrachten "
        "op vmbo- en mbo-scholen in Rijnmond, zodat meer jongeren voor techniek kiezen. De "
        "vakmensen krijgen vooraf een korte training in lesgeven.",
        period=("2022-09-01", None),
        funding="Techniekpact en deelnemende bedrijven",
        regions=("Groot-Rijnmond",),
    ),
    I(
        "Scholingssubsidie mkb Zuid-Holland",
        "regeling",
        PZH,
        ZH,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Mkb-werkgevers krijgen de helft van de kosten vergoed van opleidingen die medewerkers "
        "voorbereiden op digitalisering of de energietransitie, tot € 25.000 per bedrijf. De "
        "regeling is eind 2025 gesloten; een opvolger wordt voorbereid.",
        status="afgerond",
        period=("2022-01-01", "2025-12-31"),
        budget=2_500_000,
        funding="Provincie Zuid-Holland en ESF+",
    ),
    I(
        "Techniekbeurs Drechtsteden",
        "evenementenreeks",
        ROCD,
        ZH,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Jaarlijkse beurs waar technische bedrijven uit de Drechtsteden zich presenteren aan "
        "scholieren, ouders en zij-instromers. Bezoekers kunnen ter plekke een proefdag of "
        "meeloopstage afspreken.",
        period=("2019-03-01", None),
        partners=(OVD,),
        municipalities=DRECHTSTEDEN,
    ),
    I(
        "Gastvrijheid werkt Scheveningen",
        "project",
        DH,
        ZH,
        (HUM, PRO),
        ("micro", "klein"),
        "Horeca- en strandondernemers in Scheveningen werven en behouden personeel met een "
        "gezamenlijke pool van seizoenskrachten en korte opleidingen. Medewerkers kunnen zo het "
        "hele jaar werken, bij verschillende bedrijven.",
        status="gepland",
        period=("2027-03-01", "2029-02-28"),
        budget=260_000,
        funding="Gemeente Den Haag en Sectorfonds horeca",
        municipalities=("'s-Gravenhage",),
        sectors="I",
    ),
    # --- Zuid-Holland: innovatie ------------------------------------------------------------
    I(
        "Proof-of-conceptlening Zuid-Holland",
        "instrument",
        OMW,
        ZH,
        (INN, FIN),
        ("micro", "klein", "starter", "koploper"),
        "Lening tot € 250.000 voor jonge innovatieve bedrijven om een prototype te bouwen en te "
        "testen bij een eerste klant. De lening wordt alleen terugbetaald als het product "
        "succesvol op de markt komt.",
        period=("2021-01-01", None),
        budget=8_000_000,
        funding="Provincie Zuid-Holland en EFRO",
        partners=(PZH,),
        evidence="Van de 74 gefinancierde bedrijven haalde 41 binnen drie jaar "
        "vervolgfinanciering op.",
        source="Jaarverslag Ontwikkelingsmaatschappij West (2025)",
    ),
    I(
        "Fieldlab Slimme Maakindustrie",
        "programma",
        FSM,
        ZH,
        (INN, PRO, DIG),
        ("klein", "middelgroot", "koploper", "peloton"),
        "In een proeffabriek testen maakbedrijven robots, camerasystemen en digitale tweelingen "
        "van hun productielijn. Technici en studenten begeleiden de proeven en helpen bij de "
        "businesscase.",
        period=("2022-01-01", "2027-12-31"),
        budget=3_800_000,
        funding="Provincie Zuid-Holland, EFRO en deelnemende bedrijven",
        partners=(DWD, HRS),
        sectors="C",
    ),
    I(
        "Innovatiecoaches Zuid-Holland",
        "loket",
        OMW,
        ZH,
        (INN,),
        ("micro", "klein", "middelgroot", "koploper", "peloton"),
        "Coaches van de ontwikkelingsmaatschappij helpen ondernemers een innovatief idee om te "
        "zetten in een plan: welke kennis is nodig, welke partners passen en welke "
        "financiering is er. Na het eerste gesprek volgt binnen twee weken een advies.",
        period=("2019-01-01", None),
        funding="Provincie Zuid-Holland",
    ),
    I(
        "Life-sciences-starterslab Leiden",
        "project",
        UOL,
        ZH,
        (INN, STA),
        ("zzp", "micro", "starter", "koploper"),
        "Laboratoriumruimte en begeleiding voor startende bedrijven die voortkomen uit "
        "life-sciencesonderzoek. Starters delen apparatuur en krijgen ondersteuning bij "
        "octrooien, regelgeving en het aantrekken van investeerders.",
        period=("2020-09-01", None),
        budget=1_600_000,
        funding="Universiteit, Gemeente Leiden en Provincie Zuid-Holland",
        partners=(LEI,),
        municipalities=("Leiden", "Oegstgeest"),
        sectors="MQ",
    ),
    I(
        "Innovatie-estafette mkb",
        "evenementenreeks",
        HHO,
        ZH,
        (INN,),
        ("micro", "klein", "peloton"),
        "Studententeams werken in een estafette van 24 uur aan innovatievraagstukken die "
        "mkb-bedrijven inbrengen. De beste oplossingen worden daarna uitgewerkt in een "
        "afstudeeropdracht.",
        period=("2023-03-01", None),
        partners=(DH,),
        regions=("Agglomeratie 's-Gravenhage",),
    ),
    I(
        "Maritiem innovatieprogramma Drechtsteden",
        "programma",
        DOR,
        ZH,
        (INN, CIR),
        ("klein", "middelgroot", "koploper", "peloton"),
        "Scheepsbouwers en toeleveranciers ontwikkelen schonere aandrijvingen en lichtere "
        "schepen. Het programma financiert gezamenlijke onderzoeksprojecten en test nieuwe "
        "technieken in een proefdok.",
        status="gepland",
        period=("2027-01-01", "2030-12-31"),
        budget=4_200_000,
        funding="Regio Deal Drechtsteden en Provincie Zuid-Holland",
        partners=(ROCD, OMW),
        municipalities=DRECHTSTEDEN,
        sectors="C",
    ),
    I(
        "Proeftuin zorgtechnologie Leiden",
        "project",
        LEI,
        ZH,
        (INN, DIG),
        ("klein", "middelgroot", "koploper"),
        "Zorgaanbieders en technologiebedrijven testen samen toepassingen als sensoren voor "
        "valdetectie en beeldbellen in de thuiszorg. Mkb-bedrijven krijgen zo een eerste "
        "referentieklant en feedback van zorgprofessionals.",
        period=("2025-01-01", "2026-12-31"),
        budget=350_000,
        funding="Gemeente Leiden en zorgverzekeraar",
        partners=(UOL,),
        municipalities=("Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"),
        sectors="Q",
    ),
    I(
        "Nieuwe teelten Zuid-Hollandse eilanden",
        "project",
        OMW,
        ZH,
        (INN, CIR),
        ("micro", "klein", "koploper", "peloton"),
        "Akkerbouwers en voedingsbedrijven ontwikkelen nieuwe teelten en producten, zoals "
        "eiwitgewassen voor vleesvervangers. Het project financiert proefvelden en brengt "
        "telers in contact met afnemers.",
        period=("2024-03-01", "2027-02-28"),
        budget=980_000,
        funding="Provincie Zuid-Holland en EFRO",
        municipalities=("Hoeksche Waard", "Goeree-Overflakkee", "Voorne aan Zee"),
        sectors="AC",
    ),
    I(
        "Delftse Makersplaats",
        "project",
        DEL,
        ZH,
        (INN, STA),
        ("zzp", "micro", "starter", "koploper"),
        "Werkplaats met 3D-printers, lasersnijders en CNC-frezen waar startende "
        "hardwarebedrijven tegen een lage prijs prototypes maken. Technici geven advies over "
        "materiaalkeuze en productie in kleine series.",
        period=("2022-02-01", None),
        budget=420_000,
        funding="Gemeente Delft en Provincie Zuid-Holland",
        partners=(DWD,),
        municipalities=("Delft",),
        sectors="C",
    ),
    # --- Zuid-Holland: financiering ---------------------------------------------------------
    I(
        "Microkrediet Rotterdamse ondernemers",
        "instrument",
        SFR,
        ZH,
        (FIN, STA),
        ("zzp", "micro", "starter"),
        "Microkredieten tot € 25.000 voor Rotterdamse ondernemers die bij de bank geen lening "
        "krijgen, vaak starters of ondernemers met een migratieachtergrond. Bij het krediet "
        "hoort coaching door een vrijwilliger uit het bedrijfsleven.",
        period=("2019-01-01", None),
        budget=4_000_000,
        funding="Gemeente Rotterdam (revolverend fonds)",
        partners=(ROT, MPZ),
        municipalities=("Rotterdam",),
    ),
    I(
        "Microfinanciering Haaglanden",
        "instrument",
        MKH,
        ZH,
        (FIN,),
        ("zzp", "micro", "starter", "groei"),
        "Kleine leningen van € 2.500 tot € 50.000 voor ondernemers in Haaglanden, gecombineerd "
        "met een financiële training en een persoonlijke coach. Aanvragers krijgen binnen drie "
        "weken uitsluitsel.",
        period=("2020-05-01", None),
        budget=2_500_000,
        funding="Gemeenten Haaglanden en private investeerders",
        regions=("Agglomeratie 's-Gravenhage", "Delft en Westland"),
    ),
    I(
        "Financieringsspreekuur Alphen",
        "loket",
        BKA,
        ZH,
        (FIN,),
        ("zzp", "micro", "klein", "groei"),
        "Elke maand een spreekuur waarin ondernemers hun financieringsvraag voorleggen aan een "
        "onafhankelijk financieringsadviseur. Het adviesgesprek is voor leden gratis.",
        period=("2022-01-01", None),
        partners=(ALP,),
        municipalities=("Alphen aan den Rijn",),
    ),
    I(
        "Crowdfunding Challenge Delft",
        "evenementenreeks",
        DEL,
        ZH,
        (FIN, STA),
        ("zzp", "micro", "starter"),
        "Startende ondernemers leren in drie masterclasses een crowdfundingcampagne opzetten en "
        "gaan daarna samen live. De gemeente verdubbelde de eerste € 5.000 die elke deelnemer "
        "ophaalde.",
        status="afgerond",
        period=("2024-03-01", "2024-11-30"),
        budget=75_000,
        funding="Gemeente Delft",
        municipalities=("Delft",),
    ),
    I(
        "Mentorpunt zzp-coaching",
        "loket",
        MPZ,
        ZH,
        (STA, FIN),
        ("zzp", "starter", "groei"),
        "Zzp'ers die vastlopen in hun bedrijf of in financiële problemen raken, krijgen gratis "
        "een mentor voor maximaal een jaar. De mentoren zijn oud-ondernemers en professionals "
        "die als vrijwilliger werken.",
        period=("2018-01-01", None),
        funding="Donaties, fondsen en bijdragen gemeenten",
        evidence="Van de zzp'ers met financiële problemen was 68% na het mentortraject weer "
        "financieel gezond.",
        source="Jaarverslag Mentorpunt Ondernemers Zuid-Holland (2025)",
    ),
    # --- Zuid-Holland: internationalisering -------------------------------------------------
    I(
        "Exportversneller Zuid-Holland",
        "programma",
        OMW,
        ZH,
        (INT,),
        ("klein", "middelgroot", "groei"),
        "Begeleidingsprogramma voor mkb-bedrijven die de stap naar een nieuwe buitenlandse "
        "markt willen zetten. Deelnemers krijgen een marktonderzoek, een exportcoach en toegang "
        "tot handelsmissies van het Rijk.",
        period=("2023-01-01", "2026-12-31"),
        budget=1_100_000,
        funding="Provincie Zuid-Holland",
        partners=(PZH, KVK, RVO),
    ),
    I(
        "Haven als poort naar de wereld",
        "evenementenreeks",
        HPR,
        ZH,
        (INT,),
        ("klein", "middelgroot"),
        "Praktijkbijeenkomsten over douane, logistiek en verzekeringen voor mkb-bedrijven die "
        "via de Rotterdamse haven importeren of exporteren. Sprekers van expediteurs en de "
        "douane beantwoorden concrete vragen.",
        period=("2021-09-01", None),
        regions=("Groot-Rijnmond",),
        sectors="GH",
    ),
    I(
        "Tuinbouw internationaal",
        "project",
        TNW,
        ZH,
        (INT, INN),
        ("klein", "middelgroot", "koploper"),
        "Westlandse toeleveranciers van de tuinbouw presenteren zich samen op beurzen in het "
        "Midden-Oosten en Noord-Amerika. Het project betaalt de helft van de standkosten en "
        "organiseert vooraf een training in interculturele verkoop.",
        period=("2024-01-01", "2026-12-31"),
        budget=270_000,
        funding="Provincie Zuid-Holland en deelnemende bedrijven",
        partners=(WES,),
        municipalities=("Westland",),
        sectors="AC",
    ),
    I(
        "International Business Desk Den Haag",
        "loket",
        DH,
        ZH,
        (INT,),
        ("micro", "klein", "middelgroot"),
        "Loket voor buitenlandse ondernemers die zich in Den Haag vestigen en voor Haagse "
        "bedrijven met internationale ambities. Medewerkers helpen met registratie, "
        "vergunningen en contacten bij ambassades en handelskamers in de stad.",
        period=("2016-01-01", None),
        municipalities=("'s-Gravenhage",),
    ),
    I(
        "Exportvoucher Zuid-Holland",
        "regeling",
        PZH,
        ZH,
        (INT,),
        ("micro", "klein", "middelgroot"),
        "Voucher van maximaal € 5.000 voor advies, vertalingen, certificering of deelname aan "
        "een beurs bij de eerste stappen op een buitenlandse markt. Ondernemers betaalden de "
        "helft zelf.",
        status="afgerond",
        period=("2022-01-01", "2025-12-31"),
        budget=800_000,
        funding="Provincie Zuid-Holland",
        partners=(OMW,),
    ),
    # --- Zuid-Holland: arbeidsproductiviteit ------------------------------------------------
    I(
        "Slimmer organiseren in de bouw",
        "project",
        HRS,
        ZH,
        (PRO,),
        ("micro", "klein", "peloton", "achterblijver"),
        "Kleine bouw- en installatiebedrijven leren met eenvoudige planningsmethoden en "
        "digitale werkbonnen minder tijd te verliezen op de bouwplaats. Studenten bouwkunde "
        "analyseren de werkprocessen en doen verbetervoorstellen.",
        period=("2025-02-01", "2027-01-31"),
        budget=160_000,
        funding="Regieorgaan praktijkgericht onderzoek en deelnemende bedrijven",
        regions=("Groot-Rijnmond",),
        sectors="F",
    ),
    I(
        "Procesverbetering logistiek mkb",
        "project",
        HPR,
        ZH,
        (PRO, DIG),
        ("klein", "middelgroot", "peloton"),
        "Logistieke mkb-bedrijven brengen samen met studenten hun magazijn- en "
        "transportprocessen in kaart en voeren verbeteringen door, zoals slimmere routeplanning "
        "en scanners in het magazijn. Elk traject duurt een semester en eindigt met een "
        "verbeterplan dat het bedrijf zelf kan uitvoeren.",
        period=("2024-09-01", "2027-08-31"),
        budget=210_000,
        funding="Gemeente Rotterdam en deelnemende bedrijven",
        partners=(HRS,),
        municipalities=("Rotterdam", "Barendrecht", "Ridderkerk", "Albrandswaard"),
        sectors="H",
    ),
    I(
        "Mkb-werkplaatsen productiviteit Zuid-Holland",
        "programma",
        PZH,
        ZH,
        (PRO, HUM),
        ("klein", "middelgroot", "peloton", "achterblijver"),
        "Provinciaal programma dat mkb-bedrijven helpt productiever te worden door medewerkers "
        "te betrekken bij verbeteringen en gericht te investeren in technologie. Via regionale "
        "werkplaatsen krijgen bedrijven een procesbegeleider en studentenprojecten.",
        period=("2025-01-01", "2028-12-31"),
        budget=4_000_000,
        funding="Provincie Zuid-Holland",
        partners=(HRS, HHO, FSM),
    ),
    # --- Zuid-Holland: bedrijfsopvolging ----------------------------------------------------
    I(
        "Overnamepunt Zuid-Holland",
        "loket",
        MPZ,
        ZH,
        (OPV,),
        ("micro", "klein", "overname"),
        "Vrijwillige mentoren met ervaring als ondernemer helpen bij het voorbereiden van een "
        "bedrijfsoverdracht, van het bepalen van de waarde tot het vinden van een opvolger "
        "buiten de familie. Het eerste gesprek is gratis; daarna betaalt de ondernemer een "
        "kleine bijdrage.",
        period=("2021-01-01", None),
        partners=(KVK,),
    ),
    I(
        "Opvolging in de tuinbouw",
        "project",
        TNW,
        ZH,
        (OPV,),
        ("klein", "middelgroot", "overname"),
        "Tuinbouwbedrijven zonder opvolger in de familie komen in contact met jonge ondernemers "
        "die een bedrijf willen overnemen. Het project begeleidt beide partijen bij de "
        "waardering, de financiering en een overgangsperiode waarin zij samenwerken.",
        period=("2024-01-01", "2026-12-31"),
        budget=190_000,
        funding="Gemeente Westland en Tuinbouwnetwerk",
        partners=(WES,),
        municipalities=("Westland", "Lansingerland"),
        sectors="A",
    ),
    I(
        "Borgstelling bedrijfsovernames Rotterdam",
        "instrument",
        SFR,
        ZH,
        (OPV, FIN),
        ("micro", "klein", "overname"),
        "Borgstelling voor banken die een bedrijfsovername financieren waarbij de koper weinig "
        "eigen zekerheden heeft. Zo kunnen ook werknemers of jonge ondernemers een bestaand "
        "Rotterdams bedrijf overnemen.",
        period=("2023-01-01", None),
        budget=1_500_000,
        funding="Gemeente Rotterdam",
        municipalities=("Rotterdam",),
    ),
    I(
        "Familiebedrijvenkring Drechtsteden",
        "netwerk",
        OVD,
        ZH,
        (OPV,),
        ("klein", "middelgroot", "overname", "groei"),
        "Kring van familiebedrijven die onder begeleiding van een familiebedrijfadviseur "
        "ervaringen delen over opvolging, bestuur en de rol van familieleden in het bedrijf. De "
        "kring komt vijf keer per jaar bijeen, steeds bij een ander lid.",
        period=("2020-01-01", None),
        funding="Contributie leden",
        municipalities=DRECHTSTEDEN,
    ),
    # --- Zuid-Holland: ondernemerschap en starters ------------------------------------------
    I(
        "Starterspunt Gouda",
        "loket",
        GOU,
        ZH,
        (STA,),
        ("zzp", "starter"),
        "Advies en begeleiding voor startende ondernemers in Gouda. Starters kunnen gratis "
        "terecht voor een gesprek over hun ondernemingsplan, vergunningen en huisvesting.",
        period=("2024-01-01", None),
        municipalities=("Gouda",),
    ),
    I(
        "Startersacademie Rotterdam-Zuid",
        "programma",
        ROT,
        ZH,
        (STA,),
        ("zzp", "micro", "starter"),
        "Een gratis opleiding van twaalf weken voor aanstaande ondernemers uit Rotterdam-Zuid, "
        "met lessen over het ondernemingsplan, boekhouding en verkoop. Wie het plan afrondt, "
        "kan een microkrediet aanvragen.",
        period=("2021-09-01", None),
        budget=350_000,
        funding="Nationaal Programma Rotterdam Zuid",
        partners=(SFR,),
        municipalities=("Rotterdam",),
        evidence="Van de deelnemers uit 2022–2024 stond 63% na twee jaar nog als ondernemer "
        "ingeschreven.",
        source="Gemeente Rotterdam, monitor Startersacademie (2025)",
    ),
    I(
        "Ondernemerslab Hogeschool Hofstad",
        "programma",
        HHO,
        ZH,
        (STA, INN),
        ("zzp", "starter", "koploper", "peloton"),
        "Studenten die een eigen bedrijf willen beginnen, volgen naast hun studie een programma "
        "met coaching, een werkplek en een startbudget van € 1.500. Haagse ondernemers treden "
        "op als mentor.",
        period=("2019-09-01", None),
        municipalities=("'s-Gravenhage",),
    ),
    I(
        "Startersnetwerk Alphen",
        "netwerk",
        BKA,
        ZH,
        (STA,),
        ("zzp", "micro", "starter"),
        "Maandelijkse ontmoetingen voor ondernemers die korter dan drie jaar bezig zijn, met "
        "korte presentaties, vragenrondes en een buddy uit de bedrijvenkring. Het eerste jaar "
        "is deelname gratis.",
        period=("2023-01-01", None),
        municipalities=("Alphen aan den Rijn",),
    ),
    I(
        "Starten vanuit de bijstand",
        "loket",
        DOR,
        ZH,
        (STA, FIN),
        ("zzp", "starter"),
        "Mensen met een bijstandsuitkering die een eigen bedrijf willen beginnen, krijgen een "
        "haalbaarheidsonderzoek, een voorbereidingsperiode en zo nodig een bedrijfskrediet. Een "
        "ondernemerscoach begeleidt hen de eerste twee jaar.",
        period=("2015-01-01", None),
        municipalities=("Dordrecht", "Zwijndrecht", "Papendrecht"),
    ),
    I(
        "Ondernemersloket Westland",
        "loket",
        WES,
        ZH,
        (STA, FIN),
        ("zzp", "micro", "klein", "starter", "groei"),
        "Eén aanspreekpunt in het gemeentehuis in Naaldwijk voor vragen over vergunningen, "
        "bedrijfshuisvesting, huisvesting van arbeidsmigranten en subsidies. Het loket verwijst "
        "door naar de juiste partij bij provincie, KVK of ontwikkelingsmaatschappij.",
        period=("2018-01-01", None),
        municipalities=("Westland",),
    ),
    I(
        "Plattelandsondernemers Krimpenerwaard",
        "netwerk",
        BGH,
        ZH,
        (STA, CIR),
        ("zzp", "micro", "starter", "groei"),
        "Netwerk voor ondernemers op het platteland, zoals boeren met een nevenactiviteit, "
        "streekproducenten en recreatiebedrijven. Leden organiseren samen markten en "
        "arrangementen en delen kennis over verbreding van het boerenbedrijf.",
        period=("2022-05-01", None),
        municipalities=("Krimpenerwaard", "Gouda", "Bodegraven-Reeuwijk"),
        sectors="AI",
    ),
    I(
        "Bedrijfsruimte voor starters Dordrecht",
        "project",
        DOR,
        ZH,
        (STA,),
        ("zzp", "micro", "starter"),
        "Starters krijgen in de binnenstad van Dordrecht een bedrijfsruimte met een huurkorting "
        "die in drie jaar wordt afgebouwd. De gemeente bemiddelt tussen vastgoedeigenaren en "
        "ondernemers.",
        period=("2023-03-01", None),
        budget=150_000,
        funding="Gemeente Dordrecht",
        municipalities=("Dordrecht",),
        sectors="GS",
    ),
    # --- National offers (inventory of Nederland) -------------------------------------------
    I(
        "Advieslijn voor ondernemers",
        "loket",
        KVK,
        NL,
        (STA, FIN),
        ("zzp", "micro", "klein", "starter", "groei"),
        "Telefonische en online advieslijn voor ondernemers met vragen over starten, regels, "
        "financiering en internationaal zakendoen. Adviseurs verwijzen waar nodig door naar "
        "regionale partijen.",
        period=("2014-01-01", None),
        funding="Rijksbijdrage",
    ),
    I(
        "Week van de starter",
        "evenementenreeks",
        KVK,
        NL,
        (STA,),
        ("zzp", "micro", "starter"),
        "Jaarlijkse week met landelijke en regionale bijeenkomsten voor mensen die een eigen "
        "bedrijf willen beginnen. Regionale partners organiseren workshops over "
        "ondernemingsplan, financiering en verzekeringen.",
        period=("2016-03-01", None),
        funding="Rijksbijdrage en regionale partners",
    ),
    I(
        "Overnameplatform mkb",
        "instrument",
        KVK,
        NL,
        (OPV,),
        ("micro", "klein", "middelgroot", "overname"),
        "Online platform waarop ondernemers anoniem hun bedrijf te koop aanbieden en "
        "kandidaat-kopers een zoekprofiel plaatsen. Bij een match brengt een adviseur de "
        "partijen met elkaar in contact.",
        period=("2017-01-01", None),
        funding="Rijksbijdrage",
    ),
    I(
        "Regeling innovatieve samenwerking mkb",
        "regeling",
        RVO,
        NL,
        (INN,),
        ("micro", "klein", "middelgroot", "koploper", "peloton"),
        "Subsidie voor samenwerkingsprojecten van ten minste twee mkb-bedrijven die samen een "
        "nieuw product, proces of dienst ontwikkelen. De regeling vergoedt 35% van de kosten.",
        period=("2020-01-01", None),
        budget=30_000_000,
        funding="Ministerie van Economische Zaken en provincies",
    ),
    I(
        "Exportkrediet mkb",
        "instrument",
        RVO,
        NL,
        (INT, FIN),
        ("klein", "middelgroot", "groei"),
        "Financiering voor buitenlandse afnemers van Nederlandse mkb-bedrijven, zodat een "
        "exportorder niet stukloopt op de financiering. Bedoeld voor orders van € 100.000 tot "
        "€ 5 miljoen.",
        period=("2018-01-01", None),
        budget=50_000_000,
        funding="Ministerie van Buitenlandse Zaken",
    ),
    I(
        "Subsidie energiebesparing mkb",
        "regeling",
        RVO,
        NL,
        (CIR,),
        ("micro", "klein", "middelgroot"),
        "Subsidie voor advies over en investeringen in energiebesparing in bedrijfspanden. "
        "Kleine ondernemers krijgen tot 30% van de investering vergoed.",
        period=("2023-01-01", "2026-12-31"),
        budget=40_000_000,
        funding="Klimaatfonds",
    ),
    I(
        "Subsidie praktijkleren in het mkb",
        "regeling",
        RVO,
        NL,
        (HUM,),
        ("micro", "klein", "middelgroot"),
        "Werkgevers die een leerling of student een praktijkleerplaats bieden, krijgen een "
        "vaste tegemoetkoming per leerplaats per jaar. De aanvraag volgt na afloop van het "
        "schooljaar.",
        period=("2014-01-01", None),
        funding="Ministerie van Onderwijs, Cultuur en Wetenschap",
    ),
]

# Pairs of initiatives (by title) of different organisations that the overlap detector
# should flag: the same offer in the same area.
NEAR_DUPLICATES = [
    ("Digitale Werkplaats Noordoost (demo)", "Digitaal Werkatelier Maashorst"),
    ("Exportcafé Noordoost (fictief)", "Exportlunches Maasland"),
    ("Startersloket Groene Hart (fictief)", "Starterspunt Gouda"),
    ("Circulaire Kas Westland (fictief)", "Warmte en reststromen delen in de glastuinbouw"),
]

# (theme, dimension, target group) cells that nobody serves, on purpose.
GAPS = [
    (INT, "size", "zzp"),
    (STA, "size", "middelgroot"),
    (OPV, "phase", "starter"),
    (INN, "attitude", "achterblijver"),
]
