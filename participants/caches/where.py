"""Where a changed record belongs — its school, district and region — for the caches kept until a change (the
district's figures and report, the region's overview and passport). One resolver instead of one per cache.

A record has a place of its own when it names an organization, a district or a region. Otherwise it leads to the
record that has one: a consent, a profile, a training record or a deficit to its person, a meeting to its pair, a news
item to its page — and what apps to the right register in HOPS (an attendance to its event, a contest's application
to its contest, an indicator's target to its indicator): a registered hop is taken first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mentoring_portal.lib.plugins import Plugins
from participants.models import District, Organization

# model label ("roadmaps.attendance") → the record its place is read from (None: gone; the record itself: its own)
HOPS: Plugins[Callable[[Any], Any]] = Plugins("places: the record a changed record's place is read from", unique=True)
_BY_FIELD = (("person_id", "participants.person"), ("pair_id", "participants.pair"),
             ("page_id", "participants.publicpage"))
_OWN = ("organization_id", "district_id", "region_id")


@dataclass(frozen=True)
class Where:
    region_id: int | None = None
    district_id: int | None = None
    organization_id: int | None = None


def _next(instance: Any) -> Any:
    hop = HOPS.find(instance._meta.label_lower)
    if hop is not None:
        return hop(instance)
    if any(getattr(instance, name, None) for name in _OWN):
        return instance
    from django.apps import apps

    for field, label in _BY_FIELD:
        if getattr(instance, field, None):
            return apps.get_model(label)._default_manager.filter(pk=getattr(instance, field)).first()
    return instance


def owner_of(instance: Any) -> Any:
    """The record whose organization, district or region is the changed record's place (None when it is gone)."""
    for _ in range(4):
        found = _next(instance)
        if found is None or found is instance:
            return found
        instance = found
    return instance


def where(instance: Any) -> Where:
    owner = owner_of(instance)
    if owner is None:
        return Where()
    if organization_id := getattr(owner, "organization_id", None):
        district_id, region_id = Organization.objects.filter(pk=organization_id).values_list(
            "district_id", "region_id").first() or (None, None)
        return Where(region_id, district_id, organization_id)
    if district_id := getattr(owner, "district_id", None):
        return Where(District.objects.filter(pk=district_id).values_list("region_id", flat=True).first(), district_id)
    return Where(region_id=getattr(owner, "region_id", None))
