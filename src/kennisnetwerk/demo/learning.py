"""Demo content of learning together: the Communities of Practice of the four regions of
2020 (Noordoost-Brabant, Zuid-Holland, Groningen-Assen, Regio Zwolle), the intervision series
of the nine MKB-Deals with their learning questions, the network of account managers and a
webinar series; sessions past (with reports, lessons and follow-up agreements) and upcoming
(dated from the day of loading), and a library of practice examples. Every organisation and
person is fictitious; addresses are under .example. Loading again adds only what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.ecosystem.services import organisation_create
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.learning import services, services_sessions
from kennisnetwerk.learning.constants import (
    AgreementStatus,
    MemberRole,
    ProgrammeKind,
    ProgrammeStatus,
    RegistrationStatus,
    SessionFormat,
)
from kennisnetwerk.learning.models import (
    LearningQuestion,
    PracticeExample,
    Programme,
    ProgrammeMember,
    Registration,
    Session,
)

from .data import DEMO_EMAIL_DOMAIN

NOB, ZH, GA, ZW = "Noordoost-Brabant", "Zuid-Holland", "Groningen-Assen", "Regio Zwolle"
DEALS = [
    "MKB-Deal Achterhoek",
    "MKB-Deal BAR-regio",
    "MKB-Deal West-Brabant",
    "MKB-Deal Drenthe",
    "MKB-Deal Eindhoven",
    "MKB-Deal Limburg",
    "MKB-Deal Overijssel",
    "MKB-Deal Utrecht",
    "MKB-Deal Zuid-Limburg",
]

# Organisations of the practice examples outside the two inventories: (name, type, place).
EXTRA_ORGANISATIONS = [
    ("Kennispunt Familiebedrijven Overijssel (fictief)", "overig", "Zwolle"),
    ("Ondernemershuis Groningen (fictief)", "adviseur", "Groningen"),
    ("Achterhoek Werkt Samen (fictief)", "overig", "Doetinchem"),
    ("Mkb-werkplaats Brainport (fictief)", "kennisinstelling", "Eindhoven"),
    ("Limburgse Ondernemerswerkplaats (fictief)", "adviseur", "Maastricht"),
    ("Drentse Ondernemersacademie (fictief)", "onderwijs", "Assen"),
    ("Ondernemerspunt BAR (fictief)", "adviseur", "Barendrecht"),
    ("Mkb-academie Utrecht (fictief)", "onderwijs", "Utrecht"),
    ("Regionaal Leiderschap Zwolle (fictief)", "overig", "Zwolle"),
]

# Invented participants (no login): (key, full name, organisation).
PARTICIPANTS = [
    ("ilse.devries", "Ilse de Vries", "Gemeente 's-Hertogenbosch (demo)"),
    ("karim.aziz", "Karim Aziz", "Ontwikkelingsmaatschappij Zuid (fictief)"),
    ("marloes.jansen", "Marloes Jansen", "Stichting Familiebedrijf Brabant (fictief)"),
    ("ruud.vanleeuwen", "Ruud van Leeuwen", "Maakindustrie Netwerk Noordoost (fictief)"),
    ("petra.smit", "Petra Smit", "ROC De Meierij (fictief)"),
    ("daan.mulder", "Daan Mulder", "Gemeente Rotterdam (demo)"),
    ("yara.elidrissi", "Yara El Idrissi", "Provincie Zuid-Holland (demo)"),
    ("tim.bos", "Tim Bos", "Digitale Werkplaats Delfland (fictief)"),
    ("hanneke.dijkstra", "Hanneke Dijkstra", "Ondernemershuis Groningen (fictief)"),
    ("gerrit.kamphuis", "Gerrit Kamphuis", "Kennispunt Familiebedrijven Overijssel (fictief)"),
    ("sophie.wessels", "Sophie Wessels", "Achterhoek Werkt Samen (fictief)"),
    ("bas.hermans", "Bas Hermans", "Limburgse Ondernemerswerkplaats (fictief)"),
]


@dataclass(frozen=True)
class DemoExample:
    title: str
    organisation: str
    region: str
    themes: tuple[str, ...]
    summary: str
    approach: str
    results: str
    dos: str
    donts: str
    contact: str


EXAMPLES = [
    DemoExample(
        "Keukentafelgesprekken over bedrijfsopvolging",
        "Kennispunt Familiebedrijven Overijssel (fictief)",
        "MKB-Deal Overijssel",
        ("bedrijfsopvolging",),
        "Accountants en de KVK nodigen ondernemers van 55 jaar en ouder samen uit voor een "
        "vertrouwelijk gesprek aan de keukentafel over de toekomst van hun familiebedrijf.",
        "Vijf accountantskantoren selecteerden klanten zonder opvolgingsplan. Een vertrouwde "
        "adviseur nodigde hen persoonlijk uit; het gesprek werd gevoerd door een "
        "onafhankelijke familiebedrijvencoach, bij de ondernemer thuis.",
        "In twee jaar 64 gesprekken; 23 bedrijven maakten een opvolgingsplan, 9 overdrachten "
        "zijn afgerond.",
        "Laat de uitnodiging komen van iemand die de ondernemer al vertrouwt.\nBetrek de "
        "partner en de beoogde opvolger vanaf het tweede gesprek.",
        "Begin niet met de waarde van het bedrijf.\nVerstuur geen algemene mailing.",
        "Gerrit Kamphuis",
    ),
    DemoExample(
        "Aanpak familiebedrijven: opvolgersnetwerk",
        "Kennispunt Familiebedrijven Overijssel (fictief)",
        "MKB-Deal Overijssel",
        ("bedrijfsopvolging", "ondernemerschap-en-starters"),
        "Een netwerk van jonge opvolgers die elk kwartaal bij een van hen op bezoek gaan en "
        "intervisie houden over de overdracht.",
        "Acht tot twaalf opvolgers per groep, begeleid door een ervaren ondernemer. Elke "
        "bijeenkomst start met een rondleiding en eindigt met een casus van de gastheer.",
        "Drie groepen actief; opvolgers noemen het netwerk de belangrijkste steun bij de overname.",
        "Houd de groep klein en vast.",
        "Laat adviseurs niet aanschuiven om klanten te werven.",
        "Gerrit Kamphuis",
    ),
    DemoExample(
        "Opvolgingsscan voor de agrarische sector",
        "Stichting Familiebedrijf Brabant (fictief)",
        NOB,
        ("bedrijfsopvolging",),
        "Een korte scan waarmee agrarische ondernemers zelf zien hoe ver zij met de "
        "opvolging zijn, als opstap naar een gesprek met de bank en de adviseur.",
        "De scan is ontwikkeld met de Regiobank en twee agrarische adviesbureaus en wordt "
        "aangeboden op de vakbeurs en via de ondernemersverenigingen.",
        "310 scans ingevuld, 85 vervolggesprekken.",
        "Maak de scan kort: tien vragen.",
        "Vraag niet meteen om financiële gegevens.",
        "Marloes Jansen",
    ),
    DemoExample(
        "Digitaliseringsvouchers met een coach erbij",
        "Digitale Werkplaats Delfland (fictief)",
        ZH,
        ("digitalisering",),
        "Mkb-bedrijven krijgen een voucher voor een digitaliseringsproject en een coach die "
        "helpt de juiste leverancier en het juiste project te kiezen.",
        "De provincie financiert de vouchers; de werkplaats levert studenten en coaches. De "
        "coach voert een intake, helpt bij de offerte en evalueert na drie maanden.",
        "180 bedrijven geholpen; 70 procent zette na de voucher zelf een volgende stap.",
        "Combineer geld met begeleiding.\nMeet na drie maanden wat er is blijven hangen.",
        "Laat de leverancier niet de intake doen.",
        "Tim Bos",
    ),
    DemoExample(
        "Werkgeversnetwerk zij-instroom techniek",
        "Maakindustrie Netwerk Noordoost (fictief)",
        NOB,
        ("menselijk-kapitaal", "arbeidsproductiviteit"),
        "Tien maakbedrijven leiden samen zij-instromers op tot operator, met een gedeeld "
        "opleidingsprogramma bij het ROC.",
        "Het Werkgeversservicepunt werft kandidaten; de bedrijven bieden elk twee "
        "leerwerkplekken en delen de kosten van de opleiding.",
        "Eerste lichting: 24 zij-instromers, 19 met een vaste baan.",
        "Begin bij de vraag van de werkgever, niet bij het aanbod.",
        "Maak de opleiding niet langer dan negen maanden.",
        "Ruud van Leeuwen",
    ),
    DemoExample(
        "Regionaal accountmanagement met één klantbeeld",
        "Ondernemershuis Groningen (fictief)",
        GA,
        ("ondernemerschap-en-starters", "innovatie"),
        "De accountmanagers van gemeenten, provincie en ontwikkelingsmaatschappij werken met "
        "één gedeeld beeld van de bedrijven die zij bezoeken.",
        "Maandelijks accountmanagersoverleg, een gezamenlijke bezoekplanning en afspraken "
        "over wie welk bedrijf bezoekt. Vragen worden doorgezet naar de partij die het best "
        "kan helpen.",
        "Dubbele bezoeken halveerden; ondernemers zeggen sneller bij de juiste partij te komen.",
        "Spreek af wie de eerste contactpersoon is.",
        "Deel geen klantgegevens zonder toestemming van de ondernemer.",
        "Hanneke Dijkstra",
    ),
    DemoExample(
        "Regionaal leiderschap: de bestuurstafel",
        "Regionaal Leiderschap Zwolle (fictief)",
        ZW,
        ("innovatie", "menselijk-kapitaal"),
        "Bestuurders van overheid, onderwijs en ondernemers zitten vier keer per jaar aan één "
        "tafel en kiezen samen drie prioriteiten voor het mkb.",
        "Een onafhankelijke voorzitter, een vaste agenda met de voortgang van de DOE-agenda en "
        "een jaarlijkse werkconferentie met ondernemers.",
        "Drie gezamenlijke programma's gestart met gedeelde financiering.",
        "Koppel elke prioriteit aan een trekker met mandaat.",
        "Laat de tafel niet groter worden dan twaalf mensen.",
        "Gerrit Kamphuis",
    ),
    DemoExample(
        "Circulaire ketenprojecten in de Achterhoek",
        "Achterhoek Werkt Samen (fictief)",
        "MKB-Deal Achterhoek",
        ("circulaire-economie-en-verduurzaming",),
        "Mkb-bedrijven uit één keten ontwikkelen samen een circulair product, begeleid door "
        "een procesregisseur.",
        "Per keten drie tot vijf bedrijven; de regisseur organiseert werksessies en zoekt "
        "financiering bij provincie en RVO.",
        "Vier ketenprojecten, waarvan twee met een product op de markt.",
        "Start met bedrijven die elkaar al kennen.",
        "Begin niet met een subsidieaanvraag.",
        "Sophie Wessels",
    ),
    DemoExample(
        "Ondernemerswerkplaats voor zzp'ers",
        "Limburgse Ondernemerswerkplaats (fictief)",
        "MKB-Deal Limburg",
        ("ondernemerschap-en-starters", "financiering"),
        "Zzp'ers werken in groepjes van zes aan hun verdienmodel, met een ervaren ondernemer "
        "als begeleider.",
        "Zes avonden, een vaste groep, huiswerk tussen de avonden en een afsluitende pitch "
        "voor de bank.",
        "150 deelnemers; de helft verhoogde binnen een jaar de tarieven.",
        "Laat deelnemers elkaars plannen toetsen.",
        "Maak er geen cursus met alleen presentaties van.",
        "Bas Hermans",
    ),
    DemoExample(
        "Mkb-werkplaats: studenten helpen met data",
        "Mkb-werkplaats Brainport (fictief)",
        "MKB-Deal Eindhoven",
        ("digitalisering", "innovatie"),
        "Teams van hbo-studenten werken een semester aan een datavraag van een mkb-bedrijf.",
        "De hogeschool koppelt vraag en team; een docent begeleidt; het bedrijf betaalt een "
        "kleine bijdrage.",
        "120 opdrachten; een derde van de bedrijven nam daarna een stagiair of afgestudeerde aan.",
        "Formuleer de vraag samen met het bedrijf.",
        "Beloof geen kant-en-klare software.",
        "Bas Hermans",
    ),
]


@dataclass(frozen=True)
class DemoSession:
    title: str
    days: int  # days from loading; negative for sessions that took place
    place: str
    formats: tuple[str, ...]
    description: str = ""
    online: bool = False
    experts: tuple[tuple[str, str, str], ...] = ()
    agenda: tuple[tuple[str, str], ...] = ()
    minutes: str = ""
    lessons: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    agreements: tuple[tuple[str, str, str, int], ...] = ()  # what, organisation, person, days
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoProgramme:
    title: str
    slug: str
    kind: str
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    description: str
    goals: str
    needed: str
    core: tuple[str, ...]  # demo people (data.PEOPLE keys) and participant keys
    participants: tuple[str, ...]
    sessions: tuple[DemoSession, ...] = field(default_factory=tuple)
    questions: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # region, question, themes


PROGRAMMES = [
    DemoProgramme(
        "Community of Practice Noordoost-Brabant",
        "cop-noordoost-brabant",
        ProgrammeKind.COMMUNITY,
        (NOB,),
        ("menselijk-kapitaal", "bedrijfsopvolging", "digitalisering"),
        "Twintig vaste deelnemers van gemeenten, provincie, onderwijs, ondernemers en de "
        "ontwikkelingsmaatschappij leren van elkaar hoe zij het brede mkb samen beter "
        "bedienen.",
        "Een gezamenlijke DOE-agenda voor het mkb in Noordoost-Brabant met vijf concrete "
        "acties, gedragen door de bestuurders van de regio.",
        "De 11 gemeenten, de provincie, de ontwikkelingsmaatschappij, het onderwijs en de "
        "ondernemersverenigingen; per partij één vaste deelnemer.",
        ("coordinator", "karim.aziz", "ilse.devries"),
        ("member", "marloes.jansen", "ruud.vanleeuwen", "petra.smit", "org_admin"),
        (
            DemoSession(
                "Aftrap: wie doet wat voor het mkb?",
                -70,
                "Gemeentehuis Oss, Raadhuislaan 10, Oss",
                (SessionFormat.INTERACTIVE, SessionFormat.GUEST_EXPERT),
                "Kennismaking en een eerste kaart van het aanbod in de regio.",
                experts=(("Dr. M. Verhoeven", "Platform31 (fictief)", "Regionale mkb-aanpak"),),
                agenda=(
                    ("13:30", "Welkom en kennismaking"),
                    ("14:00", "Het aanbod in kaart"),
                    ("15:30", "Afspraken"),
                ),
                minutes="We brachten het aanbod voor het mkb in kaart: ruim honderd "
                "initiatieven, met veel overlap op digitalisering en een gat bij "
                "bedrijfsopvolging in de kleine kernen.",
                lessons=(
                    (
                        "doen",
                        "Begin met een gedeelde kaart van het aanbod",
                        "Pas als partijen zien wat er al is, ontstaat ruimte om te kiezen.",
                        ("innovatie",),
                    ),
                    (
                        "niet-doen",
                        "Laat niet elke partij haar eigen programma presenteren",
                        "Dat kost de hele middag en levert geen gesprek op.",
                        (),
                    ),
                ),
                agreements=(
                    (
                        "Atlas van het aanbod aanvullen met de ontbrekende gemeenten",
                        "Gemeente Oss (demo)",
                        "Fatma Yilmaz",
                        -40,
                    ),
                ),
            ),
            DemoSession(
                "Personeel vinden en binden: werkbezoek maakindustrie",
                -30,
                "Innovatiecampus Veghel, Meierijstad",
                (
                    SessionFormat.PROJECT_VISIT,
                    SessionFormat.PRACTICE_EXAMPLE,
                    SessionFormat.INTERVISION,
                ),
                "Werkbezoek bij een maakbedrijf met zij-instromers, daarna intervisie.",
                agenda=(
                    ("13:00", "Rondleiding"),
                    ("14:00", "Praktijkvoorbeeld zij-instroom"),
                    ("15:00", "Intervisie in drie groepen"),
                ),
                minutes="Het werkgeversnetwerk liet zien hoe tien bedrijven samen "
                "zij-instromers opleiden. In de intervisie bleek dat gemeenten vooral "
                "worstelen met de doorverwijzing vanuit de bijstand.",
                lessons=(
                    (
                        "doen",
                        "Begin bij de vraag van de werkgever, niet bij het aanbod",
                        "Werkt in de maakindustrie; bij zzp'ers minder.",
                        ("menselijk-kapitaal",),
                    ),
                    (
                        "niet-doen",
                        "Nodig ondernemers niet uit met een brief van de gemeente",
                        "Een persoonlijke uitnodiging via een collega-ondernemer werkt veel beter.",
                        ("ondernemerschap-en-starters",),
                    ),
                ),
                agreements=(
                    (
                        "Pilot zij-instroom uitbreiden naar de bouw",
                        "Bouwend Noordoost (fictief)",
                        "Ruud van Leeuwen",
                        60,
                    ),
                    (
                        "Doorverwijzing vanuit de bijstand regionaal afspreken",
                        "Gemeente 's-Hertogenbosch (demo)",
                        "Ilse de Vries",
                        45,
                    ),
                ),
                examples=("Werkgeversnetwerk zij-instroom techniek",),
            ),
            DemoSession(
                "Bedrijfsopvolging in de kleine kernen",
                12,
                "Stichting Familiebedrijf Brabant, Vught",
                (SessionFormat.GUEST_EXPERT, SessionFormat.SIMULATION),
                "Met een gast-expert uit Overijssel en een simulatie van een opvolgingsgesprek.",
                experts=(
                    (
                        "Gerrit Kamphuis",
                        "Kennispunt Familiebedrijven Overijssel (fictief)",
                        "Keukentafelgesprekken",
                    ),
                ),
                agenda=(
                    ("13:30", "Keukentafelgesprekken in Overijssel"),
                    ("14:30", "Simulatie: het eerste gesprek"),
                    ("16:00", "Afspraken"),
                ),
            ),
            DemoSession(
                "Digitalisering: wat werkt voor het kleine mkb?",
                40,
                "",
                (SessionFormat.WEBINAR, SessionFormat.PRACTICE_EXAMPLE),
                "Online bijeenkomst met het voorbeeld van de digitaliseringsvouchers uit "
                "Zuid-Holland.",
                online=True,
            ),
        ),
        (
            (
                NOB,
                "Hoe bereiken we ondernemers die nooit naar een bijeenkomst komen?",
                ("ondernemerschap-en-starters",),
            ),
        ),
    ),
    DemoProgramme(
        "Community of Practice Zuid-Holland",
        "cop-zuid-holland",
        ProgrammeKind.COMMUNITY,
        (ZH,),
        ("digitalisering", "circulaire-economie-en-verduurzaming", "menselijk-kapitaal"),
        "De Community of Practice van Zuid-Holland rond de drie thema's van de provincie: "
        "digitalisering, circulaire economie en verduurzaming, en menselijk kapitaal.",
        "Per thema één gezamenlijke aanpak die alle regio's in de provincie kunnen gebruiken.",
        "Provincie, ontwikkelingsmaatschappij, de grote gemeenten, hogescholen en "
        "brancheorganisaties.",
        ("coordinator_zh", "yara.elidrissi"),
        ("daan.mulder", "tim.bos"),
        (
            DemoSession(
                "Digitaliseringsvouchers: eerste ervaringen",
                -21,
                "Fieldlab Slim Maken, Zoetermeer",
                (SessionFormat.PRACTICE_EXAMPLE, SessionFormat.INTERACTIVE),
                minutes="De vouchers werken vooral als er een coach bij zit. Kleine bedrijven "
                "haken af bij de aanvraag.",
                lessons=(
                    (
                        "doen",
                        "Combineer een voucher met een coach",
                        "Zonder begeleiding kiezen bedrijven vaak het verkeerde project.",
                        ("digitalisering",),
                    ),
                ),
                agreements=(
                    (
                        "Aanvraagformulier vouchers vereenvoudigen",
                        "Provincie Zuid-Holland (demo)",
                        "Yara El Idrissi",
                        30,
                    ),
                ),
                examples=("Digitaliseringsvouchers met een coach erbij",),
            ),
            DemoSession(
                "Circulair ondernemen in de tuinbouw",
                20,
                "Tuinbouwnetwerk Westland, Naaldwijk",
                (SessionFormat.PROJECT_VISIT, SessionFormat.INTERVISION),
            ),
        ),
        ((ZH, "Hoe meten we of digitaliseringssteun echt iets oplevert?", ("digitalisering",)),),
    ),
    DemoProgramme(
        "Community of Practice Groningen-Assen",
        "cop-groningen-assen",
        ProgrammeKind.COMMUNITY,
        (GA,),
        ("ondernemerschap-en-starters", "innovatie"),
        "Regionaal accountmanagement: de accountmanagers van de partijen werken als één team.",
        "Eén gedeeld klantbeeld en een gezamenlijke bezoekplanning.",
        "Accountmanagers van gemeenten, provincies, ontwikkelingsmaatschappij en KVK.",
        ("hanneke.dijkstra",),
        ("facilitator",),
        (
            DemoSession(
                "Eén klantbeeld: hoe doen we dat met de AVG?",
                -14,
                "Ondernemershuis Groningen",
                (SessionFormat.GUEST_EXPERT, SessionFormat.INTERVISION),
                minutes="Met een privacyjurist bespraken we wat accountmanagers wel en niet "
                "mogen delen.",
                lessons=(
                    (
                        "niet-doen",
                        "Deel geen klantgegevens zonder toestemming",
                        "Vraag de ondernemer aan het eind van het bezoek of een andere partij "
                        "contact mag opnemen.",
                        ("ondernemerschap-en-starters",),
                    ),
                ),
                agreements=(
                    (
                        "Toestemmingstekst voor doorverwijzing opstellen",
                        "Ondernemershuis Groningen (fictief)",
                        "Hanneke Dijkstra",
                        21,
                    ),
                ),
                examples=("Regionaal accountmanagement met één klantbeeld",),
            ),
            DemoSession("Gezamenlijke bezoekplanning", 25, "Assen", (SessionFormat.INTERACTIVE,)),
        ),
    ),
    DemoProgramme(
        "Community of Practice Regio Zwolle",
        "cop-regio-zwolle",
        ProgrammeKind.COMMUNITY,
        (ZW,),
        ("innovatie", "menselijk-kapitaal"),
        "Regionaal leiderschap: hoe bestuurders van overheid, onderwijs en ondernemers samen "
        "richting geven aan het mkb-beleid.",
        "Drie gedeelde prioriteiten met een trekker en financiering.",
        "Bestuurders en hun beleidsmedewerkers.",
        ("gerrit.kamphuis",),
        ("facilitator",),
        (
            DemoSession(
                "De bestuurstafel in de praktijk",
                18,
                "Provinciehuis Zwolle",
                (SessionFormat.PRACTICE_EXAMPLE, SessionFormat.INTERVISION),
            ),
        ),
    ),
    DemoProgramme(
        "Intervisie MKB-Deals",
        "intervisie-mkb-deals",
        ProgrammeKind.INTERVISION,
        tuple(DEALS),
        ("ondernemerschap-en-starters", "bedrijfsopvolging", "menselijk-kapitaal"),
        "De negen MKB-Deals leggen elkaar hun leervragen voor en bespreken ze in intervisie.",
        "Elke deal heeft aan het eind van het jaar een antwoord op zijn leervraag, met een "
        "praktijkvoorbeeld van een andere deal.",
        "Per deal de projectleider en één bestuurlijk trekker.",
        ("facilitator", "gerrit.kamphuis"),
        ("sophie.wessels", "bas.hermans"),
        (
            DemoSession(
                "Intervisieronde 1: bereik van het kleine mkb",
                -45,
                "",
                (SessionFormat.INTERVISION, SessionFormat.WEBINAR),
                online=True,
                minutes="Drie deals brachten een casus in over het bereiken van "
                "ondernemers die niet uit zichzelf komen.",
                lessons=(
                    (
                        "doen",
                        "Werk via mensen die de ondernemer al vertrouwt",
                        "Accountants, banken en brancheverenigingen bereiken ondernemers die de "
                        "overheid niet bereikt.",
                        ("bedrijfsopvolging",),
                    ),
                ),
                agreements=(
                    (
                        "Lijst met vertrouwde tussenpersonen per deal delen",
                        "Achterhoek Werkt Samen (fictief)",
                        "Sophie Wessels",
                        -10,
                    ),
                ),
                examples=("Keukentafelgesprekken over bedrijfsopvolging",),
            ),
            DemoSession(
                "Intervisieronde 2: van project naar structurele aanpak",
                30,
                "",
                (SessionFormat.INTERVISION, SessionFormat.WEBINAR),
                online=True,
            ),
        ),
        (
            (
                "MKB-Deal Achterhoek",
                "Hoe houden we circulaire ketenprojecten gaande na de subsidie?",
                ("circulaire-economie-en-verduurzaming",),
            ),
            (
                "MKB-Deal BAR-regio",
                "Hoe werken drie gemeenten samen aan één ondernemersloket?",
                ("ondernemerschap-en-starters",),
            ),
            (
                "MKB-Deal West-Brabant",
                "Hoe betrekken we de logistieke sector bij scholing?",
                ("menselijk-kapitaal",),
            ),
            (
                "MKB-Deal Drenthe",
                "Hoe bereiken we familiebedrijven op het platteland?",
                ("bedrijfsopvolging",),
            ),
            (
                "MKB-Deal Eindhoven",
                "Hoe krijgt het kleine mkb toegang tot studenten en data?",
                ("digitalisering",),
            ),
            (
                "MKB-Deal Limburg",
                "Hoe helpen we zzp'ers aan een beter verdienmodel?",
                ("ondernemerschap-en-starters", "financiering"),
            ),
            (
                "MKB-Deal Overijssel",
                "Hoe maken we opvolging eerder bespreekbaar?",
                ("bedrijfsopvolging",),
            ),
            (
                "MKB-Deal Utrecht",
                "Hoe meten we het bereik van alle partijen samen?",
                ("innovatie",),
            ),
            (
                "MKB-Deal Zuid-Limburg",
                "Hoe werken we over de grens samen met Belgische partners?",
                ("internationalisering",),
            ),
        ),
    ),
    DemoProgramme(
        "Netwerk accountmanagers",
        "netwerk-accountmanagers",
        ProgrammeKind.NETWORK,
        (NOB, ZH, GA, ZW),
        ("ondernemerschap-en-starters",),
        "Landelijk netwerk van accountmanagers bedrijven van gemeenten, provincies en "
        "ontwikkelingsmaatschappijen.",
        "Kennis delen over bedrijfsbezoeken, doorverwijzen en samenwerken.",
        "Accountmanagers uit alle regio's.",
        ("facilitator",),
        ("member", "hanneke.dijkstra", "daan.mulder"),
        (
            DemoSession(
                "Webinar: het goede gesprek met de ondernemer",
                9,
                "",
                (SessionFormat.WEBINAR,),
                online=True,
            ),
        ),
    ),
]


def _user(key: str, people: dict):
    User = get_user_model()  # noqa: N806
    if key in people:
        return people[key]
    email = f"{key}@{DEMO_EMAIL_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        name = next(p[1] for p in PARTICIPANTS if p[0] == key)
        user = User.objects.create_user(email=email, password=None, full_name=name)
    return user


def _organisations() -> dict[str, Organisation]:
    existing = {o.name: o for o in Organisation.objects.all()}
    for name, kind, place in EXTRA_ORGANISATIONS:
        if name not in existing:
            municipality = Municipality.objects.filter(name=place, is_current=True).first()
            existing[name] = organisation_create(
                name=name,
                type=kind,
                website="",
                kvk_number="",
                actor=None,
                municipality=municipality,
            )
    return existing


def _moment(today: dt.date, days: int, hour: int = 13, minutes: int = 30) -> dt.datetime:
    return timezone.make_aware(
        dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, minutes))
    )


def _session(programme, spec: DemoSession, today, organiser, organisations, themes, examples):
    if programme.sessions.filter(title=spec.title).exists():
        return
    starts = _moment(today, spec.days)
    session = Session.objects.create(
        programme=programme,
        title=spec.title,
        description=spec.description,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        place=spec.place,
        online_url="https://vergaderen.voorbeeld.example/" + programme.slug if spec.online else "",
        formats=list(spec.formats),
        capacity=20 if not spec.online else 100,
        organiser=organiser,
    )
    for name, organisation, topic in spec.experts:
        session.guest_experts.create(name=name, organisation=organisation, topic=topic)
    for order, (time, title) in enumerate(spec.agenda):
        session.agenda_items.create(order=order, starts=dt.time.fromisoformat(time), title=title)
    session.logistics.create(kind="locatie", note=spec.place or "online", done=spec.days < 0)
    session.logistics.create(kind="catering", done=spec.days < 0)
    session.logistics.create(kind="uitnodigingen", done=True)
    members = list(programme.members.select_related("user", "organisation"))
    for member in members[: session.capacity]:
        Registration.objects.create(
            session=session,
            user=member.user,
            name=member.user.full_name or member.user.email,
            email=member.user.email,
            organisation_name=member.organisation.name if member.organisation else "",
            status=RegistrationStatus.REGISTERED,
            attended=True if spec.days < 0 else None,
        )
    if spec.minutes:
        services_sessions.report_save(
            session=session,
            data=services_sessions.ReportData(
                minutes=spec.minutes,
                lessons=[
                    services_sessions.LessonData(
                        kind=kind,
                        text=text,
                        context=context,
                        themes=[themes[s] for s in slugs if s in themes],
                    )
                    for kind, text, context, slugs in spec.lessons
                ],
                agreements=[
                    services_sessions.AgreementData(
                        description=what,
                        owner_organisation=organisations.get(organisation),
                        owner_name=person,
                        due_date=today + dt.timedelta(days=days),
                        status=AgreementStatus.DONE if days < 0 else AgreementStatus.OPEN,
                    )
                    for what, organisation, person, days in spec.agreements
                ],
                practice_examples=[examples[t] for t in spec.examples if t in examples],
            ),
            actor=organiser,
        )


def learning_demo_load(*, people: dict, today: dt.date | None = None) -> None:
    """``people``: the demo users by their key in ``data.PEOPLE``."""
    today = today or timezone.localdate()
    organisations = _organisations()
    themes = {t.slug: t for t in Theme.objects.all()}
    regions = {r.name: r for r in Region.objects.filter(name__in=[NOB, ZH, GA, ZW, *DEALS])}
    examples = {
        e.title: e for e in PracticeExample.objects.filter(title__in=[x.title for x in EXAMPLES])
    }
    for spec in EXAMPLES:
        if spec.title in examples or spec.region not in regions:
            continue
        contact = next((p for p in PARTICIPANTS if p[1] == spec.contact), None)
        examples[spec.title] = services.practice_create(
            data=services.PracticeData(
                title=spec.title,
                organisation=organisations[spec.organisation],
                region=regions[spec.region],
                themes=[themes[s] for s in spec.themes if s in themes],
                summary=spec.summary,
                approach=spec.approach,
                results=spec.results,
                dos=spec.dos,
                donts=spec.donts,
                contact_name=spec.contact,
                contact_email=f"{contact[0]}@{DEMO_EMAIL_DOMAIN}" if contact else "",
            ),
            actor=None,
        )
    for spec in PROGRAMMES:
        programme = Programme.objects.filter(slug=spec.slug).first()
        if programme is None:
            programme = services.programme_create(
                data=services.ProgrammeData(
                    title=spec.title,
                    kind=spec.kind,
                    status=ProgrammeStatus.ACTIVE,
                    description=spec.description,
                    goals=spec.goals,
                    needed=spec.needed,
                    regions=[regions[r] for r in spec.regions if r in regions],
                    themes=[themes[s] for s in spec.themes if s in themes],
                    start_date=today - dt.timedelta(days=120),
                ),
                actor=None,
            )
            programme.slug = spec.slug
            programme.save(update_fields=["slug"])
        for role, keys in (
            (MemberRole.CORE_TEAM, spec.core),
            (MemberRole.PARTICIPANT, spec.participants),
        ):
            for key in keys:
                user = _user(key, people)
                if ProgrammeMember.objects.filter(programme=programme, user=user).exists():
                    continue
                participant = next((p for p in PARTICIPANTS if p[0] == key), None)
                member = services.member_add(
                    programme=programme,
                    user=user,
                    role=role,
                    organisation=organisations.get(participant[2]) if participant else None,
                    themes=[themes[s] for s in spec.themes[:2] if s in themes],
                    actor=None,
                )
                if participant:
                    member.show_email = True
                    member.save(update_fields=["show_email"])
        organiser = _user(spec.core[0], people)
        for session in spec.sessions:
            _session(programme, session, today, organiser, organisations, themes, examples)
        for region_name, title, slugs in spec.questions:
            if LearningQuestion.objects.filter(title=title).exists():
                continue
            services.question_create(
                data=services.QuestionData(
                    title=title,
                    region=regions.get(region_name),
                    programme=programme,
                    themes=[themes[s] for s in slugs if s in themes],
                ),
                actor=organiser,
            )
