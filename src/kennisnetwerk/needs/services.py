"""Writes of the needs app: questions from the intake form, account managers and surveys,
their status, the matches kept for the gap report, feedback on matches and the thesaurus.
Every change a person makes is audit-logged."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, snapshot
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.core.stamps import THESAURUS, stamp_touch_on_commit
from kennisnetwerk.ecosystem.models import Initiative, Organisation, Theme
from kennisnetwerk.geo.models import Municipality, Region, SbiSection

from .constants import (
    INITIAL_THESAURUS,
    QUESTION_MAX_LENGTH,
    FeedbackKind,
    NeedSource,
    NeedStatus,
)
from .matching import Match, NeedProfile, match_need
from .models import MatchFeedback, Need, NeedMatch, ThesaurusGroup
from .notify import need_question_notify
from .selectors import matches_stale, need_profile, region_thesaurus

NEED_FIELDS = (
    "question",
    "sbi_section",
    "size_class",
    "municipality",
    "urgency",
    "source",
    "status",
    "company_name",
    "contact_name",
    "contact_email",
    "contact_phone",
    "follow_up_consent",
)
# How many matches are kept per question for the gap report.
KEPT_MATCHES = 10
DEFAULT_INTAKE_LIMIT = 5  # questions per hour from one address


def intake_limit() -> int:
    return int(getattr(settings, "NEEDS_INTAKE_MAX_PER_HOUR", DEFAULT_INTAKE_LIMIT))


class TooManyQuestions(Exception):
    """The public form was used too often from one address within the hour."""


@dataclass
class NeedData:
    """What is known of a question, from a form, the API or a survey row."""

    question: str
    themes: Sequence[Theme] = field(default_factory=list)
    sbi_section: SbiSection | None = None
    size_class: str = ""
    municipality: Municipality | None = None
    urgency: str = ""
    company_name: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    follow_up_consent: bool = False
    source_reference: str = ""


def clean_question(question: str) -> str:
    """The question as stored: as typed, without surrounding white space. Empty, too long
    or with NUL characters is refused with a message for the person."""
    question = (question or "").strip()
    if "\x00" in question:
        raise ValidationError(
            {"question": [_("The question contains characters that are not allowed.")]}
        )
    if not question:
        raise ValidationError({"question": [_("Describe your question or bottleneck.")]})
    if len(question) > QUESTION_MAX_LENGTH:
        raise ValidationError(
            {
                "question": [
                    _(
                        "Your question is %(length)s characters long; at most %(max)s "
                        "characters fit. Shorten it, for example to the main bottleneck."
                    )
                    % {"length": len(question), "max": QUESTION_MAX_LENGTH}
                ]
            }
        )
    return question


def sender_hash(address: str | None) -> str:
    """A keyed hash of the address a form came from: enough to count submissions, without
    keeping the address itself."""
    if not address:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"needs-intake:{address}".encode(), hashlib.sha256).hexdigest()


def _check_municipality(region: Region, municipality: Municipality | None) -> None:
    if municipality is not None and not region.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            {
                "municipality": [
                    _("%(municipality)s is not part of %(region)s.")
                    % {"municipality": municipality.name, "region": region.name}
                ]
            }
        )


def _new_need(
    *, region: Region, data: NeedData, source: str, actor: Any, organisation: Organisation | None
) -> Need:
    _check_municipality(region, data.municipality)
    need = Need(
        region=region,
        question=clean_question(data.question),
        sbi_section=data.sbi_section,
        size_class=data.size_class,
        municipality=data.municipality,
        urgency=data.urgency,
        source=source,
        company_name=data.company_name.strip(),
        contact_name=data.contact_name.strip(),
        contact_email=data.contact_email.strip(),
        contact_phone=data.contact_phone.strip(),
        follow_up_consent=data.follow_up_consent,
        source_reference=data.source_reference[:200],
        organisation=organisation,
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if data.follow_up_consent:
        need.consent_at = timezone.now()
    need.full_clean(exclude=["themes"])
    need.save()
    themes = list(data.themes)
    if not themes:
        # Without themes chosen, the themes of the thesaurus groups the question uses.
        profile = need_profile(need)
        themes = list(Theme.objects.filter(pk__in=_inferred_themes(profile)))
    need.themes.set(themes)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=need,
        changes={
            **{k: [None, v] for k, v in snapshot(need, NEED_FIELDS).items()},
            "themes": [None, sorted(t.name for t in themes)],
        },
    )
    return need


def _inferred_themes(profile: NeedProfile) -> set[int]:
    from .matching import analyse_need

    return analyse_need(profile.question, region_thesaurus(profile.region)).inferred_theme_ids


@transaction.atomic
def need_submit_public(
    *, region: Region, data: NeedData, consent_text: str, ip_address: str | None = None
) -> Need:
    """An entrepreneur asks a question on the region's public form. At most
    ``NEEDS_INTAKE_MAX_PER_HOUR`` questions an hour come from one address; the consent for
    follow-up is kept with its text and moment. With consent, the region's coordinators and
    account managers are notified and the entrepreneur gets a confirmation mail."""
    fingerprint = sender_hash(ip_address)
    if fingerprint:
        since = timezone.now() - dt.timedelta(hours=1)
        if (
            Need.objects.filter(sender_hash=fingerprint, created_at__gte=since).count()
            >= intake_limit()
        ):
            raise TooManyQuestions
    need = _new_need(
        region=region, data=data, source=NeedSource.FORM, actor=None, organisation=None
    )
    need.sender_hash = fingerprint
    if need.follow_up_consent:
        need.consent_text = consent_text
    need.save(update_fields=["sender_hash", "consent_text"])
    need_matches_refresh(need=need)
    need_question_notify(need=need)
    return need


@transaction.atomic
def need_create(
    *,
    region: Region,
    data: NeedData,
    actor: Any,
    source: str = NeedSource.ACCOUNT_MANAGER,
    organisation: Organisation | None = None,
    consent_text: str = "",
    match: bool = True,
) -> Need:
    """An account manager records a question of an entrepreneur (from a conversation, a
    survey or a CoP session). With ``match`` False the caller has the matches computed."""
    need = _new_need(
        region=region, data=data, source=source, actor=actor, organisation=organisation
    )
    if need.follow_up_consent and consent_text:
        need.consent_text = consent_text
        need.save(update_fields=["consent_text"])
    if match:
        need_matches_refresh(need=need)
    return need


@transaction.atomic
def need_status_set(*, need: Need, status: str, actor: Any) -> Need:
    """Mark a question open, referred, answered or as one the region has no offer for."""
    if status not in NeedStatus.values:
        raise ValidationError({"status": [_("Choose a status from the list.")]})
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.status == status:
        return need
    old = need.status
    need.status = status
    need.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=need, changes={"status": [old, status]})
    return need


def need_matches_refresh(*, need: Need) -> list[Match]:
    """Match the question again and keep the best matches and score (derived data, not
    audit-logged) for the gap report. ``matched_at`` is the moment matching began, so an
    offer changed while it ran makes the result stale (and refreshed again)."""
    started = timezone.now()
    matches = match_need(
        need_profile(need), thesaurus=region_thesaurus(need.region), limit=KEPT_MATCHES
    )
    with transaction.atomic():
        NeedMatch.objects.filter(need=need).delete()
        NeedMatch.objects.bulk_create(
            NeedMatch(need=need, initiative=m.initiative, rank=rank, score=round(m.score, 4))
            for rank, m in enumerate(matches, start=1)
        )
        Need.objects.filter(pk=need.pk).update(
            best_score=round(matches[0].score, 4) if matches else 0.0, matched_at=started
        )
    return matches


def needs_matches_refresh_stale() -> int:
    """Match again every question whose stored matches are older than the last change of
    the offer or the thesaurus (run in the background after such a change)."""
    count = 0
    for need in matches_stale(Need.objects.all()).select_related("region").iterator():
        need_matches_refresh(need=need)
        count += 1
    return count


def needs_matches_refresh(*, region: Region) -> int:
    """Match every open question of the region again (after the offer changed)."""
    count = 0
    for need in Need.objects.filter(region=region).select_related("region").iterator():
        need_matches_refresh(need=need)
        count += 1
    return count


@transaction.atomic
def match_feedback_set(
    *,
    need: Need,
    initiative: Initiative,
    kind: str,
    actor: Any,
    given: bool = True,
    note: str = "",
) -> MatchFeedback | None:
    """Record (or, with ``given`` False, take back) that an account manager referred the
    entrepreneur to an offer, or found it helpful or not. Referring also marks an open
    question as referred."""
    if kind not in FeedbackKind.values:
        raise ValidationError({"kind": [_("Choose referred, helpful or not helpful.")]})
    existing = MatchFeedback.objects.filter(need=need, initiative=initiative, kind=kind).first()
    if not given:
        if existing is not None:
            existing.delete()
            audit_log(
                actor=actor,
                action=AuditAction.DELETE,
                obj=need,
                changes={"feedback": [f"{initiative.title}: {kind}", None]},
            )
        return None
    opposite = {
        FeedbackKind.HELPFUL: FeedbackKind.NOT_HELPFUL,
        FeedbackKind.NOT_HELPFUL: FeedbackKind.HELPFUL,
    }.get(FeedbackKind(kind))
    if opposite is not None:
        MatchFeedback.objects.filter(need=need, initiative=initiative, kind=opposite).delete()
    if existing is None:
        existing = MatchFeedback.objects.create(
            need=need, initiative=initiative, kind=kind, user=actor, note=note[:500]
        )
        audit_log(
            actor=actor,
            action=AuditAction.CREATE,
            obj=need,
            changes={"feedback": [None, f"{initiative.title}: {kind}"]},
        )
    if kind == FeedbackKind.REFERRED and need.status == NeedStatus.OPEN:
        need_status_set(need=need, status=NeedStatus.REFERRED, actor=actor)
    return existing


# --- Thesaurus -----------------------------------------------------------------------------


def _clean_terms(terms: str) -> str:
    words = [t.strip() for t in (terms or "").replace("\n", ",").split(",") if t.strip()]
    unique = list(dict.fromkeys(words))
    if len(unique) < 2:
        raise ValidationError({"terms": [_("Enter at least two words that mean the same.")]})
    return ", ".join(unique)


@transaction.atomic
def thesaurus_group_save(
    *,
    region: Region,
    name: str,
    terms: str,
    theme: Theme | None,
    actor: Any,
    group: ThesaurusGroup | None = None,
    is_active: bool = True,
) -> ThesaurusGroup:
    """Add a group of synonyms to a region's thesaurus, change one of the region's groups,
    or — for a default group — save the region's own version of it."""
    if group is not None and group.region_id is None:
        replacement = ThesaurusGroup.objects.filter(region=region, replaces=group).first()
        group = replacement or ThesaurusGroup(region=region, replaces=group)
    elif group is None:
        group = ThesaurusGroup(region=region)
    before = snapshot(group, ("name", "terms", "theme", "is_active")) if group.pk else {}
    group.name = name.strip()[:100]
    group.terms = _clean_terms(terms)
    group.theme = theme
    group.is_active = is_active
    group.full_clean()
    group.save()
    after = snapshot(group, ("name", "terms", "theme", "is_active"))
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        obj=group,
        changes={k: [before.get(k), v] for k, v in after.items() if before.get(k) != v},
        message=region.name,
    )
    stamp_touch_on_commit(name=THESAURUS)
    return group


