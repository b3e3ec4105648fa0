"""An event's rules: it is held on a day that has come and not before the day it was planned for (the protocol of
a «педсовет» held on 03.12 can't close an event of 10.12, nor its roadmap deadline); a held event is no longer
upcoming; a deleted one is neither."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from mentoring_portal.lib.rules import Rule, Rules
from roadmaps.events.models import EventKind


def _not_in_the_future(event, held_on, today, **_) -> str | None:
    return "Событие ещё не состоялось: дата проведения в будущем." if held_on > today else None


def _not_before_its_day(event, held_on, **_) -> str | None:
    planned = timezone.localdate(event.starts_at)  # the day where the event is, not in UTC (00:00 Moscow is 21:00)
    if held_on < planned:
        return (f"Событие назначено на {planned:%d.%m.%Y}: провести его {held_on:%d.%m.%Y} нельзя. Если дата "
                "изменилась, сначала измените дату события.")
    return None


def _not_deleted(event, **_) -> str | None:
    return "Событие удалено." if event.deleted_at else None


EVENT = Rules(
    "событие",
    Rule("hold", "проведённое — то, что уже было: дата проведения не позже сегодняшней", _not_in_the_future),
    Rule("hold", "событие проводится в назначенный день или позже, не раньше", _not_before_its_day),
    Rule("hold", "удалённое событие не проводится", _not_deleted),
)


def upcoming(events, today):
    """Upcoming: not held and its day not past (a held event is among the past ones whatever its date)."""
    return events.filter(held_on__isnull=True, starts_at__date__gte=today)


# Attendance the methodology asks for (seed 001), by kind of event: the share that must come, of whom, and the source.
@dataclass(frozen=True)
class AttendanceTarget:
    share: int
    of: str  # "invited" | "pairs": the invited, or every participant of the school's live pairs
    source: str


ATTENDANCE_TARGETS = {
    EventKind.CLASS_HOUR: AttendanceTarget(90, "invited", "001: классные часы — не менее 90 % обучающихся"),
    EventKind.BUSINESS_GAME: AttendanceTarget(90, "pairs", "001: итоговая деловая игра — не менее 90 % участников "
                                                           "всех пар и групп"),
}
PARENTS_MEETINGS_A_YEAR = 2  # 001: не менее двух родительских собраний о наставничестве за учебный год
