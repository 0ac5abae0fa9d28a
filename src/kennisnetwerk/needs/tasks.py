"""Background jobs of the needs app: thin wrappers around services."""

from django_tasks import task

from kennisnetwerk.geo.models import Region


@task()
def match_region_needs(region_id: int) -> None:
    """Match every question of a region again (after an import, or when the coordinator
    asks for it because the offer changed)."""
    from .services import needs_matches_refresh

    region = Region.objects.filter(pk=region_id).first()
    if region is not None:
        needs_matches_refresh(region=region)


@task()
def refresh_stale_matches() -> int:
    """Match again the questions whose stored matches are older than the offer or the
    thesaurus (queued whenever either changes)."""
    from .services import needs_matches_refresh_stale

    return needs_matches_refresh_stale()
