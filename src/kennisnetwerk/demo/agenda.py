"""Demo content of the DOE agenda: the agenda of Noordoost-Brabant with goals, actions and
sub-actions owned by the region's parties, their commitments, progress updates, milestones
and a frozen version signed by the administrators (with a later change, so the difference
shows), one action taken over from an agreement of the Community of Practice, and the agenda
of that Community of Practice itself. Every organisation and person is fictitious. Loading
again adds nothing: an agenda that exists is left as it is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kennisnetwerk.agenda import services
from kennisnetwerk.agenda.models import Action, Agenda
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.constants import AgreementStatus
from kennisnetwerk.learning.models import Programme, SessionAgreement

from .inventory import BNO, DB, GMD, MEI, MNN, OMZ, OSS, PNB, ROCM, SFB

REGION_TITLE = "DOE-agenda mkb Noordoost-Brabant 2026"
PROGRAMME_TITLE = "DOE-agenda Community of Practice Noordoost-Brabant"
ADOPTED_AGREEMENT = "Doorverwijzing vanuit de bijstand regionaal afspreken"

GOALS = [
    ("Meer mkb'ers vinden en binden personeel", "Zij-instroom, leven lang ontwikkelen."),
    ("Bedrijfsopvolging op tijd geregeld", "Vooral in de kleine kernen."),
    ("Eén digitaal loket voor het mkb", "Eén ingang voor alle partijen in de regio."),
]

# goal index, title, owner, deadline (days from today), progress updates, contributions
# (organisation, hours, money, people), sub-actions (title, owner, days, status, progress)
ACTIONS = [
    (
        0,
        "Regionaal programma zij-instroom maakindustrie",
        MNN,
        120,
        [("bezig", 40, "Tien bedrijven doen mee; de eerste groep begint in het voorjaar.")],
        [(ROCM, "120", None, 2), (OMZ, None, "15000", None)],
        [
            ("Werving zij-instromers", MNN, 60, "bezig", 60),
            ("Opleidingstraject op maat", ROCM, 150, "gepland", 0),
        ],
    ),
    (
        1,
        "Opvolgingsscan voor familiebedrijven in de kleine kernen",
        SFB,
        -10,
        [("bezig", 30, "Scan ontwikkeld; de gesprekken met bedrijven lopen achter.")],
        [(PNB, None, "25000", None), (GMD, "40", None, 1)],
        [],
    ),
    (
        2,
        "Eén digitaal ondernemersloket voor de regio",
        DB,
        200,
        [
            ("bezig", 20, "Gesprekken met alle gemeenten gevoerd."),
            ("bezig", 35, "Ontwerp van het loket besproken met de KVK."),
        ],
        [(OSS, "80", None, 1), (MEI, "80", None, 1), (OMZ, None, "40000", None)],
        [],
    ),
]


def _org(name: str) -> Organisation | None:
    return Organisation.objects.filter(name=name).first()


def _region_agenda(region, coordinator, today: dt.date) -> None:
    agenda = services.agenda_create(
        region=region,
        title=REGION_TITLE,
        description=(
            "Eén integrale, gemeenschappelijke aanpak met concrete afspraken over ieders inzet "
            "en bijdrage, vastgesteld door de bestuurders van de regio."
        ),
        start_date=today - dt.timedelta(days=90),
        end_date=today + dt.timedelta(days=275),
        actor=coordinator,
    )
    goals = [
        services.goal_create(agenda=agenda, title=title, description=text, actor=coordinator)
        for title, text in GOALS
    ]
    for goal, title, owner, days, updates, contributions, subs in ACTIONS:
        if _org(owner) is None:
            continue
        action = services.action_create(
            agenda=agenda,
            data=services.ActionData(
                title=title,
                owner=_org(owner),
                deadline=today + dt.timedelta(days=days),
                goal=goals[goal],
            ),
            actor=coordinator,
        )
        for organisation, hours, money, people in contributions:
            if _org(organisation) is None:
                continue
            services.contribution_set(
                action=action,
                organisation=_org(organisation),
                hours=Decimal(hours) if hours else None,
                money=Decimal(money) if money else None,
                people=people,
                actor=coordinator,
            )
        for status, progress, text in updates:
            services.progress_post(
                action=action, text=text, progress=progress, status=status, actor=coordinator
            )
        for sub_title, sub_owner, sub_days, status, progress in subs:
            sub = services.action_create(
                agenda=agenda,
                data=services.ActionData(
                    title=sub_title,
                    owner=_org(sub_owner),
                    deadline=today + dt.timedelta(days=sub_days),
                    parent=action,
                ),
                actor=coordinator,
            )
            if progress:
                services.progress_post(
                    action=sub,
                    text="Loopt volgens plan.",
                    progress=progress,
                    status=status,
                    actor=coordinator,
                )
    services.milestone_create(
        agenda=agenda,
        title="Bestuurlijk overleg: eerste resultaten",
        date=today + dt.timedelta(days=60),
        actor=coordinator,
    )
    services.milestone_create(
        agenda=agenda,
        title="Evaluatie met alle partijen",
        date=today + dt.timedelta(days=270),
        actor=coordinator,
    )
    agreement = SessionAgreement.objects.filter(
        description=ADOPTED_AGREEMENT, status=AgreementStatus.OPEN
    ).first()
    if agreement is not None and agreement.owner_organisation_id:
        services.agreements_adopt(
            agenda=agenda, agreements=[agreement], goal=goals[0], actor=coordinator
        )
    services.agenda_freeze(
        agenda=agenda, actor=coordinator, note="Vastgesteld in het bestuurlijk overleg"
    )
    # A change after signing, shown as the difference with the frozen version.
    if _org(BNO) is not None:
        services.action_create(
            agenda=agenda,
            data=services.ActionData(
                title="Bouwplaats als leerwerkplek",
                owner=_org(BNO),
                deadline=today + dt.timedelta(days=180),
                goal=goals[0],
            ),
            actor=coordinator,
        )
    # An action that has been quiet for a while, so the reminders and the dashboard show it.
    Action.objects.filter(agenda=agenda, title__startswith="Opvolgingsscan").update(
        last_update_at=timezone.now() - dt.timedelta(days=45)
    )


def _programme_agenda(programme, region, coordinator, today: dt.date) -> None:
    agenda = services.agenda_create(
        region=region,
        programme=programme,
        title=PROGRAMME_TITLE,
        description="Wat de deelnemers van de Community of Practice samen oppakken.",
        start_date=today - dt.timedelta(days=120),
        actor=coordinator,
    )
    goal = services.goal_create(
        agenda=agenda, title="Het aanbod voor het mkb zichtbaar en compleet", actor=coordinator
    )
    if _org(OSS) is not None:
        services.action_create(
            agenda=agenda,
            data=services.ActionData(
                title="Atlas van het aanbod jaarlijks bijwerken",
                owner=_org(OSS),
                deadline=today + dt.timedelta(days=90),
                goal=goal,
            ),
            actor=coordinator,
        )


def agenda_demo_load(*, people: dict, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    region = Region.objects.filter(name="Noordoost-Brabant").first()
    coordinator = people.get("coordinator")
    if region is None or coordinator is None:
        return
    if not Agenda.objects.filter(region=region, title=REGION_TITLE).exists():
        _region_agenda(region, coordinator, today)
    programme = Programme.objects.filter(slug="cop-noordoost-brabant").first()
    if programme is not None and not Agenda.objects.filter(title=PROGRAMME_TITLE).exists():
        _programme_agenda(programme, region, coordinator, today)
