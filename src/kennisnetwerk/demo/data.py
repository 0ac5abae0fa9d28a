"""The demo data set: fictitious organisations in real municipalities, the regions named in
the network's programme, and one person per role. Every organisation name says it is
fictitious; every e-mail address is under the reserved .example domain."""

DEMO_PASSWORD = "Demo-Kennisnetwerk-2026"
DEMO_EMAIL_DOMAIN = "demo.kennisnetwerk.example"
# Fixed so that the demo facilitator can add the account to an authenticator app.
DEMO_TOTP_SECRET = "KNDEMOFACILITATORTWEEFACTORDEMO2"

# The 11 municipalities of Noordoost-Brabant since the mergers of 2022.
NOORDOOST_BRABANT = [
    "'s-Hertogenbosch",
    "Oss",
    "Bernheze",
    "Boekel",
    "Boxtel",
    "Heusden",
    "Land van Cuijk",
    "Maashorst",
    "Meierijstad",
    "Sint-Michielsgestel",
    "Vught",
]

# (name, kind, description, source) where source is a list of names, "corop:CRxx" or
# "province:PVxx".
REGIONS = [
    (
        "Noordoost-Brabant",
        "custom",
        "Regio Noordoost-Brabant: 11 gemeenten (17 in 2020, vóór de herindelingen tot Land van "
        "Cuijk en Maashorst), samen ruim 0,6 miljoen inwoners.",
        NOORDOOST_BRABANT,
    ),
    (
        "Groningen-Assen",
        "custom",
        "Regio Groningen-Assen: regionaal accountmanagement.",
        [
            "Groningen",
            "Assen",
            "Tynaarlo",
            "Aa en Hunze",
            "Noordenveld",
            "Midden-Groningen",
            "Westerkwartier",
            "Het Hogeland",
            "Eemsdelta",
        ],
    ),
    (
        "Regio Zwolle",
        "custom",
        "Regio Zwolle: regionaal leiderschap.",
        [
            "Zwolle",
            "Kampen",
            "Dalfsen",
            "Hattem",
            "Heerde",
            "Olst-Wijhe",
            "Raalte",
            "Staphorst",
            "Zwartewaterland",
            "Steenwijkerland",
            "Meppel",
        ],
    ),
    ("MKB-Deal Achterhoek", "mkb_deal", "", "corop:CR14"),
    (
        "MKB-Deal BAR-regio",
        "mkb_deal",
        "Barendrecht, Albrandswaard en Ridderkerk.",
        ["Barendrecht", "Albrandswaard", "Ridderkerk"],
    ),
    ("MKB-Deal West-Brabant", "mkb_deal", "", "corop:CR33"),
    ("MKB-Deal Drenthe", "mkb_deal", "", "province:PV22"),
    ("MKB-Deal Eindhoven", "mkb_deal", "", "corop:CR36"),
    ("MKB-Deal Limburg", "mkb_deal", "", "province:PV31"),
    ("MKB-Deal Overijssel", "mkb_deal", "", "province:PV23"),
    ("MKB-Deal Utrecht", "mkb_deal", "", "province:PV26"),
    ("MKB-Deal Zuid-Limburg", "mkb_deal", "", "corop:CR39"),
    (
        "Arbeidsmarktregio Noordoost-Brabant",
        "labour_market",
        "Demo-indeling.",
        NOORDOOST_BRABANT,
    ),
]

# (name, type, municipality, website)
ORGANISATIONS = [
    ("Gemeente 's-Hertogenbosch (demo)", "gemeente", "'s-Hertogenbosch", ""),
    ("Gemeente Oss (demo)", "gemeente", "Oss", ""),
    ("Gemeente Meierijstad (demo)", "gemeente", "Meierijstad", ""),
    ("Gemeente Land van Cuijk (demo)", "gemeente", "Land van Cuijk", ""),
    ("Gemeente Maashorst (demo)", "gemeente", "Maashorst", ""),
    ("Provincie Noord-Brabant (demo)", "provincie", "'s-Hertogenbosch", ""),
    ("Ondernemersvereniging Maasland Vooruit (fictief)", "ondernemersvereniging", "Oss", ""),
    ("Agrifood Innovatiehuis Noordoost (fictief)", "kennisinstelling", "Meierijstad", ""),
    ("ROC De Meierij (fictief)", "onderwijs", "'s-Hertogenbosch", ""),
    ("Stichting Familiebedrijf Brabant (fictief)", "overig", "Vught", ""),
    ("Groeifonds Maas en Dommel (fictief)", "bank", "Boxtel", ""),
    ("Ontwikkelingsmaatschappij Zuid (fictief)", "rom", "'s-Hertogenbosch", ""),
    ("Gemeente Rotterdam (demo)", "gemeente", "Rotterdam", ""),
    ("Gemeente Leiden (demo)", "gemeente", "Leiden", ""),
    ("Provincie Zuid-Holland (demo)", "provincie", "'s-Gravenhage", ""),
    ("Digitale Werkplaats Delfland (fictief)", "kennisinstelling", "Delft", ""),
    ("Circulair Ondernemen Haaglanden (fictief)", "ondernemersvereniging", "Westland", ""),
    ("Techniekpact Rijnmond (fictief)", "onderwijs", "Rotterdam", ""),
    ("Bedrijvenloket Groene Hart (fictief)", "adviseur", "Gouda", ""),
]

