"""What a participant's page shows: his pairs and groups with the plan, the meetings held and the next one, and the
blocks other apps add (questionnaires addressed to him, events he is invited to) — registered with `CABINET_BLOCKS.add`, so
participants imports no app to its right. A provider gets the person and today and returns LandingBlocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from mentoring_portal.lib.plugins import Plugins
from participants.landing import LandingBlock
from participants.models import Meeting, Pair, PairStatus, Person, PlanTask
from participants.pairs.selectors import mentor_candidates, plan_completion

Provider = Callable[[Person, date], list[LandingBlock]]
CABINET_BLOCKS: Plugins[Provider] = Plugins("cabinet: blocks of a mentor's, a mentee's or a parent's page")


def mentor_label(mentor: Person, today: date) -> str:
    """How a mentee or a parent reads a mentor: an adult by his name and position, a pupil mentor (a minor) by his
    first name, the initial of his surname and his class — no child's full name leaves the school by a link."""
    if mentor.is_minor(today):
        return f"{mentor.first_name} {mentor.last_name[:1]}., {mentor.grade or 'обучающийся'}"
    return mentor.full_name + (f", {mentor.position}" if mentor.position else "")


@dataclass
class PairView:
    pair: Pair
    mentor: str
    completion: int | None
    tasks: list[PlanTask]
    held: list[Meeting]
    next_meeting: Meeting | None
    others: list[Person]  # the other mentees of a group (the page counts them: a parent sees no other child's name)


def pairs_of(person: Person, today: date) -> list[PairView]:
    """The pairs and groups the person is a mentee of: the live ones first, then the finished, newest first."""
    pairs = (Pair.objects.filter(mentees=person).exclude(status=PairStatus.TERMINATED)
             .select_related("mentor", "form", "organization")
             .prefetch_related("mentees", Prefetch("meetings", queryset=Meeting.objects.order_by("planned_on", "pk")),
                               Prefetch("tasks", queryset=PlanTask.objects.order_by("due", "pk")))
             .order_by("-start_date", "-pk"))
    views = []
    for pair in pairs:
        meetings = list(pair.meetings.all())
        upcoming = [m for m in meetings if m.held_on is None and m.planned_on and m.planned_on >= today]
        views.append(PairView(pair, mentor_label(pair.mentor, today), plan_completion(pair), list(pair.tasks.all()),
                              [m for m in meetings if m.held_on], upcoming[0] if upcoming else None,
                              [m for m in pair.mentees.all() if m.pk != person.pk]))
    return sorted(views, key=lambda v: v.pair.status not in (PairStatus.ACTIVE, PairStatus.FORMING))


def offered_mentors(person: Person, today: date) -> list[tuple[int, str]]:
    """The school's mentors with a free place, as a mentee or a parent may see them: an adult by his name and
    position, a pupil mentor by his first name, the initial of his surname and his class."""

    free = [c.person_id for c in mentor_candidates(person.organization) if c.places_left > 0 and
            c.person_id != person.pk]
    return [(mentor.pk, mentor_label(mentor, today)) for mentor in Person.objects.filter(pk__in=free).in_russian_order()]


def in_a_live_pair(person: Person) -> bool:
    return Pair.objects.live().filter(mentees=person).exists()


def blocks_of(person: Person, today: date) -> list[LandingBlock]:
    return sorted((block for provider in CABINET_BLOCKS for block in provider(person, today)), key=lambda b: b.order)
