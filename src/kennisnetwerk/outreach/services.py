"""Writes of outreach: sign-up with double opt-in, preferences, pause, unsubscribe, bounces.
Every step that concerns consent leaves a consent record with the text that was shown."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Municipality, Region, SbiSection

from .constants import (
    ConsentEvent,
    Frequency,
    MailStatus,
    SubscriberSource,
    SubscriberStatus,
    SuppressionReason,
)
from .models import Consent, OutboxMail, Subscriber, Suppression


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_hash(email: str) -> str:
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()


def is_suppressed(*, region: Region, email: str) -> bool:
    return Suppression.objects.filter(region=region, email_hash=email_hash(email)).exists()


@dataclass
class SubscriberData:
    """What an entrepreneur fills in (or a party's list provides)."""

    email: str
    company_name: str
    kvk_number: str = ""
    municipality: Municipality | None = None
    postcode: str = ""
    sbi_section: SbiSection | None = None
    size_class: str = ""
    themes: Sequence[Theme] = field(default_factory=list)
    frequency: str = Frequency.MONTHLY


PREFERENCE_FIELDS = (
    "company_name",
    "kvk_number",
    "municipality",
    "postcode",
    "sbi_section",
    "size_class",
    "frequency",
)


def _preferences(subscriber: Subscriber) -> dict[str, Any]:
    state: dict[str, Any] = {
        name: str(getattr(subscriber, name) or "") for name in PREFERENCE_FIELDS
    }
    state["themes"] = sorted(t.slug for t in subscriber.themes.all())
    return state


def _apply(subscriber: Subscriber, data: SubscriberData) -> None:
    for name in PREFERENCE_FIELDS:
        setattr(subscriber, name, getattr(data, name))
    subscriber.full_clean(exclude=["region", "email"])
    subscriber.save()
    subscriber.themes.set(list(data.themes))


def _record(subscriber: Subscriber, event: str, text: str = "", **details: Any) -> Consent:
    return Consent.objects.create(subscriber=subscriber, event=event, text=text, details=details)


# A new confirmation mail for a pending address is sent at most this often.
RESEND_AFTER = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class SignupResult:
    subscriber: Subscriber
    # What to mail: a confirmation link, or (already active) a link to the preferences.
    send_confirmation: bool


@transaction.atomic
def subscriber_signup(
    *, region: Region, data: SubscriberData, consent_text: str, ip_address: str | None = None
) -> SignupResult:
    """Sign up for a region's channel; the address must be confirmed (double opt-in). An
    address that is already active gets its preference link instead, so the form never
    reveals who is subscribed."""
    email = normalise_email(data.email)
    subscriber = (
        Subscriber.objects.select_for_update().filter(region=region, email__iexact=email).first()
    )
    if subscriber is not None and subscriber.status in (
        SubscriberStatus.ACTIVE,
        SubscriberStatus.PAUSED,
    ):
        return SignupResult(subscriber, send_confirmation=False)
    if subscriber is not None and subscriber.status == SubscriberStatus.PENDING:
        recent = subscriber.consents.filter(
            event=ConsentEvent.REQUESTED, created_at__gte=timezone.now() - RESEND_AFTER
        )
        if recent.exists():
            # No second confirmation mail within minutes: the form cannot flood a mailbox.
            return SignupResult(subscriber, send_confirmation=False)
    if subscriber is None:
        subscriber = Subscriber(region=region, email=email, source=SubscriberSource.FORM)
    subscriber.status = SubscriberStatus.PENDING
    _apply(subscriber, data)
    _record(
        subscriber,
        ConsentEvent.REQUESTED,
        consent_text,
        ip_address=ip_address,
        preferences=_preferences(subscriber),
    )
    return SignupResult(subscriber, send_confirmation=True)


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber, consent_text: str) -> Subscriber:
    """The address is confirmed: the subscription starts. A new confirmation after an
    earlier unsubscribe or bounce lifts the block for this region (new consent)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.ACTIVE:
        return subscriber
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.bounced_at = None
    subscriber.paused_until = None
    subscriber.save()
    Suppression.objects.filter(
        region=subscriber.region_id, email_hash=email_hash(subscriber.email)
    ).delete()
    _record(subscriber, ConsentEvent.CONFIRMED, consent_text)
    return subscriber


@transaction.atomic
def subscriber_update(*, subscriber: Subscriber, data: SubscriberData) -> Subscriber:
    """Change preferences (the address itself is not changed here)."""
    before = _preferences(subscriber)
    _apply(subscriber, data)
    after = _preferences(subscriber)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changed:
        _record(subscriber, ConsentEvent.CHANGED, changes=changed)
    return subscriber


@transaction.atomic
def subscriber_pause(*, subscriber: Subscriber, until: dt.date) -> Subscriber:
    subscriber.status = SubscriberStatus.PAUSED
    subscriber.paused_until = until
    subscriber.save(update_fields=["status", "paused_until", "updated_at"])
    _cancel_queued_mail(subscriber)
    _record(subscriber, ConsentEvent.PAUSED, until=until.isoformat())
    return subscriber


@transaction.atomic
def subscriber_resume(*, subscriber: Subscriber) -> Subscriber:
    if subscriber.status != SubscriberStatus.PAUSED:
        return subscriber
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.paused_until = None
    subscriber.save(update_fields=["status", "paused_until", "updated_at"])
    _record(subscriber, ConsentEvent.RESUMED)
    return subscriber


def subscribers_resume_due(*, today: dt.date) -> int:
    """Pauses that have ended become active again (run before composing digests)."""
    due = Subscriber.objects.filter(status=SubscriberStatus.PAUSED, paused_until__lt=today)
    count = 0
    for subscriber in due:
        subscriber_resume(subscriber=subscriber)
        count += 1
    return count


def _cancel_queued_mail(subscriber: Subscriber) -> None:
    OutboxMail.objects.filter(
        subscriber=subscriber, status__in=[MailStatus.QUEUED, MailStatus.FAILED]
    ).update(status=MailStatus.CANCELLED, updated_at=timezone.now())


def _suppress(subscriber: Subscriber, reason: str) -> None:
    Suppression.objects.get_or_create(
        region_id=subscriber.region_id,
        email_hash=email_hash(subscriber.email),
        defaults={"reason": reason},
    )


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, via: str) -> Subscriber:
    """Stop all mail of the region's channel to this address, at once and for all senders:
    queued mail is cancelled and the address is blocked for imports by any party."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber
    subscriber.status = SubscriberStatus.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
    _cancel_queued_mail(subscriber)
    _suppress(subscriber, SuppressionReason.UNSUBSCRIBED)
    _record(subscriber, ConsentEvent.WITHDRAWN, via=via)
    return subscriber


