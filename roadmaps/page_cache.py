"""Roadmap pages kept between changes. A version per roadmap, bumped by signals on the roadmap, its sections, items,
their deadlines' occurrences and linked responsible users, keys the table's rows and its rendered fragments
(roadmap, version, today, filters); comments, evidence and history are not in the table. A version per region keys
each user's deadlines on the landing page (a coordinator's count the whole region's occurrences)."""

from __future__ import annotations

import hashlib
from dataclasses import astuple

from django.core.cache import cache

from mentoring_portal.lib import versions, warming
from participants.access import access_of
from participants.caches import place as place_cache
from roadmaps import agenda  # called through the module: tests replace its functions
from roadmaps.contests.models import Contest
from roadmaps.events.models import Event
from roadmaps.models import Roadmap
from roadmaps.selectors import TableFilters, roadmap_table

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


def warm_table(roadmap_id: str) -> None:
    """After a change of a roadmap (lib/warming): its rows as the page opens, unfiltered — a 200-item roadmap's
    deadlines, numbers and responsible people take 0.1 s to gather, which no view should pay."""
    from django.utils import timezone


    roadmap = Roadmap.objects.filter(pk=roadmap_id).first()
    if roadmap is None:
        return
    today, filters = timezone.localdate(), TableFilters()
    cached_table(roadmap, table_stamp(roadmap, today, filters),
                 lambda: roadmap_table(roadmap, today=today, filters=filters))


REGION_DEADLINES = "deadlines:region"


def deadlines(kind: str, pk) -> str:
    """The version of the roadmaps of a place: every roadmap of a region («region»: a coordinator's deadlines, the
    region overview's roadmap columns), a district's and its schools' («district»: what its curators and its schools'
    people see), a school's under the region directly («organization»)."""
    return f"deadlines:{kind}:{pk}"


def deadline_versions_of(user) -> list[str]:
    """The home page's deadlines block is kept under these (all of them for a superuser: the block is not kept)."""
    return user_deadline_versions(user) or []


def user_deadline_versions(user) -> list[str] | None:
    """The versions a user's deadlines are kept under, one per place of their memberships: a coordinator's is the
    region's, a district curator's the district's — a school elsewhere in the region editing its roadmap no longer
    makes 60 districts' curators count theirs again. None for a superuser (all of them)."""

    access = access_of(user)
    if access.is_superuser:
        return None
    names = set()
    for m in access.memberships:
        if m.region_id:
            names.add(deadlines("region", m.region_id))
        elif m.district_id:
            names.add(deadlines("district", m.district_id))
        elif m.organization.district_id:
            names.add(deadlines("district", m.organization.district_id))
        else:
            names.add(deadlines("organization", m.organization_id))
    return sorted(names)


def _cached(user, today, kind: str, compute):
    """A user's deadlines (`kind`: the landing block or one of the lists) until a roadmap of their places changes;
    computed each time for a superuser and for someone with no place (a mentor's own items: a short query)."""
    names = user_deadline_versions(user)
    if not names:
        return compute()
    stamp = ".".join(str(versions.version(name)) for name in names)
    return cache.get_or_set(f"roadmaps:{kind}:{user.pk}:{today.isoformat()}:{stamp}", compute, TIMEOUT)


def cached_agenda(user, today):
    """The landing block «Сроки» of a user (roadmaps.agenda.user_agenda), kept."""

    return _cached(user, today, "agenda", lambda: agenda.user_agenda(user, today))


def cached_deadline_rows(user, today, *, due: str, mine: bool):
    """The list behind the block (/my/deadlines/), kept."""

    return _cached(user, today, f"deadlines:{due}:{mine:d}",
                   lambda: agenda.user_deadline_rows(user, today, due=due, mine=mine))


def warm_region(region_id: str) -> None:
    """After a change of a roadmap of the region (lib/warming): each coordinator's landing block and first list
    (overdue, all items) — counting the region's occurrences is 0.5 s on a full region, which no view should pay."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    today = timezone.localdate()
    for user in get_user_model().objects.filter(is_active=True, memberships__region_id=region_id).distinct():
        cached_agenda(user, today)
        cached_deadline_rows(user, today, due="overdue", mine=False)


def names_of_roadmap(roadmap_id) -> list[str]:
    """What a change of a roadmap (its sections, items, deadlines, responsible users) moves: its table, the deadlines
    of its region and of its district or direct school, and its place's page and navigation."""
    from roadmaps.models import Roadmap

    names = [f"roadmap-table:{roadmap_id}"]
    for district, organization, school_district, region, school_region in Roadmap.objects.filter(
            pk=roadmap_id).values_list("district_id", "organization_id", "organization__district_id",
                                       "district__region_id", "organization__region_id"):
        names.append(deadlines("region", region or school_region))
        names += place_cache.of_place(district, organization)
        names.append(deadlines("district", district or school_district) if district or school_district
                     else deadlines("organization", organization))
    return names


def bump(roadmap_id: int) -> None:
    for name in names_of_roadmap(roadmap_id):
        versions.bump(name)


def _names_of(instance, created: bool = False) -> list[str]:
    from roadmaps.models import Item, Occurrence, Roadmap

    if isinstance(instance, Roadmap):
        roadmap_id = instance.pk
    elif isinstance(instance, Occurrence):
        roadmap_id = Item.objects.filter(pk=instance.item_id).values_list("roadmap_id", flat=True).first()
    else:  # a section, an item (a user on the other side of an item's responsible users moves nothing here)
        roadmap_id = getattr(instance, "roadmap_id", None)
    return names_of_roadmap(roadmap_id) if roadmap_id is not None else []


def connect() -> None:
    from roadmaps.models import Item, Occurrence, Roadmap, Section

    versions.watch("roadmap-table", _names_of, models=(Roadmap, Section, Item, Occurrence),
                   m2m=(Item.responsible_users.through,))
    warming.WARMERS.add(warm_region, key=REGION_DEADLINES)
    warming.WARMERS.add(warm_table, key="roadmap-table")


# Where a changed record belongs (participants/caches/where.py): an attendance is its event's, an application its
# contest's (a district's contest moves its district's report; a region's none).
def event_of(attendance):
    return Event.objects.filter(pk=attendance.event_id).first()


def contest_of(application):
    return Contest.objects.filter(pk=application.contest_id).first()
