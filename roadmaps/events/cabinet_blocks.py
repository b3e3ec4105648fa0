"""On a participant's own page (participants/cabinet): the events he is invited to that are still to come."""

from __future__ import annotations

from participants.cabinet.page import CABINET_BLOCKS
from participants.landing import LandingBlock
from roadmaps.events.models import Event
from roadmaps.events.rules import upcoming


@CABINET_BLOCKS.add
def invited_events(person, today) -> list[LandingBlock]:
    events = list(upcoming(Event.objects.alive().filter(attendances__person=person), today)
                  .order_by("starts_at", "pk").distinct()[:10])
    if not events:
        return []
    return [LandingBlock("Мероприятия, на которые вы приглашены", "participants/cabinet/events.html",
                         {"events": events}, order=20)]
