"""What the pages and the indicator read of deficits: who had a deficit in a period and who closed them all, per
school; each teacher's route at a glance. Clear of names, the district's page reads counts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Q

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import HeadCount, Organization
from participants.routes.models import Deficit

# A school whose teachers failed the ИКУ/РИКУ at this share or more is offered the district's methodical visit (seed
# 002: «методический десант в ОО с большим процентом педагогов, сдавших ИКУ на недопустимый уровень»).
VISIT_SHARE = 20


def period_of(today: date) -> tuple[date, date]:
    """The school year so far: the district's page and the school's read the same period as the indicator."""
    return date(school_year_of(today), 9, 1), today


def closing_by_school(organization_ids, period: tuple[date, date]) -> dict[int, tuple[set[int], set[int]]]:
    """Organization → (teachers with a deficit open at some time in the period, of them those with none open at its
    end): Клин's «процент педагогов, ликвидировавших профессиональные дефициты». One query."""
    start, end = period
    found: dict[int, tuple[set[int], set[int]]] = {}
    rows = (Deficit.objects.filter(person__organization_id__in=organization_ids, found_on__lte=end,
                                   person__anonymised_on__isnull=True)
            .exclude(closed_on__lt=start).values("person_id", "person__organization_id")
            .annotate(still_open=Count("pk", filter=Q(closed_on__isnull=True) | Q(closed_on__gt=end))))
    for row in rows:
        having, closed = found.setdefault(row["person__organization_id"], (set(), set()))
        having.add(row["person_id"])
        if not row["still_open"]:
            closed.add(row["person_id"])
    return found


@dataclass
class SchoolDeficits:
    organization: Organization
    teachers: int  # the head-count of the school year (0 when not given)
    having: int
    closed: int
    unacceptable: int  # teachers with a deficit of the «недопустимый» level still open

    @property
    def share(self) -> int | None:
        return round(100 * self.closed / self.having) if self.having else None

    @property
    def unacceptable_share(self) -> int | None:
        return round(100 * self.unacceptable / self.teachers) if self.teachers else None

    @property
    def visit_advised(self) -> bool:
        share = self.unacceptable_share
        return share is not None and share >= VISIT_SHARE


def by_school(schools: list[Organization], today: date) -> list[SchoolDeficits]:
    ids = [s.pk for s in schools]
    closing = closing_by_school(ids, period_of(today))
    failing = dict(Deficit.objects.open_on(today).filter(person__organization_id__in=ids, unacceptable=True,
                                                         person__anonymised_on__isnull=True)
                   .values("person__organization_id").annotate(n=Count("person_id", distinct=True))
                   .values_list("person__organization_id", "n"))
    teachers = dict(HeadCount.objects.filter(organization_id__in=ids, school_year=school_year_of(today))
                    .values_list("organization_id", "teachers"))
    return [SchoolDeficits(s, teachers.get(s.pk, 0), len(closing.get(s.pk, ((), ()))[0]),
                           len(closing.get(s.pk, ((), ()))[1]), failing.get(s.pk, 0)) for s in schools]


def teachers_with_routes(people):
    """The teachers of `people` who have a deficit or a step, each with its counts (one query)."""
    return (people.filter(Q(deficits__isnull=False) | Q(route_steps__isnull=False)).distinct()
            .annotate(open_deficits=Count("deficits", filter=Q(deficits__closed_on__isnull=True), distinct=True),
                      closed_deficits=Count("deficits", filter=Q(deficits__closed_on__isnull=False), distinct=True),
                      steps=Count("route_steps", distinct=True),
                      steps_done=Count("route_steps", filter=Q(route_steps__done_on__isnull=False), distinct=True),
                      last_found=Max("deficits__found_on")))
