"""The approval of a school's roadmap (распоряжение Р-145 and the district's положение: the school's plan is agreed
with the district): a draft or a returned plan goes for approval, the district approves it or returns it with what
to rework, an approved plan is reopened for changes — and goes for approval again. Nothing else moves it."""

from __future__ import annotations

from mentoring_portal.lib.rules import Rule, Rules
from roadmaps.models import RoadmapStatus

# The state table: action → the states it starts from, and the state it leads to.
MOVES = {
    "submit": ({RoadmapStatus.DRAFT, RoadmapStatus.RETURNED}, RoadmapStatus.SUBMITTED),
    "approve": ({RoadmapStatus.SUBMITTED}, RoadmapStatus.APPROVED),
    "return": ({RoadmapStatus.SUBMITTED}, RoadmapStatus.RETURNED),
    "reopen": ({RoadmapStatus.APPROVED}, RoadmapStatus.DRAFT),
}
FROM_WORDS = {"submit": "Отправить можно черновик или возвращённую на доработку дорожную карту.",
              "approve": "Дорожная карта не ожидает согласования.",
              "return": "Дорожная карта не ожидает согласования.",
              "reopen": "Открыть для изменений можно согласованную дорожную карту организации."}


def _school_roadmap(roadmap, **_) -> str | None:
    if roadmap.is_school_roadmap:
        return None
    return "Согласуются дорожные карты организаций: муниципалитет утверждает свою приказом."


def _from(action):
    def refusal(roadmap, **_) -> str | None:
        return None if roadmap.status in MOVES[action][0] else FROM_WORDS[action]
    return refusal


def _has_items(roadmap, **_) -> str | None:
    return None if roadmap.items.alive().exists() else "В дорожной карте нет ни одного мероприятия."


def _says_what_to_rework(roadmap, comment="", **_) -> str | None:
    return None if comment.strip() else "Напишите, что нужно доработать."


APPROVAL = Rules(
    "согласование дорожной карты",
    *(Rule(action, "согласуется дорожная карта организации", _school_roadmap) for action in MOVES),
    *(Rule(action, f"{action}: из состояний {', '.join(sorted(MOVES[action][0]))}", _from(action)) for action in MOVES),
    Rule("submit", "на согласование — план с мероприятиями", _has_items),
    Rule("return", "возвращая, муниципалитет пишет, что доработать", _says_what_to_rework),
)
