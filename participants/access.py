"""The one place that decides what a signed-in user may see and do.

A user's memberships are read once per request. From them come the visible querysets (outsiders never see a row:
views answer 404) and the named capabilities on a district or an organization (a missing one answers 403).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mentoring_portal.lib.exports import find_exporter
from participants.models import District, Membership, Organization, Region, Role
from participants.models.memberships import DISTRICT_ROLES, ORGANIZATION_ROLES
from participants.models.registry import adult

VIEW = "view"
CAN_EDIT_ORGANIZATION = "can_edit_organization"
CAN_EDIT_ROADMAP = "can_edit_roadmap"
CAN_APPROVE_ROADMAPS = "can_approve_roadmaps"
CAN_VIEW_REPORTS = "can_view_reports"
CAN_EDIT_PAIRS = "can_edit_pairs"
CAN_EDIT_DISTRICT = "can_edit_district"  # the district's own reference data: its forms of mentoring, its targets
CAN_RECORD_MEETINGS = "can_record_meetings"  # on the pairs one may see: a mentor's own, all for the curator
CAN_READ_AUDIT = "can_read_audit"  # the audit trail of the place (names of people only for the school's curator)
CAN_MANAGE_USERS = "can_manage_users"  # invite people to the place and change their roles (Access.grantable_roles)
CAN_EDIT_DOCUMENTS = "can_edit_documents"  # the place's register of documents (положение, orders, protocols)
CAN_REVIEW = "can_review"  # the district's expert review of programmes and practices
CAN_EDIT_REGION = "can_edit_region"  # the region's own work: its contests
CAN_BUILD_QUESTIONNAIRES = "can_build_questionnaires"  # the place's own questionnaires (monitoring/builder)

ALL_CAPABILITIES = frozenset(
    {VIEW, CAN_EDIT_ORGANIZATION, CAN_EDIT_ROADMAP, CAN_APPROVE_ROADMAPS, CAN_VIEW_REPORTS, CAN_EDIT_PAIRS,
     CAN_RECORD_MEETINGS, CAN_EDIT_DISTRICT, CAN_READ_AUDIT, CAN_MANAGE_USERS, CAN_EDIT_DOCUMENTS, CAN_REVIEW, CAN_EDIT_REGION,
     CAN_BUILD_QUESTIONNAIRES}
)

# What each role may do on the place it holds, and on the places below it.
_ON_OWN_DISTRICT: dict[str, set[str]] = {
    Role.DISTRICT_CURATOR: {VIEW, CAN_EDIT_ROADMAP, CAN_APPROVE_ROADMAPS, CAN_VIEW_REPORTS, CAN_EDIT_DISTRICT,
                            CAN_READ_AUDIT, CAN_EDIT_DOCUMENTS, CAN_REVIEW, CAN_BUILD_QUESTIONNAIRES},
    Role.DISTRICT_METHODIST: {VIEW, CAN_VIEW_REPORTS},
}
_ON_DISTRICT_SCHOOL: dict[str, set[str]] = {
    Role.DISTRICT_CURATOR: {VIEW, CAN_EDIT_ORGANIZATION, CAN_APPROVE_ROADMAPS, CAN_VIEW_REPORTS, CAN_READ_AUDIT},
    Role.DISTRICT_METHODIST: {VIEW, CAN_VIEW_REPORTS},
}
_ON_OWN_ORGANIZATION: dict[str, set[str]] = {
    Role.SCHOOL_CURATOR: {VIEW, CAN_EDIT_ORGANIZATION, CAN_EDIT_ROADMAP, CAN_EDIT_PAIRS, CAN_RECORD_MEETINGS,
                          CAN_VIEW_REPORTS, CAN_READ_AUDIT, CAN_EDIT_DOCUMENTS, CAN_BUILD_QUESTIONNAIRES},
    Role.MENTOR: {VIEW, CAN_RECORD_MEETINGS},
}
# An expert (база экспертов) sees the district's page and what is sent for review, not its schools or people.
_EXPERT_ON_DISTRICT = {VIEW, CAN_REVIEW}
_COORDINATOR_ON_DISTRICT = {VIEW, CAN_VIEW_REPORTS}
_COORDINATOR_ON_REGION = {VIEW, CAN_VIEW_REPORTS, CAN_EDIT_DOCUMENTS, CAN_EDIT_REGION, CAN_BUILD_QUESTIONNAIRES}
# Organizations under the region directly have no district curator: the region approves their roadmaps.
_COORDINATOR_ON_DIRECT_ORGANIZATION = {VIEW, CAN_VIEW_REPORTS, CAN_APPROVE_ROADMAPS}
_COORDINATOR_ON_DISTRICT_SCHOOL = {VIEW, CAN_VIEW_REPORTS}

_QS = TypeVar("_QS", bound=QuerySet)  # a scoping method returns the queryset it was given, narrowed


@dataclass
class Access:
    is_superuser: bool = False
    memberships: list[Membership] = field(default_factory=list)
    user_id: int | None = None

    def _ids(self, attr: str, roles) -> set[int]:
        return {getattr(m, attr) for m in self.memberships if m.role in roles}

    @property
    def region_ids(self) -> set[int]:
        return self._ids("region_id", {Role.REGIONAL_COORDINATOR})

    @property
    def district_ids(self) -> set[int]:
        return self._ids("district_id", _ON_OWN_DISTRICT)

    @property
    def organization_ids(self) -> set[int]:
        return self._ids("organization_id", _ON_OWN_ORGANIZATION)

    # Scoped querysets -------------------------------------------------------------------------------------------
    def districts(self, qs: _QS) -> _QS:
        if self.is_superuser:
            return qs
        return qs.filter(Q(id__in=self.district_ids | self.expert_district_ids) | Q(region_id__in=self.region_ids))

    def organizations(self, qs: _QS) -> _QS:
        if self.is_superuser:
            return qs
        return qs.filter(
            Q(id__in=self.organization_ids) | Q(district_id__in=self.district_ids) | Q(region_id__in=self.region_ids)
        )

    def sees(self, place) -> bool:
        """The same rule as `districts` and `organizations`, for one place already read (a page of a place resolves
        it by its code and asks here, instead of compiling the scoped subqueries on every request: issue #24)."""
        if self.is_superuser:
            return True
        if isinstance(place, District):
            return place.id in self.district_ids | self.expert_district_ids or place.region_id in self.region_ids
        return (place.id in self.organization_ids or place.district_id in self.district_ids
                or place.region_id in self.region_ids)

    @property
    def expert_district_ids(self) -> set[int]:
        return self._ids("district_id", {Role.DISTRICT_EXPERT})

    @property
    def curated_organization_ids(self) -> set[int]:
        return self._ids("organization_id", {Role.SCHOOL_CURATOR})

    def _overseen(self, prefix: str = "") -> Q:
        """Organizations watched from above: the district's or the region's."""
        return Q(**{f"{prefix}district_id__in": self.district_ids}) | Q(**{f"{prefix}region_id__in": self.region_ids})

    def owned(self, qs: _QS, *, organization: bool = True, region: bool = False) -> _QS:
        """Records a school or a district owns (programmes, partners; contests, which a region owns too): those of
        the places the user reads, and his schools' districts' (and regions') — a school reads the model programmes it
        may copy and the contests it may enter."""
        if self.is_superuser:
            return qs
        from participants.models import District, Organization

        read = self.organizations(Organization.objects.all())
        allowed = Q(district__in=self.districts(District.objects.all())) | Q(
            district__in=read.exclude(district=None).values("district_id"))
        if organization:  # a district's experts review its schools' programmes and practices
            allowed |= Q(organization__in=read) | Q(organization__district_id__in=self.expert_district_ids)
        if region:
            allowed |= Q(region_id__in=self.region_ids) | Q(region__in=read.values("region_id"))
        return qs.filter(allowed)

    def people(self, qs: _QS) -> _QS:
        """Children's names only for their school's curators and their own mentor; adults for the district and the
        region too — by age (`registry.adult`), not by the role in a pair."""

        if self.is_superuser:
            return qs
        allowed = Q(organization_id__in=self.curated_organization_ids) | (
            self._overseen("organization__") & adult(timezone.localdate())
        )
        if self.user_id:
            # The mentor's own mentees in a subquery of their own: joining pairs and mentees into the main query made
            # it scan every person of the region (a district's mentoring page: 0.33 s of 0.4 s on a full region).
            own_mentees = qs.model.objects.filter(mentored_in__mentor__user_id=self.user_id).values("pk")
            allowed |= Q(user_id=self.user_id) | Q(pk__in=own_mentees)
        return qs.filter(allowed)

    def pairs(self, qs: _QS) -> _QS:
        """Pairs by name (with the mentees' names) for the school's curators and the pair's own mentor; the district
        and the region see pairs only as figures (participants/selectors.py)."""
        if self.is_superuser:
            return qs
        allowed = Q(organization_id__in=self.curated_organization_ids)
        if self.user_id:
            allowed |= Q(mentor__user_id=self.user_id)
        return qs.filter(allowed)

    # Roles one may grant -------------------------------------------------------------------------------------
    def grantable_roles(self, place: Region | District | Organization) -> list[str]:
        """The roles this user may give (and change or take away) at `place`: nobody grants a role above their own
        or outside their place. A regional coordinator: coordinators of the region, the roles of its districts and of
        the schools directly under it; a district curator: the district's roles and those of its schools; a school
        curator: the school's mentors. A methodist or a mentor grants nothing."""
        if isinstance(place, Region):
            allowed = self._grantable_in_region(place)
        elif isinstance(place, District):
            allowed = self._grantable_in_district(place)
        else:
            allowed = self._grantable_in_organization(place)
        return [role for role in Role.values if role in allowed]

    def _grantable_in_region(self, region: Region) -> set[str]:
        """Coordinators of the region: by its coordinators."""
        return {Role.REGIONAL_COORDINATOR} if self.is_superuser or region.id in self.region_ids else set()

    def _grantable_in_district(self, district: District) -> set[str]:
        """The district's roles: by the region's coordinators and the district's curators."""
        if self.is_superuser or district.region_id in self.region_ids or any(
                m.role == Role.DISTRICT_CURATOR and m.district_id == district.id for m in self.memberships):
            return set(DISTRICT_ROLES)
        return set()

    def _grantable_in_organization(self, school: Organization) -> set[str]:
        """A school's roles: by its district's curators (the region's coordinators for a school directly under the
        region); its mentors also by its own curators."""
        if self.is_superuser:
            return set(ORGANIZATION_ROLES)
        allowed: set[str] = set()
        for m in self.memberships:
            if (m.role == Role.DISTRICT_CURATOR and school.district_id and m.district_id == school.district_id) or (
                    m.role == Role.REGIONAL_COORDINATOR and school.is_under_region and m.region_id == school.region_id):
                allowed |= set(ORGANIZATION_ROLES)
            elif m.role == Role.SCHOOL_CURATOR and m.organization_id == school.id:
                allowed.add(Role.MENTOR)
        return allowed

    def may_manage(self, membership: Membership) -> bool:
        return membership.role in self.grantable_roles(membership.place)

    # Capabilities ------------------------------------------------------------------------------------------------
    def capabilities_on(self, place: Region | District | Organization) -> frozenset[str]:
        if self.is_superuser:
            return ALL_CAPABILITIES
        caps: set[str] = {CAN_MANAGE_USERS} if self.grantable_roles(place) else set()
        for m in self.memberships:
            if isinstance(place, Region):
                if m.role == Role.REGIONAL_COORDINATOR and m.region_id == place.id:
                    caps |= _COORDINATOR_ON_REGION
            elif isinstance(place, District):
                if m.district_id == place.id:
                    caps |= _EXPERT_ON_DISTRICT if m.role == Role.DISTRICT_EXPERT else _ON_OWN_DISTRICT.get(m.role, set())
                elif m.role == Role.REGIONAL_COORDINATOR and m.region_id == place.region_id:
                    caps |= _COORDINATOR_ON_DISTRICT
            else:
                if m.organization_id == place.id:
                    caps |= _ON_OWN_ORGANIZATION.get(m.role, set())
                elif place.district_id and m.district_id == place.district_id:
                    caps |= _ON_DISTRICT_SCHOOL.get(m.role, set())
                elif m.role == Role.REGIONAL_COORDINATOR and m.region_id == place.region_id:
                    caps |= (
                        _COORDINATOR_ON_DIRECT_ORGANIZATION if place.is_under_region else _COORDINATOR_ON_DISTRICT_SCHOOL
                    )
        return frozenset(caps)


def access_of(user) -> Access:
    """The user's access, read from the database once and kept on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return Access()
    cached = getattr(user, "_portal_access", None)
    if cached is None:
        memberships = list(
            Membership.objects.filter(user=user).select_related("region", "district", "organization")
        )
        cached = Access(is_superuser=user.is_superuser, memberships=memberships, user_id=user.pk)
        user._portal_access = cached
    return cached


# Resolving the place from the URL ------------------------------------------------------------------------------------
def require_capability(request, caps: frozenset[str], capability: str) -> None:
    if VIEW not in caps:
        raise Http404
    if capability not in caps:
        raise PermissionDenied("Недостаточно прав для этого действия.")
    if request.method not in ("GET", "HEAD", "OPTIONS") and capability == VIEW:
        # A view open to readers changes nothing; one that accepts POST must name an editing capability.
        raise PermissionDenied("Недостаточно прав для изменения.")


def _seen(place, access: Access):
    if not access.sees(place):
        raise Http404
    return place


def get_district_for_view(request, code: str, capability: str = VIEW) -> District:
    access = access_of(request.user)
    district = _seen(get_object_or_404(District.objects.select_related("region"), code=code), access)
    request.capabilities = access.capabilities_on(district)
    require_capability(request, request.capabilities, capability)
    request.district = request.place = district
    return district


def get_organization_for_view(request, code: str, capability: str = VIEW) -> Organization:
    access = access_of(request.user)
    organization = _seen(get_object_or_404(Organization.objects.select_related("region", "district"), code=code),
                         access)
    request.capabilities = access.capabilities_on(organization)
    require_capability(request, request.capabilities, capability)
    request.organization = request.place = organization
    return organization


def get_region_for_view(request, code: str, capability: str = VIEW) -> Region:
    access = access_of(request.user)
    regions = Region.objects.all() if access.is_superuser else Region.objects.filter(id__in=access.region_ids)
    region = get_object_or_404(regions, code=code)
    request.capabilities = access.capabilities_on(region)
    require_capability(request, request.capabilities, capability)
    return region


def resolved_view(getter, url_kwarg: str, capability: str):
    """A view decorator: sign-in required, then `getter(request, <url_kwarg>, capability)` resolves the object the
    URL names (404 for outsiders, 403 without the capability) and the view receives it instead of the URL value."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return view(request, getter(request, kwargs.pop(url_kwarg), capability), *args, **kwargs)

        return wrapper

    return decorator


def district_view(capability: str = VIEW):
    """Resolve `<district>` from the URL once, answer 404 to outsiders and 403 without `capability`."""
    return resolved_view(get_district_for_view, "district", capability)


def region_view(capability: str = VIEW):
    """Resolve `<region>` from the URL once: its coordinators only (404 for anyone else)."""
    return resolved_view(get_region_for_view, "region", capability)


def organization_view(capability: str = VIEW):
    """Resolve `<organization>` from the URL once, answer 404 to outsiders and 403 without `capability`."""
    return resolved_view(get_organization_for_view, "organization", capability)


PLACE_VIEWS = {"region": region_view, "district": district_view, "organization": organization_view}


def place_views(view, capability: str = VIEW) -> dict:
    """One view for the three kinds of place: {"region": …, "district": …, "organization": …}, each resolved by its
    kind's decorator; `view(request, place, …)`. URLs: `/r/<region>/…`, `/d/<district>/…`, `/o/<organization>/…`."""
    return {kind: decorator(capability)(view) for kind, decorator in PLACE_VIEWS.items()}


def place_kind(place) -> str:
    return "organization" if isinstance(place, Organization) else "district" if isinstance(place, District) else "region"


def place_fields(place) -> dict:
    """The place as the keyword of a model that belongs to one place: `Document(**place_fields(district))`."""
    return {place_kind(place): place}


PLACE_PREFIXES = {"region": "r/<slug:region>", "district": "d/<slug:district>",
                  "organization": "o/<slug:organization>"}


def exporter_for(user, group: str, identifier: str, place):
    """The exporter the user may use on the place, checked again in the background worker (a role may have been
    taken away since the export was ordered)."""
    from django.core.exceptions import PermissionDenied


    exporter = find_exporter(group, identifier)
    if exporter is None or exporter.capability not in access_of(user).capabilities_on(place):
        raise PermissionDenied("Нет прав на эту выгрузку.")
    return exporter