@transaction.atomic
def thesaurus_group_delete(*, group: ThesaurusGroup, actor: Any) -> None:
    """Remove a region's own group; for a replacement, the default applies again."""
    audit_log(actor=actor, action=AuditAction.DELETE, obj=group, message=str(group.region))
    group.delete()
    stamp_touch_on_commit(name=THESAURUS)


def thesaurus_defaults_load() -> int:
    """Create the network's default groups that are missing (by name). Idempotent."""
    themes = {t.slug: t for t in Theme.objects.all()}
    existing = set(
        ThesaurusGroup.objects.filter(region__isnull=True).values_list("name", flat=True)
    )
    created = 0
    for name, theme_slug, terms in INITIAL_THESAURUS:
        if name in existing:
            continue
        ThesaurusGroup.objects.create(
            name=name, terms=terms, theme=themes.get(theme_slug), region=None
        )
        created += 1
    if created:
        stamp_touch_on_commit(name=THESAURUS)
    return created


@transaction.atomic
def need_contact_erase(*, need: Need) -> None:
    """Remove the entrepreneur's contact details from a question (the question itself stays
    for the gap report, without anything that identifies the person)."""
    Need.objects.filter(pk=need.pk).update(
        company_name="",
        contact_name="",
        contact_email="",
        contact_phone="",
        follow_up_consent=False,
        consent_text="",
        consent_at=None,
        sender_hash="",
    )
    audit_log(actor=None, action=AuditAction.ERASE, obj=need, message="contact details")
