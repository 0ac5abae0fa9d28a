"""Demo content of the regions' channel: approved messages and events of the parties (dated
from the day of loading, so the calendar is never empty), one near-duplicate waiting in the
editorial queue, and confirmed subscribers. Fictitious; addresses under .example."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.outreach.constants import ConsentEvent, MessageStatus, SubscriberStatus
from kennisnetwerk.outreach.models import Consent, Message, Subscriber

DEMO_SUBSCRIBER_DOMAIN = "ondernemer.voorbeeld.example"


@dataclass(frozen=True)
class DemoMessage:
    region: str
    sender: str
    kind: str
    title: str
    body: str
    themes: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    event_in_days: int | None = None  # an event this many days after loading, 16:00–18:00
    location: str = ""
    deadline_in_days: int | None = None
    status: str = MessageStatus.APPROVED
    co_senders: tuple[str, ...] = field(default_factory=tuple)


NOB, ZH = "Noordoost-Brabant", "Zuid-Holland"

MESSAGES = [
    DemoMessage(
        NOB,
        "Gemeente Oss (demo)",
        "evenement",
        "Ondernemersontbijt Oss: personeel vinden en binden",
        "Een ontbijt voor ondernemers uit Oss over personeel werven en behouden, met een "
        "werkgever uit de maakindustrie en het Werkgeversservicepunt. Aanmelden is gratis.",
        themes=("menselijk-kapitaal",),
        municipalities=("Oss",),
        event_in_days=9,
        location="Gemeentehuis Oss, Raadhuislaan 10",
        co_senders=("Werkgeversservicepunt Noordoost-Brabant (fictief)",),
    ),
    DemoMessage(
        NOB,
        "Provincie Noord-Brabant (demo)",
        "subsidie",
        "Voucherregeling Slim Produceren: aanvragen kan tot eind van de maand",
        "Mkb-bedrijven in de maakindustrie kunnen een voucher aanvragen voor advies over "
        "automatisering en robotisering. De voucher vergoedt de helft van de kosten.",
        themes=("digitalisering", "arbeidsproductiviteit"),
        sizes=("klein", "middelgroot"),
        deadline_in_days=20,
    ),
    DemoMessage(
        NOB,
        "Hogeschool Maaskant (fictief)",
        "evenement",
        "Workshop: uw webshop beter vindbaar",
        "In twee uur leert u hoe klanten uw webshop vinden: zoekwoorden, Google-profiel en "
        "reviews. Studenten van de Digitale Werkplaats helpen daarna een middag mee.",
        themes=("digitalisering",),
        sizes=("zzp", "micro"),
        event_in_days=16,
        location="Hogeschool Maaskant, 's-Hertogenbosch",
    ),
    DemoMessage(
        NOB,
        "Stichting Familiebedrijf Brabant (fictief)",
        "evenement",
        "Tafelgesprek bedrijfsopvolging in het familiebedrijf",
        "Drie familiebedrijven vertellen hoe zij de overdracht aan de volgende generatie "
        "voorbereidden. Daarna gesprekken in kleine groepen, onder leiding van een adviseur.",
        themes=("bedrijfsopvolging",),
        event_in_days=23,
        location="Kasteel Heeswijk, Heeswijk-Dinther",
    ),
    DemoMessage(
        NOB,
        "Agrifood Innovatiehuis Noordoost (fictief)",
        "oproep",
        "Gezocht: tien agrifoodbedrijven voor een proef met restwarmte",
        "Voor een proef met het delen van restwarmte zoeken we tien bedrijven in de "
        "voedingsindustrie die mee willen doen. Deelname is kosteloos; u krijgt een energiescan.",
        themes=("circulaire-economie-en-verduurzaming", "innovatie"),
        deadline_in_days=30,
    ),
    DemoMessage(
        NOB,
        "KVK (demo)",
        "nieuws",
        "Nieuw: gratis gesprek over financiering voor groeiers",
        "Wilt u groeien maar weet u niet welke financiering past? Een adviseur van KVK zet de "
        "mogelijkheden op een rij, van bank tot crowdfunding en regionale fondsen.",
        themes=("financiering",),
    ),
    DemoMessage(
        ZH,
        "Gemeente Rotterdam (demo)",
        "evenement",
        "Rotterdamse Ondernemersavond circulair bouwen",
        "Bouwbedrijven en opdrachtgevers praten over hergebruik van materialen, met "
        "voorbeelden uit de haven en de stad. Na afloop een netwerkborrel.",
        themes=("circulaire-economie-en-verduurzaming",),
        municipalities=("Rotterdam",),
        event_in_days=12,
        location="Het Timmerhuis, Rotterdam",
    ),
    DemoMessage(
        ZH,
        "Fieldlab Slim Maken Zuid-Holland (fictief)",
        "evenement",
        "Open dag Fieldlab Slim Maken: cobots in de praktijk",
        "Zie hoe een kleine metaalbewerker met een cobot werkt en wat dat opleverde. Voor "
        "ondernemers die twijfelen of automatiseren iets voor hen is.",
        themes=("digitalisering", "arbeidsproductiviteit"),
        event_in_days=19,
        location="Fieldlab Slim Maken, Delft",
    ),
    DemoMessage(
        ZH,
        "Provincie Zuid-Holland (demo)",
        "subsidie",
        "Subsidie Leven Lang Ontwikkelen: nieuwe ronde open",
        "Werkgevers kunnen een bijdrage aanvragen voor opleidingen van hun medewerkers in "
        "digitale vaardigheden en techniek. Eerst komt, eerst maalt.",
        themes=("menselijk-kapitaal",),
        deadline_in_days=35,
    ),
]

# A party submits what another party already announced: the editor sees the near-duplicate.
QUEUED = DemoMessage(
    NOB,
    "Ondernemersvereniging Maasland Vooruit (fictief)",
    "evenement",
    "Ondernemersontbijt in Oss over personeel vinden en binden",
    "Ontbijt voor ondernemers in Oss over het vinden en binden van personeel, met een "
    "werkgever uit de maakindustrie en het Werkgeversservicepunt. Gratis aanmelden.",
    themes=("menselijk-kapitaal",),
    municipalities=("Oss",),
    event_in_days=9,
    location="Gemeentehuis Oss",
    status=MessageStatus.SUBMITTED,
)

SUBSCRIBERS = [
    (NOB, "bakkerij-dewit", "Bakkerij De Wit", "Oss", "micro", ("menselijk-kapitaal",)),
    (NOB, "metaal-heesch", "Metaalbewerking Heesch", "Bernheze", "klein", ("digitalisering",)),
    (NOB, "webwinkel-uden", "Webwinkel Uden", "Maashorst", "zzp", ("digitalisering",)),
    (NOB, "vleeswaren-boxtel", "Vleeswaren Boxtel", "Boxtel", "middelgroot", ()),
    (NOB, "bouw-cuijk", "Bouwbedrijf Cuijk", "Land van Cuijk", "klein", ("bedrijfsopvolging",)),
    (ZH, "kwekerij-westland", "Kwekerij Westland", "Westland", "klein", ()),
    (ZH, "software-delft", "Software Delft", "Delft", "micro", ("digitalisering", "innovatie")),
    (ZH, "installatie-gouda", "Installatiebedrijf Gouda", "Gouda", "middelgroot", ()),
]


def _message(spec: DemoMessage, today: dt.date) -> None:
    region = Region.objects.get(name=spec.region)
    if Message.objects.filter(region=region, title=spec.title).exists():
        return
    zone = timezone.get_current_timezone()
    start = end = None
    if spec.event_in_days is not None:
        day = today + dt.timedelta(days=spec.event_in_days)
        start = dt.datetime.combine(day, dt.time(16, 0), zone)
        end = start + dt.timedelta(hours=2)
    deadline = today + dt.timedelta(days=spec.deadline_in_days) if spec.deadline_in_days else None
    until = (end.date() if end else deadline) or today + dt.timedelta(days=45)
    message = Message.objects.create(
        region=region,
        sender=Organisation.objects.get(name=spec.sender),
        kind=spec.kind,
        title=spec.title,
        body=spec.body,
        valid_from=today - dt.timedelta(days=2),
        valid_until=until,
        deadline=deadline,
        event_start=start,
        event_end=end,
        location=spec.location,
        status=spec.status,
        reviewed_at=timezone.now() if spec.status == MessageStatus.APPROVED else None,
    )
    message.themes.set(Theme.objects.filter(slug__in=spec.themes))
    message.target_groups.set(TargetGroup.objects.filter(code__in=spec.sizes))
    message.municipalities.set(Municipality.objects.filter(name__in=spec.municipalities))
    message.co_senders.set(Organisation.objects.filter(name__in=spec.co_senders))


def outreach_demo_load(today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    for spec in [*MESSAGES, QUEUED]:
        _message(spec, today)
    for region_name, local, company, municipality, size, themes in SUBSCRIBERS:
        email = f"{local}@{DEMO_SUBSCRIBER_DOMAIN}"
        region = Region.objects.get(name=region_name)
        if Subscriber.objects.filter(region=region, email=email).exists():
            continue
        subscriber = Subscriber.objects.create(
            region=region,
            email=email,
            company_name=f"{company} (fictief)",
            municipality=Municipality.objects.get(name=municipality, is_current=True),
            size_class=size,
            frequency="maandelijks",
            status=SubscriberStatus.ACTIVE,
            confirmed_at=timezone.now(),
        )
        subscriber.themes.set(Theme.objects.filter(slug__in=themes))
        Consent.objects.create(subscriber=subscriber, event=ConsentEvent.CONFIRMED, text="demo")
