"""How computed indicators are obtained from the registry: each formula is a numerator over a denominator.

Numerators count people, each once however many pairs they are in, over the pairs that worked at some time in the
period (active or completed, start ≤ period end, end ≥ period start). Denominators are the organizations'
head-counts of the school year in which the period ends (a target year is a school year: see selectors).
Two grouped queries fetch the people of every organization for the period; the formulas then only count
(see `Snapshot`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Q, Value, When

from mentoring_portal.lib.schoolyear import school_year_of, years_before
from participants.models import HeadCount, Organization, Pair, Practice, PracticeStatus, TrainingRecord
from participants.models.pairs import counted_conditions
from participants.routes.selectors import closing_by_school
from participants.training.models import TRAINED_WITHIN_YEARS


class Fact(NamedTuple):
    """What the formulas ask of a person in a counted pair of one organization. The registry is read grouped by
    organization and fact, with the people of each group in one list: a region's 456,000 participations arrive as a
    few thousand groups (each of their people was a tuple of eight fields with two dates before)."""

    is_mentor: bool
    category: str
    young: bool  # under 35 and in the first three years of teaching at the period's end
    teacher_form: bool
    organization_kind: str


@dataclass
class Snapshot:
    """Everything the formulas need about a set of organizations over a period: the people in counted pairs and the
    head-counts in three queries; what only some formulas ask (practices published, training, pairs in contests) is
    read the first time one of them asks — the four indicators of the target model never read it."""

    period: tuple[date, date]
    organizations: dict[int, Organization]
    facts: dict[int, list[tuple[Fact, list[int]]]]  # organization → its facts, each with the people it holds
    head_counts: dict[int, HeadCount]

    @classmethod
    def take(cls, organizations: Iterable[Organization], period: tuple[date, date]) -> Snapshot:
        organizations = {o.pk: o for o in organizations}
        start, end = period
        pairs = Pair.objects.counted_in(period).filter(organization_id__in=organizations)
        # The pair's conditions on the join itself, not «pair IN (subquery)»: one scan of the pairs fewer.
        mentees = Pair.mentees.through.objects.filter(pair__organization_id__in=organizations,
                                                      **counted_conditions(period, "pair__"))
        facts: dict[int, list[tuple[Fact, list[int]]]] = {}
        for is_mentor, rows, prefix, person in ((True, pairs, "", "mentor"), (False, mentees, "pair__", "person")):
            young = Case(When(**{f"{person}__teaching_since__gt": years_before(end, 3),
                                 f"{person}__birth_date__gt": years_before(end, 35)}, then=Value(True)),
                         default=Value(False), output_field=BooleanField())
            grouped = rows.values(place=F(f"{prefix}organization_id"), kind_of_person=F(f"{person}__category"),
                                  teacher_form=F(f"{prefix}form__is_teacher_form"), young=young)
            for row in _people_of(grouped, f"{person}_id"):
                kind = organizations[row["place"]].kind
                fact = Fact(is_mentor, row["kind_of_person"], row["young"], row["teacher_form"], kind)
                facts.setdefault(row["place"], []).append((fact, row["people"]))
        head_counts = {h.organization_id: h for h in HeadCount.objects.filter(organization_id__in=organizations,
                                                                                 school_year=school_year_of(end))}
        return cls(period, organizations, facts, head_counts)

    @cached_property
    def published(self) -> dict[int, int]:
        """Organization → practices published in the bank in the period."""
        return dict(Practice.objects.filter(organization_id__in=self.organizations, status=PracticeStatus.PUBLISHED,
                                            published_on__range=self.period).values("organization_id")
                    .annotate(n=Count("pk")).values_list("organization_id", "n"))

    @cached_property
    def _training(self) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        end = self.period[1]
        trained: dict[int, set[int]] = {}
        young_trained: dict[int, set[int]] = {}
        for person, organization, teaching_since in TrainingRecord.objects.filter(
                person__organization_id__in=self.organizations,
                end_date__gt=years_before(end, TRAINED_WITHIN_YEARS), end_date__lte=end).values_list(
                "person_id", "person__organization_id", "person__teaching_since"):
            trained.setdefault(organization, set()).add(person)
            if teaching_since and teaching_since > years_before(end, 3):
                young_trained.setdefault(organization, set()).add(person)
        return trained, young_trained

    @property
    def trained(self) -> dict[int, set[int]]:
        """Organization → people trained in the last three years."""
        return self._training[0]

    @property
    def young_trained(self) -> dict[int, set[int]]:
        """…of them, teachers in their first three years."""
        return self._training[1]

    @cached_property
    def pairs(self) -> dict[int, tuple[int, int]]:
        """Organization → (counted pairs, of them in a contest of the period)."""
        counted = Pair.objects.counted_in(self.period).filter(organization_id__in=self.organizations)
        return {row["organization_id"]: (row["total"], row["contest"]) for row in counted.values("organization_id")
                .annotate(total=Count("pk", distinct=True), contest=Count("pk", distinct=True, filter=Q(
                    contest_applications__contest__applications_until__range=self.period)))}

    @cached_property
    def deficits(self) -> dict[int, tuple[set[int], set[int]]]:
        """Organization → (teachers with a deficit open in the period, of them those with none open at its end)."""
        return closing_by_school(list(self.organizations), self.period)

    @property
    def size(self) -> int:
        """Participations read (a person once per organization and fact)."""
        return sum(len(people) for groups in self.facts.values() for _, people in groups)

    def people(self, organization_ids: set[int], keep: Callable[[Fact], bool]) -> set[int]:
        found: set[int] = set()
        for org_id in organization_ids:
            for fact, people in self.facts.get(org_id, ()):
                if keep(fact):
                    found.update(people)
        return found

    def head_count(self, organization_ids: set[int], field: str, kind: str | None = None) -> int:
        return sum(getattr(h, field) for org_id, h in self.head_counts.items()
                   if org_id in organization_ids and (kind is None or self.organizations[org_id].kind == kind))


def _people_of(grouped, person: str):
    """Each group of `grouped` (a values() queryset) with the distinct ids of its people: one array per group on
    PostgreSQL; elsewhere (SQLite in development) the distinct rows, gathered here."""
    if connection.vendor == "postgresql":
        yield from grouped.annotate(people=ArrayAgg(person, distinct=True))
        return
    gathered: dict[tuple, set[int]] = {}
    for row in grouped.annotate(who=F(person)).distinct():
        who = row.pop("who")
        gathered.setdefault(tuple(row.items()), set()).add(who)
    for key, people in gathered.items():
        yield {**dict(key), "people": list(people)}


Ratio = tuple[int, int]


def _distinct(s: Snapshot, ids: set[int], keep: Callable[[Fact], bool]) -> int:
    return len(s.people(ids, keep))


def students_in_mentoring(s: Snapshot, ids: set[int]) -> Ratio:
    """Students of general-education schools (additional-education organizations have their own indicator)."""
    numerator = _distinct(s, ids, lambda p: p.category == "student" and p.organization_kind == "general")
    return numerator, s.head_count(ids, "students", kind="general")


def young_teachers_supported(s: Snapshot, ids: set[int]) -> Ratio:
    numerator = _distinct(s, ids, lambda p: not p.is_mentor and p.category == "teacher" and p.young)
    return numerator, s.head_count(ids, "young_teachers")


def additional_students(s: Snapshot, ids: set[int]) -> Ratio:
    numerator = _distinct(s, ids, lambda p: p.category == "student" and p.organization_kind == "additional")
    return numerator, s.head_count(ids, "additional_students", kind="additional")


def student_mentors(s: Snapshot, ids: set[int]) -> Ratio:
    return _distinct(s, ids, lambda p: p.is_mentor and p.category == "student"), s.head_count(ids, "students")


def teacher_mentors(s: Snapshot, ids: set[int]) -> Ratio:
    return _distinct(s, ids, lambda p: p.is_mentor and p.category == "teacher"), s.head_count(ids, "teachers")


def student_participants(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 001: «участников … не менее 10% от общего количества членов каждой целевой группы» — participants, mentors
    and mentees alike, of the target group «обучающиеся»."""
    return _distinct(s, ids, lambda p: p.category == "student"), s.head_count(ids, "students")


