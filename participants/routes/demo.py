"""The demo's deficits and routes: teachers of МБОУ Агинская СОШ № 1 and МБОУ Тинская СОШ (Саянский район, ИКУ) and of
ЦК «Китеж» (Клин, РИКУ) — some deficits closed by their route, some at the unacceptable level, so that Тинская and
«Китеж» are advised a methodical visit and Клин's «процент педагогов, ликвидировавших профессиональные дефициты» is
computed from the demo's records."""

from __future__ import annotations

from datetime import date, timedelta

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import Category, Organization
from participants.routes.models import Competence, Deficit, Diagnostic, RouteStep, StepKind

FOUND = [  # (competence, deficit, result, unacceptable, closed by the route)
    (Competence.METHODICAL, "Формулирование учебных задач урока", "9 из 20", False, True),
    (Competence.PSYCHOLOGICAL, "Работа с обучающимися с ОВЗ", "6 из 20", True, False),
    (Competence.SUBJECT, "Решение олимпиадных задач по предмету", "11 из 20", False, False),
    (Competence.DIGITAL, "Электронный журнал и цифровые образовательные ресурсы", "7 из 20", False, True),
    (Competence.COMMUNICATIVE, "Взаимодействие с родителями обучающихся", "5 из 20", True, False),
]
PLAN = {"agin-1": (Diagnostic.IKU, 7, 2), "tinskaya": (Diagnostic.IKU, 4, 3), "kitezh": (Diagnostic.RIKU, 6, 3)}


def load(today: date) -> int:
    start = date(school_year_of(today), 9, 1)
    found_on = start + timedelta(days=max(0, min(20, (today - start).days)))
    made = 0
    for code, (diagnostic, teachers, failing) in PLAN.items():
        organization = Organization.objects.filter(code=code).first()
        if organization is None or Deficit.objects.filter(person__organization=organization).exists():
            continue
        people = list(organization.people.filter(category=Category.TEACHER, anonymised_on__isnull=True)
                      .order_by("-teaching_since", "pk")[:teachers])
        for index, person in enumerate(people):
            competence, text, result, _, closed = FOUND[index % len(FOUND)]
            unacceptable = index < failing
            closed = closed and not unacceptable
            closed_on = found_on + (today - found_on) // 2 if closed else None
            deficit = Deficit.objects.create(
                person=person, competence=competence, description=text, diagnostic=diagnostic, found_on=found_on,
                result=result, unacceptable=unacceptable, closed_on=closed_on,
                closed_how="Повторная диагностика: допустимый уровень" if closed else "")
            RouteStep.objects.bulk_create([
                RouteStep(person=person, deficit=deficit, kind=StepKind.COURSE,
                          title=f"Курсы ПК: «{text}» (36 ч)", due_on=found_on + timedelta(days=45),
                          done_on=closed_on or (found_on + timedelta(days=40) if index % 2 else None)),
                RouteStep(person=person, deficit=deficit, kind=StepKind.MENTOR,
                          title="Посещение уроков наставника и разбор своего урока", due_on=found_on + timedelta(days=75),
                          done_on=closed_on),
                RouteStep(person=person, kind=StepKind.EVENT, title="Открытый урок в «Мастерской наставничества»",
                          due_on=date(start.year + 1, 2, 15))])
            made += 1
    return made
