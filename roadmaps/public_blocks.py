"""The blocks roadmaps give to a public «Наставничество» page: the approved roadmap (what, when, the expected result —
not who: the responsible column holds names) and the upcoming events."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone

from participants.models import District
from participants.public.blocks import PUBLIC_BLOCKS, PublicBlock
from roadmaps.events.models import Event
from roadmaps.models import Roadmap, RoadmapStatus


def roadmap(place, today: date) -> dict | None:
    owner = {"district": place} if isinstance(place, District) else {"organization": place}
    found = (Roadmap.objects.filter(**owner, status=RoadmapStatus.APPROVED)
             .filter(period_start__lte=today).order_by("-period_end", "-pk").first())
    if found is None:
        return None
    items = found.items.alive().select_related("section").order_by("section__position", "position")
    return {"roadmap": found, "items": list(items[:300])}


def events(place, today: date) -> dict | None:
    owner = Q(district=place) if isinstance(place, District) else (
        Q(organization=place) | Q(district=place.district_id, schools=place))
    found = list(Event.objects.alive().filter(owner, starts_at__gte=timezone.now()).distinct()
                 .order_by("starts_at")[:10])
    return {"events": found} if found else None


PUBLIC_BLOCKS.add(PublicBlock("roadmap", "Дорожная карта (утверждённая)", "public/blocks/roadmap.html", 30, roadmap))
PUBLIC_BLOCKS.add(PublicBlock("events", "Ближайшие события", "public/blocks/events.html", 90, events))
