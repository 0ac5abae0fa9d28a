"""Reads of the needs app: questions of a region, the thesaurus that applies to a region and
the profile the matcher works with."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, QuerySet, Value, When

from kennisnetwerk.core.stamps import OFFER, THESAURUS, stamp_latest
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region

from .matching import Match, NeedProfile, ThesaurusEntry, match_need, thesaurus_entries
from .models import MatchFeedback, Need, ThesaurusGroup


def need_profile(need: Need) -> NeedProfile:
    return NeedProfile(
        question=need.question,
        region=need.region,
        municipality=need.municipality,
        size_class=need.size_class,
        sbi_section_id=need.sbi_section_id,
        theme_ids=frozenset(need.themes.values_list("pk", flat=True)) if need.pk else frozenset(),
    )


def thesaurus_groups(region: Region) -> list[ThesaurusGroup]:
    """The groups that apply in ``region``: its own groups (in use), and the network's
    defaults it has not replaced. A replacement switched off removes the default there."""
    own = list(ThesaurusGroup.objects.filter(region=region).select_related("theme", "replaces"))
    replaced = {g.replaces_id for g in own if g.replaces_id}
    defaults = ThesaurusGroup.objects.filter(region__isnull=True, is_active=True).exclude(
        pk__in=replaced
    )
    groups = [g for g in own if g.is_active] + list(defaults.select_related("theme"))
    return sorted(groups, key=lambda g: g.name.lower())


def region_thesaurus(region: Region) -> list[ThesaurusEntry]:
    return thesaurus_entries((g.name, g.theme_id, g.term_list) for g in thesaurus_groups(region))


def thesaurus_overview(region: Region) -> tuple[list[ThesaurusGroup], list[ThesaurusGroup]]:
    """For the thesaurus page: the groups in use, and the region's groups switched off."""
    switched_off = list(
        ThesaurusGroup.objects.filter(region=region, is_active=False).select_related(
            "theme", "replaces"
        )
    )
    return thesaurus_groups(region), switched_off


def _current_matches() -> Q:
    """Questions whose stored matches are at least as new as the offer and the thesaurus."""
    stamp = stamp_latest(OFFER, THESAURUS)
    current = Q(matched_at__isnull=False)
    return current if stamp is None else current & Q(matched_at__gte=stamp)


def matches_stale(queryset: QuerySet[Need]) -> QuerySet[Need]:
    """The questions of ``queryset`` never matched, or matched before the offer or the
    thesaurus last changed; the background task matches them again."""
    return queryset.exclude(_current_matches())


def with_matches_current(queryset: QuerySet[Need]) -> QuerySet[Need]:
    """Annotate ``matches_current``: False while the stored best score is older than the
    offer it ranks (the page then says it is being updated instead of showing it)."""
    return queryset.annotate(
        matches_current=Case(
            When(_current_matches(), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def need_matches(need: Need, *, limit: int = 10) -> list[Match]:
    """The offers for a question as the matcher finds them now."""
    return match_need(need_profile(need), thesaurus=region_thesaurus(need.region), limit=limit)


@dataclass
class NeedFilters:
    status: str = ""
    source: str = ""
    theme: Theme | None = None
    query: str = ""
    without_good_match: bool = False


def need_list(*, region: Region, filters: NeedFilters) -> QuerySet[Need]:
    from .matching import GOOD_MATCH

    qs = Need.objects.filter(region=region)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.source:
        qs = qs.filter(source=filters.source)
    if filters.theme is not None:
        qs = qs.filter(
            Exists(Need.themes.through.objects.filter(need=OuterRef("pk"), theme=filters.theme))
        )
    if filters.query:
        qs = qs.filter(
            Q(question__icontains=filters.query) | Q(company_name__icontains=filters.query)
        )
    if filters.without_good_match:
        qs = qs.filter(Q(best_score__isnull=True) | Q(best_score__lt=GOOD_MATCH))
    return (
        with_matches_current(qs)
        .select_related("municipality", "organisation")
        .prefetch_related("themes")
        .annotate(referrals=Count("feedback", filter=Q(feedback__kind="doorverwezen")))
        .order_by("-created_at", "-id")
    )


def need_feedback(need: Need) -> dict[int, list[MatchFeedback]]:
    """The feedback on a question's matches, per initiative."""
    by_initiative: dict[int, list[MatchFeedback]] = {}
    for feedback in MatchFeedback.objects.filter(need=need).select_related("user", "initiative"):
        by_initiative.setdefault(feedback.initiative_id, []).append(feedback)
    return by_initiative
