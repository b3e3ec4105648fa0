"""Roadmap pages kept between changes. A version per roadmap, bumped by signals on the roadmap, its sections, items,
their deadlines' occurrences and linked responsible users, keys the table's rows and its rendered fragments
(roadmap, version, today, filters); comments, evidence and history are not in the table. A version per region keys
each user's deadlines on the landing page (a coordinator's count the whole region's occurrences)."""

from __future__ import annotations

import hashlib
from dataclasses import astuple

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from mentoring_portal.lib import versions

TIMEOUT = 6 * 3600


def version(roadmap_id: int) -> int:
    return versions.version(f"roadmap-table:{roadmap_id}")


def filters_key(filters) -> str:
    """The same in every process (Python's hash() is not)."""
    return hashlib.sha1(repr(astuple(filters)).encode()).hexdigest()[:16]


def table_stamp(roadmap, today, filters) -> str:
    """What the roadmap's cached rows and fragments are keyed by: its version, the day and the filters."""
    return f"{version(roadmap.pk)}:{today.isoformat()}:{filters_key(filters)}"


def cached_table(roadmap, stamp: str, compute):
    return cache.get_or_set(f"roadmaps:table:{roadmap.pk}:{stamp}", compute, TIMEOUT)


def _user_regions(user) -> list[int] | None:
    """The regions whose roadmaps the user may see, from their memberships; None for a superuser (all of them)."""
    from participants.access import access_of

    access = access_of(user)
    if access.is_superuser:
        return None
    regions = set()
    for m in access.memberships:
        place = m.region or m.district or m.organization
        regions.add(place.pk if m.region_id else place.region_id)
    return sorted(regions)


def cached_agenda(user, today, compute, *, kind: str = "agenda"):
    """A user's deadlines (the landing block, or `kind` — a list of them) until a roadmap of their regions changes."""
    regions = _user_regions(user)
    if regions is None:
        return compute()
    stamp = ".".join(f"{r}-{versions.version(f'region-deadlines:{r}')}" for r in regions)
    return cache.get_or_set(f"roadmaps:{kind}:{user.pk}:{today.isoformat()}:{stamp}", compute, TIMEOUT)


def bump(roadmap_id: int) -> None:
    from roadmaps.models import Roadmap

    versions.bump(f"roadmap-table:{roadmap_id}")
    for district_region, organization_region in Roadmap.objects.filter(pk=roadmap_id).values_list(
            "district__region_id", "organization__region_id"):
        versions.bump(f"region-deadlines:{district_region or organization_region}")


def _changed(sender, instance, **kwargs) -> None:
    from roadmaps.models import Item, Occurrence, Roadmap

    if isinstance(instance, Roadmap):
        roadmap_id = instance.pk
    elif isinstance(instance, Occurrence):
        roadmap_id = Item.objects.filter(pk=instance.item_id).values_list("roadmap_id", flat=True).first()
    else:
        roadmap_id = instance.roadmap_id
    if roadmap_id is not None:
        bump(roadmap_id)


def _responsible_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and hasattr(instance, "roadmap_id"):
        bump(instance.roadmap_id)


def connect() -> None:
    from roadmaps.models import Item, Occurrence, Roadmap, Section

    for model in (Roadmap, Section, Item, Occurrence):
        post_save.connect(_changed, sender=model, dispatch_uid=f"roadmap-table-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"roadmap-table-{model.__name__}-delete")
    m2m_changed.connect(_responsible_changed, sender=Item.responsible_users.through,
                        dispatch_uid="roadmap-table-responsible")
