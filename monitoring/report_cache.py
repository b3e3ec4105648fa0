"""A district's analytical report (справка) kept between changes (issue #24): it reads the whole district's work —
indicators against the registry, pairs with their plans, roadmaps, events, contests, training, questionnaires — in
about 30 queries, 130–170 ms, on every view.

The page is kept under the versions of what it shows: the dashboard's figures (`district-figures`), the pairs' plans
and meetings (`district-mentoring`), the roadmaps of the district and its schools (`deadlines:district`), the
district's own page (its schools' names) and the district's methodical work (`district-work`, wired here: events and
their attendances, contests and applications, training records, questionnaires answered). A change in bulk touches
one of its records (lib/versions.touch)."""

from __future__ import annotations

from mentoring_portal.lib import versions
from monitoring.models import Invitation
from participants.caches import place as place_cache
from participants.caches.where import where
from participants.training.models import TrainingRecord
from roadmaps.contests.models import Application, Contest
from roadmaps.events.models import Attendance, Event
from roadmaps.page_cache import deadlines

WORK = "district-work"


def key(district, user, year: int, today) -> str:
    """The kept page's key: the versions above, the year asked, the day and the reader (what they may see)."""
    names = (f"district-figures:{district.pk}", f"district-mentoring:{district.pk}",
             deadlines("district", district.pk), place_cache.version_of("district", district.pk),
             f"{WORK}:{district.pk}")
    stamp = ".".join(str(versions.version(name)) for name in names)
    return f"{year}.{today.isoformat()}.{place_cache.reader(user, stamp)}"


def _names_of(instance, created: bool = False) -> list[str]:
    district_id = where(instance).district_id
    return [f"{WORK}:{district_id}"] if district_id else []


def connect() -> None:
    versions.watch(WORK, _names_of, models=(Event, Attendance, Contest, Application, TrainingRecord, Invitation))
