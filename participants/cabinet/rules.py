"""Who may do what on a participant's own page, in one table (issue #25). A viewer is the mentee himself (by his
personal link or signed in) or a parent by the parent's link. Sources: 152-ФЗ ст. 9 and ГК РФ ст. 26, 28 for the
age rules (the same as the registry's consent, models/registry.consent_problems); the methodology's stage 5 for the
pair's plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentoring_portal.lib.rules import Rule, Rules
from participants.cabinet.models import LinkKind
from participants.models import Category, Pair, Person
from participants.models.pairs import LIVE_STATUSES

MESSAGES_A_DAY = 10
MENTOR_CHOICES = 3
CHILD_YEARS = 14  # below it a parent acts for the child (ГК РФ ст. 28)


@dataclass(frozen=True)
class Viewer:
    """Who opened the page: the mentee himself or a parent (`kind`), for `person`."""

    person: Person
    kind: str

    @property
    def is_parent(self) -> bool:
        return self.kind == LinkKind.PARENT


def _age_unknown_pupil(person: Person) -> bool:
    return person.birth_date is None and person.category == Category.STUDENT


# Issuing a link (the school's curator) ------------------------------------------------------------------------------
def _not_erased(person, **_) -> str | None:
    return "Данные участника удалены по запросу: ссылку выдать нельзя." if person.anonymised_on else None


def _parent_link_for_a_minor(person, kind, today, **_) -> str | None:
    if kind == LinkKind.PARENT and not person.is_minor(today):
        return (f"{person.full_name} — совершеннолетний: ссылка для родителя не нужна, выдайте ссылку самому "
                "участнику.")
    return None


def _own_link_from_fourteen(person, kind, today, **_) -> str | None:
    if kind != LinkKind.MENTEE:
        return None
    if _age_unknown_pupil(person):
        return ("Возраст обучающегося не известен (нет даты рождения): укажите её, или выдайте ссылку родителю "
                "(законному представителю).")
    age = person.age(today)
    if age is not None and age < CHILD_YEARS:
        return (f"{person.full_name} младше {CHILD_YEARS} лет: страницу ребёнка открывает родитель (законный "
                "представитель) — выдайте ссылку для родителя.")
    return None


# Acting on the page ------------------------------------------------------------------------------------------------
def _acts_for_himself_or_a_child(viewer: Viewer, today, **_) -> str | None:
    """A parent acts for a child under 14; from 14 the mentee acts himself."""
    if viewer.is_parent:
        age = viewer.person.age(today)
        if age is None or age >= CHILD_YEARS:
            return ("С 14 лет участник действует сам: родитель видит его страницу, но не отмечает план и не выбирает "
                    "наставника за подростка.")
    return None


def _not_in_a_live_pair(live_pair: bool, **_) -> str | None:
    return "Пара уже сформирована: выбор наставника закрыт." if live_pair else None


def _up_to_three_different(chosen: list[int], **_) -> str | None:
    if not chosen:
        return "Выберите хотя бы одного наставника."
    if len(chosen) > MENTOR_CHOICES:
        return f"Можно выбрать не больше {MENTOR_CHOICES} наставников."
    if len(set(chosen)) != len(chosen):
        return "Один наставник выбран дважды: выберите разных."
    return None


def _among_the_offered(chosen: list[int], offered: set[int], **_) -> str | None:
    return None if set(chosen) <= offered else "Этого наставника нет среди предложенных школой."


def _pair_is_live(pair: Pair, **_) -> str | None:
    if pair.status not in LIVE_STATUSES:
        return f"Пара {pair.get_status_display().lower()}: отметки плана больше не меняются."
    return None


def _message_not_empty(text: str, **_) -> str | None:
    return "Напишите сообщение." if not text.strip() else None


def _message_not_too_long(text: str, **_) -> str | None:
    return "Сообщение длиннее 2000 знаков: сократите его." if len(text) > 2000 else None


def _not_too_many_messages(sent_today: int, **_) -> str | None:
    if sent_today >= MESSAGES_A_DAY:
        return f"За сегодня уже отправлено {MESSAGES_A_DAY} сообщений: напишите завтра или позвоните куратору."
    return None


def _consent_by_a_parent_or_an_adult(viewer: Viewer, today, **_) -> str | None:
    if viewer.is_parent or not viewer.person.is_minor(today):
        return None
    return ("За несовершеннолетнего согласие даёт или отзывает родитель (законный представитель) — по ссылке для "
            "родителя, или на бумаге у куратора.")


def _no_consent_in_force(consent, **_) -> str | None:
    return "Согласие уже действует." if consent is not None else None


def _a_consent_in_force(consent, **_) -> str | None:
    return "Действующего согласия нет: отзывать нечего." if consent is None else None


def _confirmed(viewer: Viewer, confirmed: bool, **_) -> str | None:
    if confirmed:
        return None
    if viewer.is_parent:
        return "Подтвердите, что вы — родитель (законный представитель) участника и даёте согласие."
    return "Подтвердите, что даёте согласие."


CABINET = Rules(
    "личная страница участника",
    Rule("issue", "152-ФЗ: данные удалённого участника больше не обрабатываются", _not_erased),
    Rule("issue", "ГК РФ ст. 26, 28: за несовершеннолетнего действует родитель (законный представитель)",
         _parent_link_for_a_minor),
    Rule("issue", "ГК РФ ст. 28: за ребёнка младше 14 лет действует родитель", _own_link_from_fourteen),
    Rule("mark_task", "ГК РФ ст. 26, 28: с 14 лет участник действует сам, до 14 — родитель",
         _acts_for_himself_or_a_child),
    Rule("mark_task", "Методология, этап 5: план ведётся, пока пара работает", _pair_is_live),
    Rule("choose_mentors", "ГК РФ ст. 26, 28: с 14 лет участник действует сам, до 14 — родитель",
         _acts_for_himself_or_a_child),
    Rule("choose_mentors", "Методология, этап 5: наставника выбирают до формирования пары", _not_in_a_live_pair),
    Rule("choose_mentors", "Методология, этап 5: предпочтения — до трёх наставников по порядку",
         _up_to_three_different),
    Rule("choose_mentors", "выбирают из наставников школы со свободными местами", _among_the_offered),
    Rule("write", "сообщение куратору — не пустое", _message_not_empty),
    Rule("write", "сообщение куратору — не длиннее 2000 знаков", _message_not_too_long),
    Rule("write", "не больше 10 сообщений в день (защита от рассылки)", _not_too_many_messages),
    Rule("give_consent", "152-ФЗ ст. 9 п. 6: за несовершеннолетнего согласие даёт законный представитель",
         _consent_by_a_parent_or_an_adult),
    Rule("give_consent", "второе согласие не нужно, пока действует первое", _no_consent_in_force),
    Rule("give_consent", "152-ФЗ ст. 9 п. 1: согласие — конкретное, информированное, сознательное",
         _confirmed),
    Rule("withdraw_consent", "152-ФЗ ст. 9 п. 2: согласие отзывает тот, кто его дал",
         _consent_by_a_parent_or_an_adult),
    Rule("withdraw_consent", "отзывают действующее согласие", _a_consent_in_force),
)


def link_kinds(person: Person, today: date) -> list[tuple[str, str]]:
    """The links a curator may give this person now (for the card's buttons)."""
    return [(kind, label) for kind, label in LinkKind.choices
            if CABINET.allows("issue", person=person, kind=kind, today=today)]
