"""The thresholds, in one table: each says after how long something is stale, where that comes from, and whether a
mentor is told too (a consent or an account is the curator's business)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Staleness:
    key: str
    days: int
    source: str
    mentor_too: bool


NO_MEETING = Staleness("no_meeting", 30, "Методология: встречи пары — не реже раза в месяц", True)
PLAN_BEHIND = Staleness("plan_behind", 30, "План выполнен меньше чем на 90 % за 30 дней до конца пары (показатель "
                                            "«планы выполнены не менее чем на 90 %»)", True)
CONSENT_MISSING = Staleness("consent_missing", 0, "152-ФЗ: без действующего согласия данные участника не "
                                                  "обрабатываются", False)
ACCOUNT_NOT_ACCEPTED = Staleness("account_not_accepted", 14, "Приглашение в портал не принято за две недели", False)
QUESTIONNAIRE_UNANSWERED = Staleness("questionnaire_unanswered", 3, "Анкета не заполнена через 3 дня после "
                                                                    "приглашения", True)
FINAL_QUESTIONNAIRE = Staleness("final_questionnaire", 14, "Методология, этап 7: итоговая анкета — до завершения "
                                                           "пары (за две недели до конца и позже)", True)
PLAN_FULFILLED = 90
TODOS_A_KIND = 5  # more of one kind are counted in one line that leads to the list
