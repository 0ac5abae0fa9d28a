"""A small, realistic set of initiatives of regional SME support, for the search tests."""

INITIATIVES = [
    (
        "digitale-werkplaats",
        "Digitale werkplaats voor het mkb",
        "Studenten helpen ondernemers bij het digitaliseren van hun bedrijfsprocessen en "
        "hun webwinkel.",
    ),
    (
        "digitaliseringsvouchers",
        "Vouchers voor digitalisering",
        "Een subsidieregeling voor advies over digitalisering, cybersecurity en data in de "
        "maakindustrie.",
    ),
    (
        "cyberweerbaarheid",
        "Scan cyberweerbaarheid",
        "Gratis scan van de digitale weerbaarheid van familiebedrijven.",
    ),
    (
        "circulair-bouwen",
        "Circulair bouwen in de regio",
        "Aannemers en gemeenten werken samen aan hergebruik van materialen: de circulaire "
        "economie in de bouw.",
    ),
    (
        "circulaire-maakindustrie",
        "Circulaire maakindustrie",
        "Ondersteuning bij het ontwerpen van producten voor hergebruik en reparatie.",
    ),
    (
        "verduurzaming-bedrijfspanden",
        "Verduurzaming van bedrijfspanden",
        "Energiescan en subsidie voor zonnepanelen en isolatie bij mkb-bedrijven.",
    ),
    (
        "werkgeversservicepunt",
        "Werkgeversservicepunt Arbeidsmarktregio Groningen",
        "Eén loket voor werkgevers met vragen over personeel en scholing.",
    ),
    (
        "leven-lang-ontwikkelen",
        "Leven lang ontwikkelen",
        "Opleidingsbudget voor medewerkers in de arbeidsmarktregio Twente: om- en bijscholing.",
    ),
    (
        "krapte-techniek",
        "Krapte op de arbeidsmarkt in de techniek",
        "Werkgevers en scholen werken samen aan leerwerktrajecten.",
    ),
    (
        "subsidiewijzer",
        "Subsidiewijzer",
        "Overzicht van alle subsidieregelingen voor ondernemers in de provincie.",
    ),
    (
        "innovatiekrediet",
        "Innovatiekrediet",
        "Financiering voor risicovolle innovatieprojecten van het mkb.",
    ),
    (
        "mit-regeling",
        "MIT-regeling",
        "Regeling voor haalbaarheidsprojecten en R&D-samenwerking: subsidie voor innovatie in "
        "het mkb.",
    ),
    (
        "loket-bedrijfsopvolging",
        "Loket bedrijfsopvolging",
        "Begeleiding bij de overdracht van familiebedrijven aan de volgende generatie.",
    ),
    (
        "netwerk-familiebedrijven",
        "Netwerk familiebedrijven",
        "Ondernemers uit familiebedrijven leren van elkaar over opvolging en governance.",
    ),
    (
        "overnemen-of-starten",
        "Overnemen in plaats van starten",
        "Starters vinden een bedrijf om over te nemen; matchmaking met verkopers.",
    ),
    (
        "export-academy",
        "Export Academy",
        "Training internationalisering: de eerste stappen naar export buiten Europa.",
    ),
    (
        "zakendoen-in-duitsland",
        "Zakendoen in Duitsland",
        "Internationalisering voor mkb-bedrijven in de grensregio, met handelsmissies.",
    ),
    (
        "starterscentrum",
        "Starterscentrum",
        "Advies voor startende ondernemers: ondernemingsplan, financiering en inschrijving "
        "bij de KVK.",
    ),
    (
        "horeca",
        "Ondernemen in de horeca",
        "Ondersteuning voor het café en het restaurant op de hoek: vergunningen en personeel.",
    ),
    (
        "kennisnetwerk-ai",
        "Kennisnetwerk AI in het mkb",
        "Bijeenkomsten over kunstmatige intelligentie en data voor ondernemers.",
    ),
    (
        "monitor-ict",
        "Monitor ICT-sector",
        "Cijfers over bedrijven met SBI-code 62 in 2024.",
    ),
    (
        "regio-deal",
        "Regio Deal Noordoost",
        "Investeringen in innovatie, onderwijs en leefbaarheid.",
    ),
    (
        "arbeidsproductiviteit",
        "Arbeidsproductiviteit verhogen",
        "Slimmer werken met lean en automatisering in de maakindustrie.",
    ),
    (
        "groeiversneller",
        "Groeiversneller",
        "Programma voor snelgroeiende ondernemingen, met coaching en een netwerk.",
    ),
    (
        "financieringstafel",
        "Financieringstafel",
        "Ondernemers met een financieringsvraag spreken banken, investeerders en de ROM.",
    ),
    (
        "duurzaam-ondernemen",
        "Duurzaam ondernemen",
        "Netwerk voor duurzaamheid en maatschappelijk verantwoord ondernemen.",
    ),
    (
        "zorginnovatie",
        "Zorginnovatie",
        "Ondernemers en zorginstellingen ontwikkelen samen nieuwe producten.",
    ),
    (
        "agrifood",
        "Agrifood innovatie",
        "Innovatieprojecten in landbouw en voedsel; circulaire voedselketens.",
    ),
    (
        "ondernemersklankbord",
        "Ondernemersklankbord",
        "Ervaren adviseurs helpen ondernemers in zwaar weer.",
    ),
    (
        "vakmanschap",
        "Vakmanschap en techniek",
        "Techniekonderwijs voor leerlingen en werkgevers in de maakindustrie.",
    ),
]

ORGANISATIONS = [
    ("kvk", "Kamer van Koophandel", "Inschrijving, advies en informatie over subsidie."),
    ("rom-noord", "Regionale ontwikkelingsmaatschappij Noord", "Financiering en innovatie."),
]
