"""How computed indicators are obtained from the registry: each formula is a numerator over a denominator.

Numerators count people, each once however many pairs they are in, over the pairs that worked at some time in the
period (active or completed, start ≤ period end, end ≥ period start). Denominators are the organizations'
head-counts of the school year in which the period ends (a target year is a school year: see selectors).
One query fetches every participation of every organization for the period; the formulas then only count
(see `Snapshot`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import HeadCount, Organization, Pair, PairStatus

COUNTED_STATUSES = (PairStatus.ACTIVE, PairStatus.COMPLETED)


class Participation(NamedTuple):
    """One person in one counted pair (a tuple: a region has half a million of them, and a frozen dataclass costs
    three times as much to build)."""

    organization_id: int
    person_id: int
    is_mentor: bool
    category: str
    birth_date: date | None
    teaching_since: date | None
    teacher_form: bool
    organization_kind: str


def _years(start: date | None, on: date) -> int | None:
    if start is None:
        return None
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


@dataclass
class Snapshot:
    """Everything the formulas need about a set of organizations over a period, fetched in four queries."""

    period: tuple[date, date]
    organizations: dict[int, Organization]
    participations: list[Participation]
    head_counts: dict[int, HeadCount]

    @classmethod
    def take(cls, organizations: Iterable[Organization], period: tuple[date, date]) -> Snapshot:
        organizations = {o.pk: o for o in organizations}
        start, end = period
        pairs = Pair.objects.filter(organization_id__in=organizations, status__in=COUNTED_STATUSES,
                                    start_date__lte=end, end_date__gte=start)
        mentors = pairs.values_list("organization_id", "mentor_id", "mentor__category", "mentor__birth_date",
                                    "mentor__teaching_since", "form__is_teacher_form", "organization__kind")
        # The pair's conditions on the join itself, not «pair IN (subquery)»: one scan of the pairs fewer.
        mentees = Pair.mentees.through.objects.filter(
            pair__organization_id__in=organizations, pair__status__in=COUNTED_STATUSES, pair__start_date__lte=end,
            pair__end_date__gte=start).values_list(
            "pair__organization_id", "person_id", "person__category", "person__birth_date", "person__teaching_since",
            "pair__form__is_teacher_form", "pair__organization__kind")
        participations = [Participation(o, p, True, c, b, t, f, k) for o, p, c, b, t, f, k in mentors]
        participations += [Participation(o, p, False, c, b, t, f, k) for o, p, c, b, t, f, k in mentees]
        year = school_year_of(end)
        head_counts = {h.organization_id: h for h in HeadCount.objects.filter(organization_id__in=organizations,
                                                                                 school_year=year)}
        return cls(period, organizations, participations, head_counts)

    def __post_init__(self) -> None:
        # Participations by organization, once: `of` was a scan of the whole list per school, indicator and year
        # (a region's 240 figures took 17–38 s).
        self._by_organization: dict[int, list[Participation]] = {}
        for p in self.participations:
            self._by_organization.setdefault(p.organization_id, []).append(p)

    def of(self, organization_ids: set[int]) -> list[Participation]:
        return [p for org_id in organization_ids for p in self._by_organization.get(org_id, ())]

    def head_count(self, organization_ids: set[int], field: str, kind: str | None = None) -> int:
        return sum(getattr(h, field) for org_id, h in self.head_counts.items()
                   if org_id in organization_ids and (kind is None or self.organizations[org_id].kind == kind))


Ratio = tuple[int, int]


def _distinct(participations, keep: Callable[[Participation], bool]) -> int:
    return len({p.person_id for p in participations if keep(p)})


def students_in_mentoring(s: Snapshot, ids: set[int]) -> Ratio:
    """Students of general-education schools (additional-education organizations have their own indicator)."""
    numerator = _distinct(s.of(ids), lambda p: p.category == "student" and p.organization_kind == "general")
    return numerator, s.head_count(ids, "students", kind="general")


def young_teachers_supported(s: Snapshot, ids: set[int]) -> Ratio:
    on = s.period[1]

    def young(p: Participation) -> bool:
        years, age = _years(p.teaching_since, on), _years(p.birth_date, on)
        return (not p.is_mentor and p.category == "teacher" and years is not None and years < 3
                and age is not None and age < 35)

    return _distinct(s.of(ids), young), s.head_count(ids, "young_teachers")


def additional_students(s: Snapshot, ids: set[int]) -> Ratio:
    numerator = _distinct(s.of(ids), lambda p: p.category == "student" and p.organization_kind == "additional")
    return numerator, s.head_count(ids, "additional_students", kind="additional")


def student_mentors(s: Snapshot, ids: set[int]) -> Ratio:
    return _distinct(s.of(ids), lambda p: p.is_mentor and p.category == "student"), s.head_count(ids, "students")


def teacher_mentors(s: Snapshot, ids: set[int]) -> Ratio:
    return _distinct(s.of(ids), lambda p: p.is_mentor and p.category == "teacher"), s.head_count(ids, "teachers")


def teachers_supporting_young(s: Snapshot, ids: set[int]) -> Ratio:
    numerator = _distinct(s.of(ids), lambda p: p.is_mentor and p.category == "teacher" and p.teacher_form)
    return numerator, s.head_count(ids, "teachers")


def schools_with_teacher_mentoring(s: Snapshot, ids: set[int]) -> Ratio:
    schools = {i for i in ids if s.organizations[i].kind == "general"}
    active = {p.organization_id for p in s.of(schools) if p.teacher_form}
    return len(active), len(schools)


@dataclass(frozen=True)
class Formula:
    label: str
    compute: Callable[[Snapshot, set[int]], Ratio]


FORMULAS: dict[str, Formula] = {
    "students_in_mentoring": Formula("обучающиеся в наставничестве / все обучающиеся", students_in_mentoring),
    "young_teachers_supported": Formula("педагоги до 35 лет в первые 3 года, наставляемые / все такие педагоги",
                                        young_teachers_supported),
    "additional_students": Formula("обучающиеся организаций ДО в наставничестве / обучающиеся по программам ДО",
                                   additional_students),
    "student_mentors": Formula("обучающиеся-наставники / все обучающиеся", student_mentors),
    "teacher_mentors": Formula("педагоги-наставники / все педагоги", teacher_mentors),
    "teachers_supporting_young": Formula("педагоги-наставники в формах наставничества педагогов / все педагоги",
                                         teachers_supporting_young),
    "schools_with_teacher_mentoring": Formula("школы с наставничеством педагогов / все общеобразовательные школы",
                                              schools_with_teacher_mentoring),
}
FORMULA_CHOICES = [(key, f.label) for key, f in FORMULAS.items()]


def percentage(ratio: Ratio) -> float | None:
    """A share in percent, or None («нет данных») when there is nothing to divide by."""
    numerator, denominator = ratio
    return round(100 * numerator / denominator, 1) if denominator else None
