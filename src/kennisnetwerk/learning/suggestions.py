"""Who can learn from whom: for a region (or MKB-Deal) or a learning question, the other
regions and the people with experience on the same themes, with the reason shown. The
experience comes from the atlas (initiatives, and those with reported results), the
practice library, and the themes members of programmes say they know about."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.geo.constants import AUTOMATIC_REGION_KINDS
from kennisnetwerk.geo.models import Region

from .models import PracticeExample, ProgrammeMember

# Weights of the kinds of experience: a practice example says most about what was learned.
PRACTICE_WEIGHT, RESULT_WEIGHT, INITIATIVE_WEIGHT = 3, 2, 1


@dataclass
class Suggestion:
    label: str
    reason: str
    score: int
    region: Region | None = None
    person: ProgrammeMember | None = None
    examples: list[PracticeExample] = field(default_factory=list)


def _theme_phrase(themes: set[str]) -> str:
    return ", ".join(sorted(name.lower() for name in themes))


def region_suggestions(
    *, themes: list[Theme], exclude: Region | None = None, limit: int = 8
) -> list[Suggestion]:
    """Regions and deals ranked by their experience on ``themes``."""
    theme_ids = [t.pk for t in themes]
    if not theme_ids:
        return []
    practice: dict[int, list[PracticeExample]] = defaultdict(list)
    matched: dict[int, set[str]] = defaultdict(set)
    examples = (
        PracticeExample.objects.filter(is_published=True, themes__in=theme_ids)
        .select_related("region")
        .prefetch_related("themes")
        .distinct()
    )
    for example in examples:
        practice[example.region_id].append(example)
        matched[example.region_id] |= {t.name for t in example.themes.all() if t.pk in theme_ids}
    initiatives: dict[int, int] = defaultdict(int)
    results: dict[int, int] = defaultdict(int)
    rows = (
        Initiative.objects.filter(is_published=True, themes__in=theme_ids)
        .values_list("pk", "inventory_region_id", "evidence", "themes__name")
        .distinct()
    )
    seen: set[int] = set()
    for pk, region_id, evidence, theme_name in rows:
        matched[region_id].add(theme_name)
        if pk in seen:
            continue
        seen.add(pk)
        initiatives[region_id] += 1
        if evidence:
            results[region_id] += 1
    region_ids = set(practice) | set(initiatives)
    if exclude is not None:
        region_ids.discard(exclude.pk)
    regions = {
        r.pk: r
        for r in Region.objects.filter(pk__in=region_ids).exclude(
            kind__in=[k for k in AUTOMATIC_REGION_KINDS if k != "province"]
        )
    }
    suggestions = []
    for region_id, region in regions.items():
        parts = []
        if practice[region_id]:
            n = len(practice[region_id])
            parts.append(
                ngettext("%(n)d practice example", "%(n)d practice examples", n) % {"n": n}
            )
        if results[region_id]:
            n = results[region_id]
            parts.append(
                ngettext("%(n)d initiative with results", "%(n)d initiatives with results", n)
                % {"n": n}
            )
        if initiatives[region_id]:
            n = initiatives[region_id]
            parts.append(ngettext("%(n)d initiative", "%(n)d initiatives", n) % {"n": n})
        score = (
            PRACTICE_WEIGHT * len(practice[region_id])
            + RESULT_WEIGHT * results[region_id]
            + INITIATIVE_WEIGHT * initiatives[region_id]
        )
        reason = _("%(region)s: %(themes)s, %(evidence)s") % {
            "region": region.name,
            "themes": _theme_phrase(matched[region_id]),
            "evidence": ", ".join(parts),
        }
        suggestions.append(
            Suggestion(
                label=region.name,
                reason=reason,
                score=score,
                region=region,
                examples=practice[region_id][:3],
            )
        )
    suggestions.sort(key=lambda s: (-s.score, s.label))
    return suggestions[:limit]


def people_suggestions(
    *, themes: list[Theme], exclude_user=None, limit: int = 8
) -> list[Suggestion]:
    """Members of programmes who show their themes, and who share ``themes``."""
    theme_ids = [t.pk for t in themes]
    if not theme_ids:
        return []
    members = (
        ProgrammeMember.objects.filter(listed=True, show_themes=True, themes__in=theme_ids)
        .select_related("user", "organisation", "programme")
        .prefetch_related("themes")
        .distinct()
    )
    if exclude_user is not None and exclude_user.is_authenticated:
        members = members.exclude(user=exclude_user)
    by_user: dict[int, Suggestion] = {}
    for member in members:
        shared = {t.name for t in member.themes.all() if t.pk in theme_ids}
        examples = PracticeExample.objects.filter(
            Q(created_by=member.user) | Q(contact_email__iexact=member.user.email),
            is_published=True,
        ).count()
        name = str(member.user)
        if member.show_organisation and member.organisation:
            name = f"{name} ({member.organisation.name})"
        reason = _("%(name)s: experience with %(themes)s") % {
            "name": name,
            "themes": _theme_phrase(shared),
        }
        if examples:
            reason += ", " + ngettext(
                "%(n)d practice example", "%(n)d practice examples", examples
            ) % {"n": examples}
        score = len(shared) + PRACTICE_WEIGHT * examples
        current = by_user.get(member.user_id)
        if current is None or current.score < score:
            by_user[member.user_id] = Suggestion(
                label=name, reason=reason, score=score, person=member
            )
    result = sorted(by_user.values(), key=lambda s: (-s.score, s.label))
    return result[:limit]


def region_themes(region: Region) -> list[Theme]:
    """The themes a region works on: its programmes, its learning questions and its
    applications."""
    return list(
        Theme.objects.filter(
            Q(programmes__regions=region)
            | Q(learning_questions__region=region)
            | Q(practice_examples__region=region)
        ).distinct()
    )
