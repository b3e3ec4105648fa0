"""Read-only queries of participants, always starting from what the user may see."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch

from mentoring_portal.lib.schoolyear import school_year_label, school_year_of
from participants.access import access_of
from participants.models import District, HeadCount, Membership, Organization, Region, Role


@dataclass
class SchoolRow:
    organization: Organization
    head_count: HeadCount | None


def school_rows(organizations, school_year: int) -> list[SchoolRow]:
    """Organizations with their head-count of one school year, in two queries."""
    organizations = organizations.prefetch_related(
        Prefetch("head_counts", queryset=HeadCount.objects.filter(school_year=school_year), to_attr="year_counts")
    ).in_russian_order()
    return [SchoolRow(org, org.year_counts[0] if org.year_counts else None) for org in organizations]


@dataclass
class Landing:
    """What the landing page shows one user, grouped by the hats they wear."""

    school_year: int
    districts: list[District]
    direct_organizations: list[SchoolRow]
    own_organizations: list[SchoolRow]
    mentor_organizations: list[Organization]
    coordinated_regions: list[Region] = field(default_factory=list)

    @property
    def school_year_label(self) -> str:
        return school_year_label(self.school_year)

    def at(self, workplace) -> "Landing":
        """The same page for one of the user's places (a membership): what the user does there, nothing else."""
        role, region, district, organization = (workplace.role, workplace.region_id, workplace.district_id,
                                                workplace.organization_id)
        coordinator = role == Role.REGIONAL_COORDINATOR
        return Landing(
            school_year=self.school_year,
            districts=[d for d in self.districts if d.pk == district or (coordinator and d.region_id == region)],
            direct_organizations=self.direct_organizations if coordinator else [],
            own_organizations=[r for r in self.own_organizations
                               if role == Role.SCHOOL_CURATOR and r.organization.pk == organization],
            mentor_organizations=[o for o in self.mentor_organizations if role == Role.MENTOR and o.pk == organization],
            coordinated_regions=[r for r in self.coordinated_regions if coordinator and r.pk == region],
        )

    @property
    def missing_head_counts(self) -> list[Organization]:
        return [row.organization for row in self.own_organizations if row.head_count is None]


def landing_for(user, today: date) -> Landing:
    access = access_of(user)
    year = school_year_of(today)
    districts = list(
        District.objects.visible_to(user).select_related("region").annotate(school_count=Count("organizations"))
        .in_russian_order()
    )
    direct = Organization.objects.visible_to(user).filter(district__isnull=True, region_id__in=access.region_ids)
    own_ids = {m.organization_id for m in access.memberships if m.role == Role.SCHOOL_CURATOR}
    mentor_ids = {m.organization_id for m in access.memberships if m.role == Role.MENTOR}
    return Landing(
        school_year=year,
        districts=districts,
        direct_organizations=school_rows(direct, year) if access.region_ids else [],
        own_organizations=school_rows(Organization.objects.filter(id__in=own_ids), year) if own_ids else [],
        mentor_organizations=list(Organization.objects.filter(id__in=mentor_ids).in_russian_order()),
        coordinated_regions=list(Region.objects.filter(id__in=access.region_ids).order_by("name")),
    )


def curator_addresses(organizations) -> dict[int, list[str]]:
    """The e-mail addresses of each organization's active school curators: whom a reminder goes to."""

    found: dict[int, list[str]] = {}
    for organization_id, email in Membership.objects.filter(
            organization__in=organizations, role=Role.SCHOOL_CURATOR, user__is_active=True).exclude(
            user__email="").values_list("organization_id", "user__email").order_by("organization_id", "user__email"):
        found.setdefault(organization_id, []).append(email)
    return found