def teacher_participants(s: Snapshot, ids: set[int]) -> Ratio:
    """The same for the target group «педагогические работники»."""
    return _distinct(s, ids, lambda p: p.category == "teacher"), s.head_count(ids, "teachers")


def teachers_supporting_young(s: Snapshot, ids: set[int]) -> Ratio:
    numerator = _distinct(s, ids, lambda p: p.is_mentor and p.category == "teacher" and p.teacher_form)
    return numerator, s.head_count(ids, "teachers")


def schools_with_teacher_mentoring(s: Snapshot, ids: set[int]) -> Ratio:
    schools = {i for i in ids if s.organizations[i].kind == "general"}
    active = {i for i in schools if any(fact.teacher_form for fact, _ in s.facts.get(i, ()))}
    return len(active), len(schools)


def schools_with_published_practices(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 002's «банк успешных практик»: organizations with a practice published in the district's bank in the
    period, of all organizations."""
    return sum(1 for i in ids if s.published.get(i)), len(ids)


def mentors_trained(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 002 item 6: mentors (in counted pairs) trained in the last three years, of all mentors."""
    mentors = s.people(ids, lambda p: p.is_mentor)
    trained = set().union(*(s.trained.get(i, set()) for i in ids))
    return len(mentors & trained), len(mentors)


def young_teachers_trained(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 002 item 5: teachers in their first three years who took a course, of the head-count's young teachers."""
    return sum(len(s.young_trained.get(i, ())) for i in ids), s.head_count(ids, "young_teachers")


def pairs_in_contests(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 002 item 3: pairs that took part in a contest whose applications closed in the period, of all pairs."""
    return sum(s.pairs.get(i, (0, 0))[1] for i in ids), sum(s.pairs.get(i, (0, 0))[0] for i in ids)


def teachers_closed_deficits(s: Snapshot, ids: set[int]) -> Ratio:
    """Seed 002: «процент педагогов, ликвидировавших профессиональные дефициты» (анализ результатов РИКУ): teachers
    with no deficit open at the period's end, of those who had one open in it (participants/routes)."""
    having = closed = 0
    for i in ids:
        with_deficits, without_open = s.deficits.get(i, ((), ()))
        having, closed = having + len(with_deficits), closed + len(without_open)
    return closed, having


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
    "student_participants": Formula("обучающиеся — наставники и наставляемые / все обучающиеся", student_participants),
    "teacher_participants": Formula("педагоги — наставники и наставляемые / все педагоги", teacher_participants),
    "teachers_supporting_young": Formula("педагоги-наставники в формах наставничества педагогов / все педагоги",
                                         teachers_supporting_young),
    "schools_with_teacher_mentoring": Formula("школы с наставничеством педагогов / все общеобразовательные школы",
                                              schools_with_teacher_mentoring),
    "schools_with_published_practices": Formula("организации с практикой в банке практик / все организации",
                                                schools_with_published_practices),
    "pairs_in_contests": Formula("пары — участники конкурсов года / все пары", pairs_in_contests),
    "mentors_trained": Formula("наставники, обученные за последние 3 года / все наставники", mentors_trained),
    "young_teachers_trained": Formula("молодые педагоги (до 3 лет стажа), прошедшие курсы / все молодые педагоги",
                                      young_teachers_trained),
    "teachers_closed_deficits": Formula("педагоги, ликвидировавшие все дефициты / педагоги с дефицитами в периоде",
                                        teachers_closed_deficits),
}
FORMULA_CHOICES = [(key, f.label) for key, f in FORMULAS.items()]


def percentage(ratio: Ratio) -> float | None:
    """A share in percent, or None («нет данных») when there is nothing to divide by."""
    numerator, denominator = ratio
    return round(100 * numerator / denominator, 1) if denominator else None
