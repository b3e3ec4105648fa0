"""The public section's content plan and its counter (issue #26; 000 §2.8, 001: «не менее двух рубрик, контент-план,
не менее пяти публикаций»; 003 п.11.4, 11.8), and the news the portal offers to draft from what happened — a held
event, a contest's results, a published practice — through providers other apps register (`SUGGESTIONS.add`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentoring_portal.lib.plugins import Plugins
from mentoring_portal.lib.schoolyear import school_year_of
from participants.access import place_fields, place_kind
from participants.models import Practice, PracticeStatus
from participants.public.models import ContentPlanItem, News, PublicPage

PUBLICATIONS_A_YEAR, RUBRICS = 5, 2  # seed 001


@dataclass
class Counter:
    publications: int
    rubrics: int

    @property
    def met(self) -> bool:
        return self.publications >= PUBLICATIONS_A_YEAR and self.rubrics >= RUBRICS

    @property
    def text(self) -> str:
        return (f"публикаций за учебный год {self.publications} из {PUBLICATIONS_A_YEAR}, рубрик {self.rubrics} из "
                f"{RUBRICS}")


def year_news(pages, today: date):
    return News.objects.filter(page__in=pages, published_on__gte=date(school_year_of(today), 9, 1),
                               published_on__lte=today)


def counter(page: PublicPage, today: date) -> Counter:
    news = year_news([page], today)
    return Counter(news.count(), news.exclude(rubric="").values("rubric").distinct().count())


def plan_rows(page: PublicPage, today: date) -> list[tuple[ContentPlanItem, str]]:
    """Each line with its state: опубликовано, просрочено, запланировано."""
    return [(item, "опубликовано" if item.news_id else "просрочено" if item.due < today else "запланировано")
            for item in page.plan.select_related("news")]


@dataclass
class Suggestion:
    title: str
    text: str
    rubric: str


Provider = Callable[[Any, date], list[Suggestion]]
SUGGESTIONS: Plugins[Provider] = Plugins("public page: news suggested from what happened at the place")


def suggestions(place, today: date) -> list[Suggestion]:
    """What happened at the place that has no news yet (a news item of the same title is taken as written)."""
    page = PublicPage.objects.filter(**place_fields(place)).first()
    written = set(page.news.values_list("title", flat=True)) if page else set()
    return [s for provider in SUGGESTIONS for s in provider(place, today) if s.title not in written]


@SUGGESTIONS.add
def published_practices(place, today: date) -> list[Suggestion]:
    found = Practice.objects.filter(status=PracticeStatus.PUBLISHED, published_on__gte=date(school_year_of(today), 9, 1))
    found = found.filter(organization=place) if place_kind(place) == "organization" else found.filter(
        organization__district=place)
    return [Suggestion(f"Практика «{p.title}» — в банке успешных практик",
                       f"Практика наставничества «{p.title}» ({p.organization.short_name}) опубликована в банке "
                       f"успешных практик {p.published_on:%d.%m.%Y}. {p.results[:300]}", "Успешные практики")
            for p in found.select_related("organization")[:5]]
