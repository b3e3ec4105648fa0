"""An event's life: invitations from the registry and the accounts, attendance (marked, or read from the sign-in
sheet), held with its protocol — which marks the roadmap item it fulfils — and deleted while its history stays."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.models import Category, Membership, Pair, Person, Role
from participants.services.erasure import ANONYMOUS, erasure_copies
from roadmaps.events.models import Attendance, Event
from roadmaps.events.rules import EVENT
from roadmaps.models import Evidence
from roadmaps.occurrences import occurrence_mark_done

INVITED = {"curators": "кураторы ОО", "mentors": "наставники", "teachers": "педагоги"}


def invited_schools(event: Event):
    return [event.organization] if event.organization_id else list(event.schools.all())


@transaction.atomic
def event_invite(*, event: Event, groups: set[str]) -> int:
    """Invite the chosen groups of the event's schools; someone invited already stays as he is. Returns the number
    of new participants."""
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
    before = event.attendances.count()
    Attendance.objects.bulk_create(rows, ignore_conflicts=True)
    versions.touch(event)
    return event.attendances.count() - before


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


@erasure_copies.register
def erase_attendance_names(*, person, names) -> None:
    """The attendance list keeps a copy of each participant's name (it outlives a deleted entry): erased with him."""
    Attendance.objects.filter(person=person).update(name=ANONYMOUS)
