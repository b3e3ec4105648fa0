"""The region overview kept until something it reads changes, not for ten minutes (issue #24): a report handed in
was missing from it for up to ten minutes, and every tenth minute a coordinator paid the whole region (1.5 s).

A version per region is bumped on every save or delete of what the overview reads — pairs and their mentees, people,
head-counts, indicators, targets, typed values, campaigns, reports — and the roadmaps' own version of the region's
deadlines (roadmaps.page_cache) covers roadmaps, items and occurrences. Either bump has the worker build the new
overview (lib/warming). The cache must be shared by the app's processes, as for the dashboard (CACHES)."""

from __future__ import annotations

from mentoring_portal.lib import versions, warming
from monitoring.models import Campaign, Indicator, ManualValue, SchoolReport, Target
from participants.caches.where import where
from participants.models import HeadCount, Pair, Person, Region
from roadmaps.page_cache import REGION_DEADLINES, deadlines

OVERVIEW = "region-overview"


def stamp(region_id: int) -> str:
    return f"{versions.version(f'{OVERVIEW}:{region_id}')}.{versions.version(deadlines('region', region_id))}"


def warm(region_id: str) -> None:
    """Builds the region overview after a change, so that the coordinator's next view finds it ready."""
    from django.utils import timezone

    from monitoring.region.overview import overview_refresh

    region = Region.objects.filter(pk=region_id).first()
    if region is not None:
        overview_refresh(region, timezone.localdate())


def _names_of(instance, created: bool = False) -> list[str]:
    region_id = where(instance).region_id
    return [f"{OVERVIEW}:{region_id}"] if region_id is not None else []


def connect() -> None:
    versions.watch("region-overview", _names_of,
                   models=(Pair, Person, HeadCount, Indicator, Target, ManualValue, Campaign, SchoolReport),
                   m2m=(Pair.mentees.through,))
    warming.WARMERS.add(warm, key=OVERVIEW)
    warming.WARMERS.add(warm, key=REGION_DEADLINES)  # its roadmap columns
