"""News the public section's curator may draft from the roadmaps' side (participants/public/content_plan): an event
held in the last two months, a contest whose results are published."""

from __future__ import annotations

from datetime import date, timedelta

from participants.access import place_fields, place_kind
from participants.public.content_plan import SUGGESTIONS, Suggestion
from roadmaps.contests.models import Contest
from roadmaps.events.models import Event


@SUGGESTIONS.add
def held_events(place, today: date) -> list[Suggestion]:
    events = Event.objects.alive().filter(**place_fields(place), held_on__gte=today - timedelta(days=60), held_on__lte=today)
    return [Suggestion(f"Состоялось: {e.title}",
                       f"{e.held_on:%d.%m.%Y} состоялось событие «{e.title}» ({e.get_kind_display().lower()})"
                       + (f", {e.place}" if e.place else "") + ". " + (e.programme[:300] if e.programme else ""),
                       "События") for e in events.order_by("-held_on")[:5]]


@SUGGESTIONS.add
def contest_results(place, today: date) -> list[Suggestion]:
    district_id = place.district_id if place_kind(place) == "organization" else place.pk
    contests = Contest.objects.filter(district_id=district_id, results_published_on__isnull=False,
                                      results_published_on__gte=today - timedelta(days=90))
    return [Suggestion(f"Итоги конкурса «{c.title}»",
                       f"{c.results_published_on:%d.%m.%Y} подведены итоги конкурса «{c.title}». Поздравляем "
                       "победителей и благодарим всех участников!", "Конкурсы")
            for c in contests.order_by("-results_published_on")[:3]]
