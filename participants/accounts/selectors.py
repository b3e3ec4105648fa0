"""Who holds a role at a place and below it, and the log of changes there: one query each, paginated."""

from __future__ import annotations

from django.db.models import Q

from participants.models import District, Membership, Organization, Region, RoleChange


def _below(place, prefix: str = "") -> Q:
    """The place and what its users page covers: a region with its districts and the schools directly under it, a
    district with its schools, an organization alone."""
    if isinstance(place, Region):
        return (Q(**{f"{prefix}region": place}) | Q(**{f"{prefix}district__region": place})
                | Q(**{f"{prefix}organization__region": place, f"{prefix}organization__district__isnull": True}))
    if isinstance(place, District):
        return Q(**{f"{prefix}district": place}) | Q(**{f"{prefix}organization__district": place})
    assert isinstance(place, Organization)
    return Q(**{f"{prefix}organization": place})


def invitable_places(user, place) -> list:
    """Where one may invite to from the place's «Пользователи и роли» (the place first): a district's page also to
    each of its schools, a region's to its districts and the schools directly under it — what the page lists."""
    if isinstance(place, Region):
        districts = District.objects.visible_to(user).filter(region=place).order_by("name")
        schools = Organization.objects.visible_to(user).filter(region=place, district__isnull=True).in_russian_order()
        return [place, *districts, *schools]
    if isinstance(place, District):
        return [place, *Organization.objects.visible_to(user).filter(district=place).in_russian_order()]
    return [place]


def memberships_at(place):
    return (Membership.objects.filter(_below(place)).select_related("user", "region", "district", "organization")
            .order_by("organization__short_name", "role", "user__last_name", "user__first_name", "pk"))


def role_changes_at(place):
    return RoleChange.objects.filter(_below(place)).select_related("region", "district", "organization")
