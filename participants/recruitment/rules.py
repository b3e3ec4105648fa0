"""Who an open form takes, per audience, in one table (ГК РФ ст. 26, 28 and 152-ФЗ ст. 9 — as the registry's
consent): at the педсовет a teacher for himself; at the parents' meeting a parent for his child; at a classroom hour a
pupil from 14 with his parent's consent; at the partners' meeting an adult employee for himself."""

from __future__ import annotations

from datetime import date

from mentoring_portal.lib.rules import Rule, Rules
from participants.models import Category, ConsentGiver
from participants.models.registry import years_between
from participants.recruitment.models import Audience, Wish

ADULT_YEARS, OWN_FORM_YEARS = 18, 14

# audience → (the candidate's category, the wishes offered, who gives the consent)
AUDIENCES = {
    Audience.COUNCIL: (Category.TEACHER, (Wish.MENTOR, Wish.MENTEE), ConsentGiver.SELF),
    Audience.PARENTS: (Category.STUDENT, (Wish.MENTEE,), ConsentGiver.REPRESENTATIVE),
    Audience.CLASS: (Category.STUDENT, (Wish.MENTOR, Wish.MENTEE), ConsentGiver.SELF_WITH_CONSENT),
    Audience.PARTNERS: (Category.PARTNER, (Wish.MENTOR,), ConsentGiver.SELF),
}


def _age(birth_date: date | None, today: date) -> int | None:
    return years_between(birth_date, today) if birth_date else None


def _birth_date_for_a_pupil(audience, birth_date, **_) -> str | None:
    if AUDIENCES[audience][0] == Category.STUDENT and birth_date is None:
        return "Укажите дату рождения: от возраста зависит, кто даёт согласие на обработку данных."
    return None


def _not_born_tomorrow(birth_date, today, **_) -> str | None:
    return "Дата рождения ещё не наступила: проверьте год." if birth_date and birth_date > today else None


def _a_pupil_from_fourteen(audience, birth_date, today, **_) -> str | None:
    age = _age(birth_date, today)
    if audience == Audience.CLASS and age is not None and age < OWN_FORM_YEARS:
        return ("Тебе ещё нет 14 лет: анкету за тебя заполняет родитель — попроси классного руководителя дать "
                "ссылку для родительского собрания.")
    return None


def _a_child_is_a_minor(audience, birth_date, today, **_) -> str | None:
    age = _age(birth_date, today)
    if audience == Audience.PARENTS and age is not None and age >= ADULT_YEARS:
        return "Участнику уже 18 лет: анкету он заполняет сам."
    return None


def _the_parent_named(audience, consent_by, last_name, first_name, **_) -> str | None:
    if AUDIENCES[audience][2] == ConsentGiver.SELF:
        return None
    if not consent_by.strip():
        return "Укажите ФИО родителя (законного представителя), который даёт согласие."
    if consent_by.strip().lower().startswith(f"{last_name} {first_name}".strip().lower()):
        return "Согласие даёт родитель (законный представитель): укажите его ФИО, а не ФИО ребёнка."
    return None


def _consent_given(consent: bool, **_) -> str | None:
    return None if consent else "Без согласия на обработку персональных данных анкету принять нельзя."


def _a_wish_offered(audience, wish, **_) -> str | None:
    return None if wish in AUDIENCES[audience][1] else "Выберите, чего вы хотите: стать наставником или получить его."


RECRUITMENT = Rules(
    "анкета набора",
    Rule("submit", "форма предлагает только то, что подходит этой встрече", _a_wish_offered),
    Rule("submit", "ГК РФ ст. 28: возраст решает, кто даёт согласие за обучающегося", _birth_date_for_a_pupil),
    Rule("submit", "дата рождения — в прошлом", _not_born_tomorrow),
    Rule("submit", "ГК РФ ст. 28: до 14 лет за ребёнка действует родитель", _a_pupil_from_fourteen),
    Rule("submit", "ГК РФ ст. 21: с 18 лет участник действует сам", _a_child_is_a_minor),
    Rule("submit", "152-ФЗ ст. 9 п. 6: за несовершеннолетнего согласие даёт законный представитель",
         _the_parent_named),
    Rule("submit", "152-ФЗ ст. 9 п. 1: согласие — конкретное, информированное, сознательное", _consent_given),
)


def consent_giver_for(audience: str, birth_date: date | None, today: date) -> str:
    """The registry's consent giver for what the form collected: an adult pupil of a classroom hour signs himself."""
    giver = AUDIENCES[audience][2]
    age = _age(birth_date, today)
    if giver == ConsentGiver.SELF_WITH_CONSENT and age is not None and age >= ADULT_YEARS:
        return ConsentGiver.SELF
    return giver
