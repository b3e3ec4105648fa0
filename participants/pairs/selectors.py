"""Reads of the registry and the pairs: lists for the school, suggestions for matching, figures for the district.

District and region views use only the aggregates here: no child's name leaves the school (see access.people)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from mentoring_portal.lib.collation import russian, search_text
from participants.models import Category, Meeting, MenteeRequest, MentorChoice, Organization, Pair, Person, PlanTask
from participants.models.pairs import LIVE_STATUSES
from participants.pairs.matching import MenteeNeed, MentorCandidate, Suggestion, rank
from participants.pairs.services import DEFAULT_MAX_MENTEES

PLAN_FULFILLED = 90  # the seed documents judge plans below 90% as not fulfilled


REGISTRY_SORTS = {
    "name": ("ФИО", lambda: (russian("last_name"), russian("first_name"), "pk")),
    "category": ("категория", lambda: ("category", russian("last_name"), russian("first_name"), "pk")),
    "grade": ("класс", lambda: ("grade", russian("last_name"), russian("first_name"), "pk")),
    "new": ("сначала новые", lambda: ("-created_at", "-pk")),
}


def registry(organization: Organization, user, *, q: str = "", category: str = "", sort: str = "name"):
    people = Person.objects.visible_to(user).filter(organization=organization).prefetch_related("consents")
    if q:
        people = people.filter(search__contains=search_text(q))
    if category:
        people = people.filter(category=category)
    order = REGISTRY_SORTS.get(sort, REGISTRY_SORTS["name"])[1]()
    # The profiles of the page's people only: joined, PostgreSQL hashed every profile of the region (68,850 rows, 16 ms
    # on a full region, growing with it) before the page's 50 were cut (issue #24).
    return people.prefetch_related("mentor_profile").order_by(*order)


def plan_counts(pair: Pair) -> tuple[int, int]:
    """(planned, done): the pair's meetings and tasks, and those held or done — counted by the database when the pair
    was read by `with_plan`, else from its meetings and tasks."""
    if hasattr(pair, "plan_total"):
        return pair.plan_total, pair.plan_done
    meetings, tasks = list(pair.meetings.all()), list(pair.tasks.all())
    return len(meetings) + len(tasks), sum(1 for m in meetings if m.held_on) + sum(1 for t in tasks if t.done)


def plan_completion(pair: Pair) -> int | None:
    """Held meetings and done tasks out of all planned: a percentage, or None for an empty plan."""
    total, done = plan_counts(pair)
    if not total:
        return None
    return round(100 * done / total)


@dataclass
class PairRow:
    pair: Pair
    completion: int | None
    planned: int = 0  # meetings and tasks in the plan

    @property
    def fulfilled(self) -> bool:
        return self.completion is not None and self.completion >= PLAN_FULFILLED


def with_plan(pairs):
    """Pairs with what their rows show: mentor, form, mentees, and their plan counted by the database (a fixed number
    of queries; a page of 50 pairs no longer builds their 150 meetings and tasks: issue #24)."""
    return pairs.select_related("mentor", "form", "variant", "organization").prefetch_related("mentees").annotate(
        plan_total=_per_pair(Meeting) + _per_pair(PlanTask),
        plan_done=_per_pair(Meeting, held_on__isnull=False) + _per_pair(PlanTask, done=True))


def pair_rows(pairs) -> list[PairRow]:
    """Rows of pairs: a queryset is loaded with its plan; a list (a page) is taken as it was loaded."""
    loaded = with_plan(pairs) if hasattr(pairs, "prefetch_related") else pairs
    return [PairRow(pair, plan_completion(pair), plan_counts(pair)[0]) for pair in loaded]


# Matching ------------------------------------------------------------------------------------------------------------
@dataclass
class MatchRow:
    request: MenteeRequest
    need: MenteeNeed
    suggestions: list[Suggestion] = field(default_factory=list)
    chosen: dict[int, int] = field(default_factory=dict)  # mentor → the mentee's rank of him (cabinet, stage 5)
    chosen_names: list[str] = field(default_factory=list)  # the mentee's choice in order

    @property
    def ranked(self) -> list[tuple[Suggestion, int | None]]:
        """Each suggestion with the place the mentee gave its mentor (None: not chosen)."""
        return [(s, self.chosen.get(s.mentor.person_id)) for s in self.suggestions]


def _mentees_now(mentor_ids) -> dict[int, int]:
    rows = Pair.objects.live().filter(mentor_id__in=mentor_ids).values("mentor_id").annotate(n=Count("mentees"))
    return {row["mentor_id"]: row["n"] for row in rows}


def mentor_candidates(organization: Organization) -> list[MentorCandidate]:
    mentors = list(
        Person.objects.pickable_in(organization).filter(mentor_profile__isnull=False).select_related("mentor_profile")
    )
    taken = _mentees_now([m.pk for m in mentors])
    return [
        MentorCandidate(
            person_id=m.pk, name=m.full_name, competencies=m.mentor_profile.competencies,
            interests=m.mentor_profile.interests, age_min=m.mentor_profile.preferred_age_min,
            age_max=m.mentor_profile.preferred_age_max,
            places_left=(m.mentor_profile.max_mentees or DEFAULT_MAX_MENTEES) - taken.get(m.pk, 0),
        )
        for m in mentors
    ]


def match_rows(organization: Organization, user, today: date) -> list[MatchRow]:
    """Open requests of people not yet in a live pair, each with its ranked mentors and the reasons."""
    requests = (
        MenteeRequest.objects.filter(is_open=True, person__in=Person.objects.visible_to(user),
                                     person__organization=organization)
        .exclude(person__mentored_in__status__in=LIVE_STATUSES)
        .select_related("person").order_by("person__last_name", "id")
    )
    mentors = mentor_candidates(organization)
    requests = list(requests)
    choices: dict[int, list] = {}
    for choice in (MentorChoice.objects.filter(person_id__in={r.person_id for r in requests})
                   .select_related("mentor").order_by("rank")):
        choices.setdefault(choice.person_id, []).append(choice)
    rows = []
    for request in requests:
        need = MenteeNeed(request.person.pk, request.person.full_name, request.help_wanted, request.interests,
                          request.person.age(today))
        own = choices.get(request.person_id, [])
        rows.append(MatchRow(request, need, rank(mentors, need), {c.mentor_id: c.rank for c in own},
                             [c.mentor.full_name for c in own]))
    return rows


# The district's figures ---------------------------------------------------------------------------------------------
@dataclass
class SchoolFigures:
    organization: Organization
    mentors: int = 0
    mentees: int = 0
    pairs: int = 0
    by_form: dict[str, int] = field(default_factory=dict)
    completions: list[int] = field(default_factory=list)

    @property
    def average_completion(self) -> int | None:
        return round(sum(self.completions) / len(self.completions)) if self.completions else None

    @property
    def unfulfilled(self) -> int:
        return sum(1 for c in self.completions if c < PLAN_FULFILLED)


def district_figures(organizations) -> list[SchoolFigures]:
    """Live pairs of each school counted without names: a fixed number of queries for any number of schools."""
    organizations = list(organizations)
    figures = {o.pk: SchoolFigures(o) for o in organizations}
    live = Pair.objects.live().filter(organization__in=organizations)
    for row in live.values("organization_id").annotate(
        pairs=Count("id", distinct=True), mentors=Count("mentor", distinct=True), mentees=Count("mentees", distinct=True)
    ):
        f = figures[row["organization_id"]]
        f.pairs, f.mentors, f.mentees = row["pairs"], row["mentors"], row["mentees"]
    for row in live.values("organization_id", "form__name").annotate(n=Count("id")):
        figures[row["organization_id"]].by_form[row["form__name"]] = row["n"]
    # Completion of each live pair counted in the database (four small subqueries a pair), not by loading every pair
    # with its meetings and tasks: 1.3 s → see docs/PERFORMANCE.md. Same rule as plan_completion.
    counted = live.annotate(meetings_n=_per_pair(Meeting), held_n=_per_pair(Meeting, held_on__isnull=False),
                            tasks_n=_per_pair(PlanTask), done_n=_per_pair(PlanTask, done=True))
    for organization_id, meetings, held, tasks, done in counted.values_list(
            "organization_id", "meetings_n", "held_n", "tasks_n", "done_n"):
        if meetings + tasks:
            figures[organization_id].completions.append(round(100 * (held + done) / (meetings + tasks)))
    return list(figures.values())


def _per_pair(model, **filters):
    rows = model.objects.filter(pair=OuterRef("pk"), **filters).order_by().values("pair").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")), 0)


def district_mentors(organizations, user):
    """Adults mentoring in live pairs across the district: names are fine here, they are not children."""
    return (
        Person.objects.visible_to(user).filter(organization__in=organizations, mentoring__status__in=LIVE_STATUSES)
        .exclude(category=Category.STUDENT).distinct().select_related("organization").order_by("last_name")
    )