@transaction.atomic
def subscriber_mark_bounced(*, subscriber: Subscriber, error: str) -> Subscriber:
    """A permanent delivery failure: no more mail to this address."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.status = SubscriberStatus.BOUNCED
    subscriber.bounced_at = timezone.now()
    subscriber.save(update_fields=["status", "bounced_at", "updated_at"])
    _cancel_queued_mail(subscriber)
    _suppress(subscriber, SuppressionReason.BOUNCED)
    return subscriber


@transaction.atomic
def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Remove the subscriber, their consent records and the mails written to them. The block
    on the address stays (as a hash), so that no party's list can add it again."""
    _suppress(subscriber, SuppressionReason.UNSUBSCRIBED)
    OutboxMail.objects.filter(subscriber=subscriber).delete()  # with the digest items
    subscriber.delete()


def subscribers_remove_inactive(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Remove subscribers who are no longer in use (DESIGN §7, docs/privacy.md): sign-ups never
    confirmed within ``SUBSCRIBER_UNCONFIRMED_DAYS``, and addresses unsubscribed or
    undeliverable for ``SUBSCRIBER_RETENTION_DAYS`` (their block stays, as a hash)."""
    from django.conf import settings

    now = now or timezone.now()
    unconfirmed_days = int(getattr(settings, "SUBSCRIBER_UNCONFIRMED_DAYS", 30))
    retention_days = int(getattr(settings, "SUBSCRIBER_RETENTION_DAYS", 365))
    unconfirmed = Subscriber.objects.filter(
        status=SubscriberStatus.PENDING, created_at__lt=now - dt.timedelta(days=unconfirmed_days)
    )
    ended = Subscriber.objects.filter(
        Q(
            status=SubscriberStatus.UNSUBSCRIBED,
            unsubscribed_at__lt=now - dt.timedelta(days=retention_days),
        )
        | Q(status=SubscriberStatus.BOUNCED, bounced_at__lt=now - dt.timedelta(days=retention_days))
    )
    counts = {"unconfirmed": 0, "ended": 0}
    for key, qs in (("unconfirmed", unconfirmed), ("ended", ended)):
        for subscriber in qs.iterator():
            if key == "unconfirmed":
                # Never confirmed: no consent was given, so no block is kept either.
                with transaction.atomic():
                    OutboxMail.objects.filter(subscriber=subscriber).delete()
                    subscriber.delete()
            else:
                subscriber_erase(subscriber=subscriber)
            counts[key] += 1
    return counts
