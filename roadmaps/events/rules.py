"""An event's rules: it is held on a day that has come and not before the day it was planned for (the protocol of
a «педсовет» held on 03.12 can't close an event of 10.12, nor its roadmap deadline); a held event is no longer
upcoming; a deleted one is neither."""

from __future__ import annotations

from django.utils import timezone

from mentoring_portal.lib.rules import Rule, Rules


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