# (key, full name, role description, setup)
PEOPLE = [
    {
        "key": "facilitator",
        "email": "netwerkbegeleider",
        "name": "Noor Visser",
        "role": "netwerkbegeleider",
        "staff": True,
    },
    {
        "key": "coordinator",
        "email": "coordinator.noordoost-brabant",
        "name": "Joris van Dijk",
        "role": "regiocoördinator Noordoost-Brabant",
        "coordinates": "Noordoost-Brabant",
    },
    {
        "key": "member",
        "email": "medewerker.oss",
        "name": "Fatma Yilmaz",
        "role": "medewerker partij (Gemeente Oss)",
        "member_of": [("Gemeente Oss (demo)", "member")],
    },
    {
        "key": "entrepreneur",
        "email": "ondernemer",
        "name": "Bram de Wit",
        "role": "ondernemer (Bakkerij De Korenschoof, Oss)",
        "company": ("Bakkerij De Korenschoof (fictief)", "", "Oss"),
    },
    {
        "key": "coordinator_zh",
        "email": "coordinator.zuid-holland",
        "name": "Sanne Bakker",
        "role": "regiocoördinator Zuid-Holland",
        "coordinates": "Zuid-Holland",
    },
    {
        "key": "org_admin",
        "email": "beheerder.maasland",
        "name": "Kees Hendriks",
        "role": "beheerder Ondernemersvereniging Maasland Vooruit",
        "member_of": [("Ondernemersvereniging Maasland Vooruit (fictief)", "admin")],
    },
]

# (title, kind, owner, inventory region, themes, target group codes, description)
INITIATIVES = [
    (
        "Digitale Werkplaats Noordoost (demo)",
        "programma",
        "Gemeente 's-Hertogenbosch (demo)",
        "Noordoost-Brabant",
        ["digitalisering"],
        ["micro", "klein"],
        "Studenten helpen mkb-ondernemers bij de eerste stappen in digitalisering: webshop, "
        "online vindbaarheid en digitale administratie.",
    ),
    (
        "Voucherregeling Slim Produceren (fictief)",
        "regeling",
        "Provincie Noord-Brabant (demo)",
        "Noordoost-Brabant",
        ["digitalisering", "arbeidsproductiviteit"],
        ["klein", "middelgroot"],
        "Subsidieregeling voor advies en investeringen in automatisering en robotisering in de "
        "maakindustrie.",
    ),
    (
        "Ondernemersloket Oss (demo)",
        "loket",
        "Gemeente Oss (demo)",
        "Noordoost-Brabant",
        ["ondernemerschap-en-starters", "financiering"],
        ["zzp", "starter"],
        "Eén loket voor vragen over vergunningen, huisvesting en financiering voor starters.",
    ),
    (
        "Leerwerkplaats Techniek Maasland (fictief)",
        "project",
        "ROC De Meierij (fictief)",
        "Noordoost-Brabant",
        ["menselijk-kapitaal"],
        ["klein", "middelgroot"],
        "Praktijkleren in de arbeidsmarktregio: werkenden en werkzoekenden halen een "
        "techniekcertificaat bij regionale bedrijven.",
    ),
    (
        "Circulair Ondernemen Agrifood (fictief)",
        "programma",
        "Agrifood Innovatiehuis Noordoost (fictief)",
        "Noordoost-Brabant",
        ["circulaire-economie-en-verduurzaming", "innovatie"],
        ["koploper", "peloton"],
        "Begeleiding van agrifoodbedrijven bij het sluiten van kringlopen en verwaarden van "
        "reststromen.",
    ),
    (
        "Familiebedrijven Netwerk Brabant (fictief)",
        "netwerk",
        "Stichting Familiebedrijf Brabant (fictief)",
        "Noordoost-Brabant",
        ["bedrijfsopvolging"],
        ["overname"],
        "Netwerk en intervisie voor familiebedrijven die een bedrijfsopvolging voorbereiden.",
    ),
    (
        "Groeifonds Maas en Dommel – microkredieten (fictief)",
        "instrument",
        "Groeifonds Maas en Dommel (fictief)",
        "Noordoost-Brabant",
        ["financiering"],
        ["zzp", "micro", "groei"],
        "Microkredieten tot € 50.000 voor groeiende ondernemers zonder toegang tot "
        "bankfinanciering.",
    ),
    (
        "Exportcafé Noordoost (fictief)",
        "evenementenreeks",
        "Ondernemersvereniging Maasland Vooruit (fictief)",
        "Noordoost-Brabant",
        ["internationalisering"],
        ["klein", "middelgroot"],
        "Maandelijkse bijeenkomsten over exporteren naar Duitsland en België.",
    ),
    (
        "Digitaal Doen Zuid-Holland (fictief)",
        "programma",
        "Digitale Werkplaats Delfland (fictief)",
        "Zuid-Holland",
        ["digitalisering"],
        ["micro", "klein", "peloton"],
        "Praktische workshops en een digitale scan voor mkb-bedrijven in Zuid-Holland.",
    ),
    (
        "Circulaire Kas Westland (fictief)",
        "project",
        "Circulair Ondernemen Haaglanden (fictief)",
        "Zuid-Holland",
        ["circulaire-economie-en-verduurzaming"],
        ["koploper"],
        "Glastuinbouwbedrijven delen warmte en reststromen in een circulaire keten.",
    ),
    (
        "Techniektalent Rijnmond (fictief)",
        "programma",
        "Techniekpact Rijnmond (fictief)",
        "Zuid-Holland",
        ["menselijk-kapitaal", "arbeidsproductiviteit"],
        ["klein", "middelgroot"],
        "Leven lang ontwikkelen: omscholing van werkenden naar technische functies.",
    ),
    (
        "Startersloket Groene Hart (fictief)",
        "loket",
        "Bedrijvenloket Groene Hart (fictief)",
        "Zuid-Holland",
        ["ondernemerschap-en-starters"],
        ["zzp", "starter"],
        "Advies en begeleiding voor startende ondernemers in het Groene Hart.",
    ),
]
