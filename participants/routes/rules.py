"""The rules of deficits and routes, each problem said in Russian; the forms and the import ask them, so no path
saves what another refuses."""

from __future__ import annotations

from datetime import date

from participants.models import Category

WHO = "Дефициты и маршрут ведут для педагогов школы."


def deficit_problems(person, found_on: date | None, today: date) -> list[str]:
    problems = []
    if person is not None and (person.category != Category.TEACHER or person.anonymised_on):
        problems.append(WHO)
    if found_on and found_on > today:
        problems.append("Дата диагностики в будущем: вносят выявленный дефицит.")
    return problems


def closing_problems(deficit, closed_on: date | None, closed_how: str, today: date) -> list[str]:
    """A deficit is closed on a date between its diagnostic and today, with what confirms it, once every step of the
    route that addresses it is done (seed 002: deficits are liquidated by the route)."""
    problems = []
    if not deficit.is_open:
        problems.append("Дефицит уже ликвидирован.")
    if closed_on is None:
        problems.append("Укажите дату, когда дефицит ликвидирован.")
    elif closed_on < deficit.found_on:
        problems.append(f"Дефицит выявлен {deficit.found_on:%d.%m.%Y}: ликвидировать его раньше нельзя.")
    elif closed_on > today:
        problems.append("Дата в будущем: дефицит отмечают ликвидированным, когда это подтверждено.")
    if not closed_how.strip():
        problems.append("Укажите, чем подтверждено (повторная диагностика, открытый урок …).")
    open_steps = [s.title for s in deficit.steps.all() if s.done_on is None]
    if open_steps:
        problems.append("Не выполнены шаги маршрута по этому дефициту: " + "; ".join(f"«{t}»" for t in open_steps)
                        + ".")
    return problems


def step_problems(person, deficit, done_on: date | None, today: date) -> list[str]:
    problems = []
    if person is not None and (person.category != Category.TEACHER or person.anonymised_on):
        problems.append(WHO)
    if deficit is not None and person is not None and deficit.person_id != person.pk:
        problems.append("Этот дефицит — другого педагога.")
    if done_on and done_on > today:
        problems.append("Отметка о выполнении не может стоять в будущем.")
    return problems
