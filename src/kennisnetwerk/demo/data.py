"""The demo data set: fictitious organisations in real municipalities, the regions named in
the network's programme, and one person per role. Every organisation name says it is
fictitious; every e-mail address is under the reserved .example domain. The organisations
and initiatives (the inventory of Noordoost-Brabant and Zuid-Holland) are in ``inventory``."""

from .inventory import INITIATIVES, ORGANISATIONS

__all__ = [
    "DEMO_EMAIL_DOMAIN",
    "DEMO_PASSWORD",
    "DEMO_TOTP_SECRET",
    "INITIATIVES",
    "NOORDOOST_BRABANT",
    "ORGANISATIONS",
    "PEOPLE",
    "REGIONS",
]

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
