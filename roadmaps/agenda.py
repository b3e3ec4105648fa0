"""What is due: occurrences overdue or coming up, for one user, across the roadmaps they may see or answer for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q

from participants.access import access_of
from participants.models import Role
from roadmaps.models import Occurrence, Roadmap


def visible_occurrences(user, roadmaps=None):
    """Every occurrence of every roadmap the user may see (of `roadmaps` only, if given). The roadmaps' ids are read
    first: «district IN (…) OR organization IN (…)» inside the big query keeps PostgreSQL from using the item and
    occurrence indexes, and made a district's page read the whole region's deadlines (docs/PERFORMANCE.md)."""
    visible = Roadmap.objects.visible_to(user) if roadmaps is None else roadmaps
    return Occurrence.objects.filter(item__roadmap_id__in=list(visible.values_list("pk", flat=True)))


def my_occurrences(user):
    """The user's own deadlines: items naming them responsible, and every item of the roadmaps they edit."""
    access = access_of(user)
    edited_districts = [m.district_id for m in access.memberships if m.role == Role.DISTRICT_CURATOR]
    edited_schools = [m.organization_id for m in access.memberships if m.role == Role.SCHOOL_CURATOR]
    mine = (
        Q(item__responsible_users=user)
        | Q(item__roadmap__district_id__in=edited_districts)
        | Q(item__roadmap__organization_id__in=edited_schools)
    )
    return visible_occurrences(user).filter(mine).distinct()


@dataclass
class Agenda:
    overdue: list[Occurrence]
    upcoming: list[Occurrence]
    overdue_count: int
    upcoming_count: int


def agenda(occurrences, today: date, *, days: int = 30, limit: int = 15) -> Agenda:
    related = occurrences.select_related("item__roadmap__district", "item__roadmap__organization")
    overdue = related.overdue(today).order_by("due", "id")
    upcoming = related.due_between(today, today + timedelta(days=days)).order_by("due", "id")
    return Agenda(list(overdue[:limit]), list(upcoming[:limit]), overdue.count(), upcoming.count())


@dataclass
class SchoolDeadlines:
    name: str
    url: str
    overdue: int
    upcoming: int


def deadlines_by_school(district, user, today: date, *, days: int = 30) -> list[SchoolDeadlines]:
    """Per school of the district (and the district itself), how many occurrences are overdue and coming up:
    two aggregate queries, not one per school."""
    from participants.models import Organization

    schools = list(Organization.objects.visible_to(user).filter(district=district).in_russian_order())
    base = visible_occurrences(user, Roadmap.objects.visible_to(user).filter(
        Q(organization__in=[s.pk for s in schools]) | Q(district=district)))
    soon = today + timedelta(days=days)
    counts = {
        (row["item__roadmap__organization"], row["item__roadmap__district"]): row
        for row in base.open().values("item__roadmap__organization", "item__roadmap__district").annotate(
            overdue=Count("id", filter=Q(due__lt=today)),
            upcoming=Count("id", filter=Q(due__gte=today, due__lte=soon)),
        )
    }
    rows = []
    own = counts.get((None, district.pk), {})
    rows.append(SchoolDeadlines(f"{district.name} (муниципальная дорожная карта)",
                                district.get_absolute_url(), own.get("overdue", 0), own.get("upcoming", 0)))
    for school in schools:
        found = counts.get((school.pk, None), {})
        rows.append(SchoolDeadlines(school.short_name, school.get_absolute_url(), found.get("overdue", 0),
                                    found.get("upcoming", 0)))
    return rows
