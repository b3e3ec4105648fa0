"""The version of a place's own page and its navigation (issue #24): the district's page (its schools, head-counts,
curators, roadmaps and deadlines, monitoring) and the counts of what waits in each section of a place's navigation
were read on every view — 16 queries, a tenth of the sign-in page's rate under load. They are rendered once and kept
until something they show changes.

A version per place, `place:district:<id>` and `place:organization:<id>`; a change of a school's record moves its
own and its district's. Each app bumps it for its own records: participants here (schools, districts, roles,
head-counts, programmes, practices), roadmaps for roadmaps and their items (roadmaps/page_cache.py), monitoring for
campaigns and reports (monitoring/figures_cache.py)."""

from __future__ import annotations

import hashlib

from mentoring_portal.lib import versions
from participants.access import access_of
from participants.models import District, Organization


def version_of(kind: str, pk) -> str:
    """The version of a «region» (moved by any change of any of its places: a coordinator's landing lists them all),
    a «district» or an «organization»."""
    return f"place:{kind}:{pk}"


def of_organization(organization_id) -> list[str]:
    """The versions a change of a school's record moves: the school's, its district's and its region's."""

    found = Organization.objects.filter(pk=organization_id).values_list("district_id", "region_id").first() \
        if organization_id else None
    if found is None:
        return []
    district_id, region_id = found
    district = [version_of("district", district_id)] if district_id else []
    return [version_of("organization", organization_id), *district, version_of("region", region_id)]


def of_district(district_id) -> list[str]:
    if not district_id:
        return []
    region_id = District.objects.filter(pk=district_id).values_list("region_id", flat=True).first()
    return [version_of("district", district_id), *([version_of("region", region_id)] if region_id else [])]


def of_place(district_id=None, organization_id=None, region_id=None) -> list[str]:
    """A record that belongs to a school, a district or a region (a roadmap, a campaign, a programme, a role)."""
    if organization_id:
        return of_organization(organization_id)
    if district_id:
        return of_district(district_id)
    return [version_of("region", region_id)] if region_id else []


def of_membership(membership) -> str:
    """The version of the place a role is held at (what a user's landing shows of it)."""
    if membership.region_id:
        return version_of("region", membership.region_id)
    if membership.district_id:
        return version_of("district", membership.district_id)
    return version_of("organization", membership.organization_id)


def reader(user, *parts) -> str:
    """The reader's part of a kept page's key: who they are and their roles (what they may see and do follows them),
    with the caller's `parts` (an address, the filters, a workplace)."""

    access = access_of(user)
    roles = ",".join(f"{m.pk}:{m.role}" for m in access.memberships)
    return hashlib.sha1("|".join(map(str, (user.pk, access.is_superuser, roles, *parts))).encode()).hexdigest()[:16]


def key(place, user, today, *parts) -> str:
    """What a place's rendered page or navigation is keyed by: the place's version, the day, the reader's roles
    (what they may see and do there) and the `parts` the caller adds (the address, for the current section)."""
    from participants.models import District

    name = version_of("district", place.pk) if isinstance(place, District) else version_of("organization", place.pk)
    return f"{versions.version(name)}.{today.isoformat()}.{reader(user, *parts)}"


def landing_key(user, today, kept_by: list[str], *parts) -> str | None:
    """What a user's landing page is kept under: the versions of the places of their roles and those its blocks name
    (`kept_by`), the day, their roles and the `parts` (the workplace chosen); None for a superuser (every place)."""
    from participants.access import access_of

    access = access_of(user)
    if access.is_superuser:
        return None
    names = sorted({of_membership(m) for m in access.memberships} | set(kept_by))
    stamp = ".".join(str(versions.version(name)) for name in names)
    return f"{today.isoformat()}.{reader(user, stamp, *parts)}"


def _names_of(instance, created: bool = False) -> list[str]:
    from participants.models import District, Organization, Region

    if isinstance(instance, Region):  # its name heads its districts' pages
        districts = District.objects.filter(region=instance).values_list("pk", flat=True)
        return [version_of("region", instance.pk), *(version_of("district", pk) for pk in districts)]
    if isinstance(instance, District):
        return [version_of("district", instance.pk), version_of("region", instance.region_id)]
    if isinstance(instance, Organization):
        district = [version_of("district", instance.district_id)] if instance.district_id else []
        return [version_of("organization", instance.pk), *district, version_of("region", instance.region_id)]
    return of_place(getattr(instance, "district_id", None), getattr(instance, "organization_id", None),
                    getattr(instance, "region_id", None))


def connect() -> None:
    from participants.models import District, HeadCount, Membership, Organization, Practice, Programme, Region

    versions.watch("place", _names_of,
                   models=(Region, District, Organization, Membership, HeadCount, Practice, Programme))
