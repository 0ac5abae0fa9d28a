"""Subscriber self-service in the API, for a region's own website or app: sign up (double
opt-in, the same form rules and service as the web page), read and change preferences, and
unsubscribe — the last three with the signed token from the links in every mail, as on the
web. No account is involved."""

from typing import Literal

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region, SbiSection
from kennisnetwerk.outreach import services
from kennisnetwerk.outreach.constants import Frequency, SizeClass, SubscriberStatus
from kennisnetwerk.outreach.forms import SubscribeForm, SubscriberPreferencesForm
from kennisnetwerk.outreach.links import LinkError, Purpose, subscriber_from_token
from kennisnetwerk.outreach.models import Subscriber
from kennisnetwerk.outreach.tasks import send_already_subscribed_mail, send_confirmation_mail

from .schemas import ErrorOut, Text, limited_text

router = Router(tags=["subscribers"])


class PreferencesIn(Schema):
    """As on the web form: the municipality by name or CBS code, the sector by SBI section
    letter, themes by slug; ``consent`` must be true to sign up."""

    company_name: limited_text(200)
    municipality: limited_text(100)
    kvk_number: limited_text(20) = ""
    postcode: limited_text(7) = ""
    sbi_section: Text = ""
    size_class: SizeClass | Literal[""] = ""
    themes: list[Text] = []
    frequency: Frequency = Frequency.MONTHLY


class SubscribeIn(PreferencesIn):
    email: limited_text(254)
    consent: bool = False


class PreferencesOut(Schema):
    email: str
    region: str
    status: str
    company_name: str
    kvk_number: str
    municipality: str | None
    postcode: str
    sbi_section: str | None
    size_class: str
    themes: list[str]
    frequency: str
    paused_until: str | None

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_municipality(obj) -> str | None:
        return obj.municipality.code if obj.municipality_id else None

    @staticmethod
    def resolve_sbi_section(obj) -> str | None:
        return obj.sbi_section.code if obj.sbi_section_id else None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return sorted(t.slug for t in obj.themes.all())

    @staticmethod
    def resolve_paused_until(obj) -> str | None:
        return obj.paused_until.isoformat() if obj.paused_until else None


class TokenIn(Schema):
    token: Text


class DoneOut(Schema):
    detail: str


def _form_data(payload: PreferencesIn) -> dict:
    data = payload.dict()
    data["themes"] = [
        str(pk) for pk in Theme.objects.filter(slug__in=payload.themes).values_list("pk", flat=True)
    ]
    unknown = set(payload.themes) - set(
        Theme.objects.filter(slug__in=payload.themes).values_list("slug", flat=True)
    )
    if unknown:
        data["themes"].append("onbekend")  # the form then reports an invalid choice
    section = SbiSection.objects.filter(code=payload.sbi_section.upper()).first()
    data["sbi_section"] = str(section.pk) if section else payload.sbi_section
    if "consent" in data:
        data["consent"] = "on" if data["consent"] else ""
    return data


def _invalid(form) -> Status:
    return Status(
        422,
        {
            "detail": _("The data is not valid."),
            "errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()},
        },
    )


def _subscriber(token: str, purpose: Purpose) -> Subscriber:
    try:
        return subscriber_from_token(token, purpose)
    except LinkError as error:
        raise Http404 from error


@router.post(
    "/regions/{slug}/subscribers",
    response={202: DoneOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Subscribe to the digest"),
    description=gettext_lazy(
        "Sign up for the region's digest. A confirmation mail follows (double opt-in); the answer "
        "is the same whether or not the address was known."
    ),
)
def subscribe(request, slug: Text, payload: SubscribeIn):
    region = get_object_or_404(Region, slug=slug)
    form = SubscribeForm(_form_data(payload), region=region)
    if not form.is_valid():
        return _invalid(form)
    result = services.subscriber_signup(
        region=region,
        data=form.subscriber_data(form.cleaned_data["email"]),
        consent_text=str(form.fields["consent"].label),
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
    task = send_confirmation_mail if result.send_confirmation else send_already_subscribed_mail
    if result.send_confirmation or result.subscriber.status != SubscriberStatus.PENDING:
        subscriber_id = result.subscriber.pk
        transaction.on_commit(lambda: task.enqueue(subscriber_id))
    return Status(202, {"detail": _("Check your mailbox to confirm the subscription.")})


@router.get(
    "/subscribers/me",
    response={200: PreferencesOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("A subscriber's preferences"),
    description=gettext_lazy(
        "The preferences of the subscriber whose preferences token (from a mail) is given."
    ),
)
def get_preferences(request, token: Text):
    return _subscriber(token, Purpose.PREFERENCES)


@router.put(
    "/subscribers/me",
    response={200: PreferencesOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Change a subscriber's preferences"),
)
def update_preferences(request, token: Text, payload: PreferencesIn):
    subscriber = _subscriber(token, Purpose.PREFERENCES)
    form = SubscriberPreferencesForm(_form_data(payload), region=subscriber.region)
    if not form.is_valid():
        return _invalid(form)
    services.subscriber_update(subscriber=subscriber, data=form.subscriber_data(subscriber.email))
    return Subscriber.objects.get(pk=subscriber.pk)


@router.post(
    "/subscribers/unsubscribe",
    response={200: DoneOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Unsubscribe"),
    description=gettext_lazy(
        "Unsubscribe at once, for all senders, with the unsubscribe token of a mail."
    ),
)
def unsubscribe(request, payload: TokenIn):
    subscriber = _subscriber(payload.token, Purpose.UNSUBSCRIBE)
    services.subscriber_unsubscribe(subscriber=subscriber, via="api")
    return {"detail": _("You have been unsubscribed.")}
