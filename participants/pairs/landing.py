"""«Мои встречи» on a mentor's landing page: the meetings of their own pairs that are due soon or were planned and not
marked held — a mentor's deadlines are these, not the school roadmap's."""

from dataclasses import dataclass
from datetime import date, timedelta

from mentoring_portal.lib import versions
from participants.landing import LandingBlock
from participants.models import Meeting, Pair, Person, PlanTask
from participants.models.pairs import LIVE_STATUSES


@dataclass
class MentorMeetings:
    overdue: list[Meeting]
    upcoming: list[Meeting]


def mentor_meetings(user, today: date, *, days: int = 30, limit: int = 15) -> MentorMeetings:
    """The user's live pairs are found first (through the mentor's registry entry): one indexed query for everybody
    who mentors nobody, and the meetings are read by their pairs, never by scanning meetings not held (57 ms on a
    tenth of a region when the join was left to the planner)."""
    pairs = list(Pair.objects.filter(mentor__user=user, status__in=LIVE_STATUSES).values_list("pk", flat=True))
    if not pairs:
        return MentorMeetings([], [])
    own = Meeting.objects.filter(pair_id__in=pairs, held_on__isnull=True, planned_on__isnull=False).select_related(
        "pair__organization", "pair__form")
    return MentorMeetings(list(own.filter(planned_on__lt=today).order_by("planned_on", "id")[:limit]),
                          list(own.filter(planned_on__gte=today, planned_on__lte=today + timedelta(days=days))
                               .order_by("planned_on", "id")[:limit]))


def mentor_version(user) -> list[str]:
    """What «Мои встречи» is kept under: the version of the user's own pairs and meetings."""
    return [f"mentor:{user.pk}"]


def _mentor_of(instance, created: bool = False) -> list[str]:
    mentor_id = instance.mentor_id if hasattr(instance, "mentor_id") else Pair.objects.filter(
        pk=instance.pair_id).values_list("mentor_id", flat=True).first()
    user_id = Person.objects.filter(pk=mentor_id).values_list("user_id", flat=True).first()
    return [f"mentor:{user_id}"] if user_id else []


def connect() -> None:
    versions.watch("mentor-meetings", _mentor_of, models=(Pair, Meeting, PlanTask))  # tasks: «Что устаревает»


def meetings_block(user, today: date, place=None) -> list[LandingBlock]:
    found = mentor_meetings(user, today)
    if not (found.overdue or found.upcoming):
        return []
    return [LandingBlock("Мои встречи", "participants/meetings_block.html", {"meetings": found, "today": today},
                         order=5)]
