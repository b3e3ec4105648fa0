"""The demo's events and contests (issue #14): Клин's plan of events (seed 002) held as events with invitations and
attendance, its «Педагогический дуэт» contest with applications, the jury's scores and the results; a school event
of МБОУ Агинская СОШ № 1 that fulfils an item of its roadmap. Idempotent."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import District, Organization, Pair
from roadmaps.contests.models import Application, Contest, Nomination, Score
from roadmaps.contests.services import contest_publish
from roadmaps.events.models import Event, EventKind
from roadmaps.events.services import attendance_mark, event_hold, event_invite
from roadmaps.models import Item

KINDS = [(r"^Семинар", EventKind.SEMINAR), (r"^Тренинг", EventKind.SEMINAR), (r"^Круглый стол", EventKind.MEETING),
         (r"^(Открытые уроки|Серия открытых уроков)", EventKind.OPEN_LESSON)]


def _at(day: date, hour: int = 15) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def _kind(name: str) -> str | None:
    return next((kind for pattern, kind in KINDS if re.search(pattern, name)), None)


def _held(event: Event, today: date, share_every: int = 4) -> None:
    """Invited, three in four came, held on its day (which marks the item it fulfils)."""
    event_invite(event=event, groups={"curators", "teachers"})
    present = {pk for n, pk in enumerate(event.attendances.order_by("pk").values_list("pk", flat=True))
               if n % share_every != share_every - 1}
    attendance_mark(event=event, present=present)
    if timezone.localdate(event.starts_at) <= today:
        event_hold(event=event, user=None, held_on=timezone.localdate(event.starts_at))


@transaction.atomic
def load(today: date) -> int:
    klin = District.objects.get(code="klin")
    if klin.events.exists():
        return 0
    schools = list(klin.organizations.all())
    created = 0
    for item in Item.objects.alive().filter(roadmap__district=klin, roadmap__order__isnull=True).order_by("position"):
        kind = _kind(item.name)
        if kind is None:
            continue
        for occurrence in item.occurrences.order_by("due")[:2]:
            event = Event.objects.create(district=klin, title=item.name[:300], kind=kind, item=item,
                                         starts_at=_at(min(occurrence.start + timedelta(days=14), occurrence.due)),
                                         place="МУ «Методический кабинет», ул. Гагарина, 1",
                                         audience="молодые педагоги, педагоги-наставники, кураторы ОО",
                                         organizer="МУ «Методический кабинет»")
            event.schools.set(schools)
            _held(event, today)
            created += 1
    _duet(klin, today)
    _school_council(today)
    return created + 1


def _duet(klin: District, today: date) -> None:
    """«Педагогический дуэт» (seed 002, item 11), held again this school year: ЦК «Китеж»'s teacher pairs apply, the
    jury scores, the results are out once the judging is over (so Клин's indicator 3 counts this year's pairs)."""
    jury = get_user_model().objects.get(username="kuteykina")
    started = date(school_year_of(today), 9, 1)
    contest = Contest.objects.create(
        district=klin, title="Педагогический дуэт", year=school_year_of(today) + 1,
        applications_until=started + timedelta(days=45), judging_until=started + timedelta(days=60),
        description="Муниципальный конкурс молодых педагогов и их наставников.",
        criteria="Актуальность и новизна\nМетодическая грамотность\nРезультативность работы пары")
    nomination = Nomination.objects.create(contest=contest, name="Наставник и молодой педагог")
    contest.jury.set([jury])
    pairs = list(Pair.objects.live().filter(organization__code="kitezh", form__name="учитель – учитель")
                 .order_by("pk")[:4])
    for n, pair in enumerate(pairs):
        application = Application.objects.create(contest=contest, nomination=nomination, organization=pair.organization,
                                                 pair=pair, title=f"Совместный урок «Шаг за шагом» ({n + 1})")
        points = [9 - n, 8 - n, 9 - 2 * n]
        Score.objects.create(application=application, juror=jury, points=points, total=sum(points))
    if pairs and contest.judging_until <= today:
        contest_publish(contest=contest, today=contest.judging_until)


def _school_council(today: date) -> None:
    """МБОУ Агинская СОШ № 1's педсовет holds its roadmap's first item (a curator and a working group appointed)."""
    school = Organization.objects.get(code="agin-1")
    item = Item.objects.alive().filter(roadmap__organization=school, name__startswith="Назначение куратора").first()
    if item is None or not item.occurrences.exists():
        return
    occurrence = item.occurrences.order_by("due").first()
    event = Event.objects.create(organization=school, title="Педагогический совет «Наставничество в школе»",
                                 kind=EventKind.COUNCIL, item=item, place="Актовый зал",
                                 starts_at=_at(occurrence.start + timedelta(days=7)),
                                 audience="педагогический коллектив", organizer="Белова О. П., куратор ЦМН")
    _held(event, today)
