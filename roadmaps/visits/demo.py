"""The demo's methodical visits: МБОУ Тинская СОШ (Саянский район) has asked and waits for the answer; ЦК «Китеж»
(Клин) asked and the district answered with a visit next week — both schools whose teachers' РИКУ/ИКУ results advise
one (participants/routes/demo.py)."""

from __future__ import annotations

from datetime import date, timedelta

from participants.models import Organization
from roadmaps.visits.models import VisitRequest
from roadmaps.visits.services import default_start, visit_accept, visit_submit


def load(today: date) -> int:
    made = 0
    for code, topic, answer in (
            ("tinskaya", "Недопустимый уровень ИКУ у трёх педагогов: работа с детьми с ОВЗ, взаимодействие с "
                         "родителями", False),
            ("kitezh", "РИКУ: методические компетенции — формулирование учебных задач занятия", True)):
        school = Organization.objects.filter(code=code).first()
        if school is None or VisitRequest.objects.filter(organization=school).exists():
            continue
        request = visit_submit(VisitRequest(organization=school, topic=topic, teachers=3, wished_from=today,
                                            wished_until=today + timedelta(days=30)), user=None, today=today)
        if answer:
            visit_accept(request, user=None, starts_at=default_start(today + timedelta(days=7)),
                         place=school.short_name, title=f"Методический десант: {school.short_name}", today=today)
        made += 1
    return made
