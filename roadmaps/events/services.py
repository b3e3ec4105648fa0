"""An event's life: invitations from the registry and the accounts, attendance (marked, or read from the sign-in
sheet), held with its protocol — which marks the roadmap item it fulfils — and deleted while its history stays."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.models import Category, Membership, Pair, Person, Role
from participants.services.erasure import ANONYMOUS, ERASURE_COPIES
from roadmaps.events.models import Attendance, Event, EventKind
from roadmaps.events.rules import ATTENDANCE_TARGETS, EVENT
from roadmaps.models import Evidence
from roadmaps.occurrences import occurrence_mark_done

INVITED = {"curators": "кураторы ОО", "mentors": "наставники", "teachers": "педагоги",
           "pupils": "обучающиеся (классы)", "parents": "родители (законные представители)",
           "pairs": "все участники работающих пар"}
# Children and their parents are invited to a school's own events only: a district's attendance list would name them
# to the district (nothing a district role reads names a pupil).
SCHOOL_ONLY = {"pupils", "parents", "pairs"}


def grade_matches(grade: str, wanted: list[str]) -> bool:
    """«5» takes 5А and 5Б; «5А» only 5А (case and spaces do not matter)."""
    grade = grade.replace(" ", "").upper()
    return any(grade == w or (w.isdigit() and grade.rstrip("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ") == w) for w in wanted)


def invited_schools(event: Event):
    return [event.organization] if event.organization_id else list(event.schools.all())


@transaction.atomic
def event_invite(*, event: Event, groups: set[str], grades: str = "") -> int:
    """Invite the chosen groups of the event's schools; someone invited already stays as he is. Returns the number
    of new participants. Pupils are taken from the classes named (`grades`: «5А, 5Б» or «5»)."""
    if groups & SCHOOL_ONLY and not event.organization_id:
        raise ValidationError("Обучающихся, родителей и участников пар приглашает школа на своё событие: список "
                              "участников муниципального события видят в районе, а имён детей там быть не должно.")
    wanted = [w.replace(" ", "").upper() for w in grades.replace(";", ",").split(",") if w.strip()]
    if "pupils" in groups and not wanted:
        raise ValidationError("Укажите классы обучающихся, например: 5А, 5Б или 5.")
    schools = invited_schools(event)
    rows: list[Attendance] = []
    if "curators" in groups:
        rows += [Attendance(event=event, user=m.user, organization=m.organization, role=INVITED["curators"],
                            name=" ".join(p for p in (m.user.last_name, m.user.first_name) if p) or m.user.username)
                 for m in Membership.objects.filter(organization__in=schools, role=Role.SCHOOL_CURATOR)
                 .select_related("user", "organization")]
    people = Person.objects.none()
    if "mentors" in groups:
        people |= Person.objects.filter(organization__in=schools, pk__in=Pair.objects.live().values("mentor_id"))
    if "teachers" in groups:
        people |= Person.objects.filter(organization__in=schools, category=Category.TEACHER)
    rows += [Attendance(event=event, person=p, organization_id=p.organization_id, name=p.full_name,
                        role=INVITED["mentors"] if "mentors" in groups else INVITED["teachers"])
             for p in people.filter(anonymised_on__isnull=True).distinct()]
    rows += [Attendance(event=event, person=p, organization_id=p.organization_id, name=p.full_name, role=role)
             for p, role in _school_people(schools, groups, wanted)]
    before = event.attendances.count()
    Attendance.objects.bulk_create(rows, ignore_conflicts=True)
    versions.touch(event)
    return event.attendances.count() - before


def _school_people(schools, groups: set[str], wanted: list[str]):
    """Pupils of the classes named, parents, and every participant of the live pairs — each once, in that order."""
    seen: set[int] = set()
    alive = Person.objects.filter(organization__in=schools, anonymised_on__isnull=True)
    found = []
    if "pupils" in groups:
        found += [(p, f"обучающийся {p.grade}") for p in alive.filter(category=Category.STUDENT).exclude(grade="")
                  if grade_matches(p.grade, wanted)]
    if "parents" in groups:
        found += [(p, "родитель") for p in alive.filter(category=Category.PARENT)]
    if "pairs" in groups:
        live = Pair.objects.live().filter(organization__in=schools)
        found += [(p, "участник пары") for p in alive.filter(Q(pk__in=live.values("mentor_id")) |
                                                            Q(pk__in=live.values("mentees")))]
    return [(p, role) for p, role in found if not (p.pk in seen or seen.add(p.pk))]


@transaction.atomic
def attendance_mark(*, event: Event, present: set[int]) -> None:
    event.attendances.update(attended=False)
    event.attendances.filter(pk__in=present).update(attended=True)
    versions.touch(event)


@transaction.atomic
def event_hold(*, event: Event, user, held_on: date, protocol=None, today: date | None = None) -> Event:
    """The event took place: its date, its protocol; the roadmap item it fulfils gets the window holding that day
    marked done, with the protocol as its evidence."""
    EVENT.check("hold", event=event, held_on=held_on, today=today or timezone.localdate())
    event.held_on = held_on
    if protocol:
        event.protocol = protocol
    event.save(update_fields=["held_on", "protocol"])
    item = event.item
    if item is not None:
        occurrence = (item.occurrences.filter(start__lte=held_on, due__gte=held_on, done_on__isnull=True).first()
                      or item.occurrences.filter(due__gte=held_on, done_on__isnull=True).order_by("due").first()
                      or item.occurrences.filter(done_on__isnull=True).order_by("-due").first())
        if occurrence is not None:
            occurrence_mark_done(occurrence=occurrence, user=user, done_on=held_on, note=f"Проведено: {event.title}")
        if event.protocol:
            event.protocol.open("rb")
            Evidence.objects.create(item=item, title=f"Протокол: {event.title}"[:300], added_by=user,
                                    file=ContentFile(event.protocol.read(), name=event.protocol.name.rsplit("/", 1)[-1]))
            event.protocol.close()
    return event


def event_delete(*, event: Event) -> None:
    """Gone from the lists and the calendar; the event, its attendance and what it marked stay for the history."""
    event.deleted_at = timezone.now()
    event.save(update_fields=["deleted_at"])


def attendance_share(attended: int, invited: int) -> int | None:
    return round(100 * attended / invited) if invited else None


@ERASURE_COPIES.add
def erase_attendance_names(*, person, names) -> None:
    """The attendance list keeps a copy of each participant's name (it outlives a deleted entry): erased with him."""
    Attendance.objects.filter(person=person).update(name=ANONYMOUS)


def attendance_against_target(event: Event, came: int, invited: int):
    """(target, the share that came of whom the target counts, met?) for an event the methodology sets one for;
    None for the others. A business game counts against every participant of the school's live pairs."""

    target = ATTENDANCE_TARGETS.get(event.kind)
    if target is None:
        return None
    if target.of == "pairs":
        live = Pair.objects.live().filter(organization__in=invited_schools(event))
        whole = Person.objects.filter(Q(pk__in=live.values("mentor_id")) | Q(pk__in=live.values("mentees"))).count()
        came = event.attendances.filter(attended=True, person__in=Person.objects.filter(
            Q(pk__in=live.values("mentor_id")) | Q(pk__in=live.values("mentees")))).count()
    else:
        whole = invited
    share = attendance_share(came, whole)
    return target, whole, share, share is not None and share >= target.share


def parents_meetings_held(organization, school_year_start: date, today: date) -> int:
    """Parents' meetings a school held in the school year (001 asks for two)."""

    return Event.objects.alive().filter(organization=organization, kind=EventKind.PARENTS_MEETING,
                                        held_on__range=(school_year_start, today)).count()
