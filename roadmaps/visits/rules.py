"""The methodical visit's rules: who moves a request, from which state, on which days. Services ask them before they
act, pages ask them what to offer, and tests/test_visits.py runs through them row by row."""

from __future__ import annotations

from mentoring_portal.lib.rules import Rule, Rules
from roadmaps.visits.models import OPEN_STATES, VisitRequest, VisitState

SEED = "002: «методический десант в ОО … по заявкам ОО»"


def _one_open(organization, **_) -> str | None:
    open_ones = [r for r in VisitRequest.objects.filter(organization=organization, declined_on__isnull=True,
                                                         withdrawn_on__isnull=True).select_related("event")
                 if r.state in OPEN_STATES]
    if open_ones:
        return (f"У школы уже есть заявка «{open_ones[0].topic}» ({open_ones[0].state_label.lower()}): дождитесь "
                "десанта или отзовите её.")
    return None


def _dates(wished_from, wished_until, today, **_) -> str | None:
    if wished_from < today:
        return "Желательные даты — не раньше сегодняшнего дня."
    if wished_until < wished_from:
        return "Конец желательного периода раньше его начала."
    return None


def _submitted(request, **_) -> str | None:
    return None if request.state == VisitState.SUBMITTED else f"Заявка уже: {request.state_label.lower()}."


def _not_in_the_past(starts_on, today, **_) -> str | None:
    return "Десант назначают на сегодня или позже." if starts_on < today else None


def _reason(reason, **_) -> str | None:
    return None if reason.strip() else "Укажите причину: школа увидит её в своей заявке."


VISIT = Rules(
    "методический десант",
    Rule("submit", SEED + " — одна заявка школы на рассмотрении", _one_open),
    Rule("submit", "желательный период: с сегодняшнего дня, конец не раньше начала", _dates),
    Rule("accept", "муниципалитет отвечает на поданную заявку", _submitted),
    Rule("accept", "десант назначают на сегодня или позже", _not_in_the_past),
    Rule("decline", "муниципалитет отвечает на поданную заявку", _submitted),
    Rule("decline", "отказ — с причиной", _reason),
    Rule("withdraw", "школа отзывает заявку, пока на неё не ответили", _submitted),
)
