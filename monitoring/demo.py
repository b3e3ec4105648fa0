"""Demo indicators and monitoring: every indicator of the seed documents with its targets, two campaigns, answered
questionnaires. The Саянский and Клин tables are read from the seed files themselves."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from monitoring.models import Campaign, Indicator, Invitation, Method, Project, Questionnaire, Target
from monitoring.selectors import current_year, report_figures
from monitoring.services import answers_record, campaign_open, report_review, report_save
from participants.models import District, Pair, PairStatus, Region
from roadmaps.importing.parse import clean_cell, header_columns
from roadmaps.importing.readers import Table, read_blocks

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
PROJECTS = {"современная школа": Project.MODERN_SCHOOL, "успех каждого ребенка": Project.EVERY_CHILD}


def _formula_for(name: str) -> str:
    text = name.lower()
    if "дополнительным общеобразовательным" in text:
        return "additional_students"
    if "учителей в возрасте до 35" in text:
        return "young_teachers_supported"
    if "обучающихся общеобразовательных" in text:
        return "students_in_mentoring"
    if "вовлеченных в деятельность по поддержке молодых" in text:
        return "teachers_supporting_young"
    if "доля школ, реализующих модель наставничества педагогических" in text:
        return "schools_with_teacher_mentoring"
    if "банка успешных" in text:
        return "schools_with_published_practices"
    if "принявших участие в профессиональном конкурсе" in text:
        return "pairs_in_contests"
    if "ликвидировавших профессиональные дефициты" in text:
        return "teachers_closed_deficits"
    if "прошедших курсовую подготовку" in text:
        return "young_teachers_trained"
    if "прошедших обучение" in text:
        return "mentors_trained"
    return ""


def _tables(name: str) -> list[Table]:
    return [b for b in read_blocks(name, (SEEDS / name).read_bytes()) if isinstance(b, Table)]


def _sayansky_rows():
    """«Планируемые результаты (показатели эффективности)…»: project, indicator, 2021–2024 targets."""
    table = next(t for t in _tables("000_sayansky_district_roadmap.txt")
                 if any("Наименование показателя" in clean_cell(c) for c in t.rows[0].cells))
    years = [int(re.search(r"20\d\d", clean_cell(c)).group()) for c in table.rows[0].cells[3:]]
    project = ""
    for row in table.rows[1:]:
        cells = [clean_cell(c) for c in row.cells]
        project = cells[1] or project
        values = [Decimal(c.rstrip("%").replace(",", ".")) for c in cells[3:3 + len(years)]]
        yield cells[0].rstrip("."), project, cells[2], dict(zip(years, values))


def _klin_rows():
    """«Показатели и критерии эффективности…» (seed 002): numbered rows; the targets column is empty there."""
    table = next(t for t in _tables("002_klin_order_and_roadmap.txt")
                 if any("Наименование показателя" in clean_cell(c) for c in t.rows[0].cells))
    rows: list[list[str]] = []
    unnumbered: list[list[str]] = []
    for row in table.rows[1:]:
        if header_columns(row.cells):
            break  # the roadmap's table follows in the same block of the text file
        cells = [clean_cell(c) for c in row.cells] + [""] * 4
        number = cells[0].rstrip(".")
        if number.isdigit():
            rows.append([number, cells[1], cells[3]])
        elif rows and not number and cells[1] and cells[1][:1].islower():
            rows[-1][1] += " " + cells[1]  # «Доля педагогов, прошедших обучение» + «тьюторов от общего числа…»
        elif not number and cells[1]:
            unnumbered.append(["", cells[1].rstrip(":"), cells[3]])  # «Процент педагогов, ликвидировавших…»
    # The seed leaves «Процент педагогов, ликвидировавших профессиональные дефициты» without a number (between 3 and
    # 4): it follows the numbered ones, so that theirs stay as the order has them.
    last = max((int(r[0]) for r in rows), default=0)
    return rows + [[str(last + i), name, collection] for i, (_, name, collection) in enumerate(unnumbered, start=1)]


def _indicator(owner: dict, position: int, name: str, project: str, formula: str, collection: str = "",
               unit: str = "%") -> Indicator:
    indicator, _ = Indicator.objects.update_or_create(
        **owner, position=position,
        defaults={"name": name, "project": project, "unit": unit, "collection": collection,
                  "method": Method.COMPUTED if formula else Method.MANUAL, "formula": formula})
    return indicator


def _targets(indicator: Indicator, values: dict[int, Decimal]) -> None:
    for year, value in values.items():
        Target.objects.update_or_create(indicator=indicator, organization=None, year=year, defaults={"value": value})


@transaction.atomic
def load(today: date) -> int:
    sayansky, klin = District.objects.get(code="sayansky"), District.objects.get(code="klin")
    if Indicator.objects.exists():
        return 0
    for number, project, name, targets in _sayansky_rows():
        indicator = _indicator({"district": sayansky}, int(number), name,
                               PROJECTS.get(project.replace("Региональный проект", "").strip(" «»").lower(),
                                            Project.OTHER), _formula_for(name))
        _targets(indicator, targets)
    # Seed 001 (ГБОУ АО АСШИ № 2, under the region): «не менее 10% … обучающихся … педагогических работников».
    region = {"region": Region.objects.get(code="arkhangelsk")}
    ten = {2023: Decimal(10), 2024: Decimal(10), 2025: Decimal(10)}
    # Participants of each target group, mentors and mentees alike (not mentors only).
    _targets(_indicator(region, 1, "Участники наставничества (наставники и наставляемые) — не менее 10% от общего "
                                   "числа обучающихся", Project.MODERN_SCHOOL, "student_participants"), ten)
    _targets(_indicator(region, 2, "Участники наставничества (наставники и наставляемые) — не менее 10% от общего "
                                   "числа педагогических работников", Project.TEACHER_OF_FUTURE,
                        "teacher_participants"), ten)
    for number, name, collection in _klin_rows():
        unit = "да/нет" if name.startswith("Наличие") else "%"
        _indicator({"district": klin}, int(number), name, Project.TEACHER_OF_FUTURE, _formula_for(name), collection,
                   unit)
    _campaigns(sayansky, today)
    _questionnaires(today)
    return Indicator.objects.count()


def _campaigns(district: District, today: date) -> None:
    """«Мониторинг, май …» (seed 003 orders it by 20 May and 20 December): some schools submitted, one returned."""
    year = today.year if today >= date(today.year, 5, 20) else today.year - 1  # the last May campaign
    may = campaign_open(district=district, title=f"Мониторинг, май {year}", year=year, due_on=date(year, 5, 20))
    reports = list(may.reports.select_related("organization").order_by("organization__short_name"))
    for index, report in enumerate(reports[:3]):
        report_save(report=report, user=None, manual={}, figures=report_figures(report, today), submit=True,
                    texts={"achievements": "Сформированы пары и группы, проведены итоговые встречи.",
                           "problems": "Не все родители дали согласия в срок." if index else "",
                           "plans": "Расширить форму «работодатель – ученик»."})
    report_review(report=reports[0], accept=True)
    report_review(report=reports[1], accept=False, comment="Уточните число наставников-педагогов.")
    if today < date(today.year, 12, 20):
        campaign_open(district=district, title=f"Мониторинг, декабрь {today.year}", year=current_year(today),
                      due_on=date(today.year, 12, 20))
    Campaign.objects.filter(due_on__lt=today).exclude(pk=may.pk).update(is_closed=True)
    _closed_campaign(district, date(year - 1, 12, 20), today)


def _closed_campaign(district: District, due: date, today: date) -> None:
    """The half-year before: every school handed in on time, every report accepted, the campaign closed — the one
    the draft order «Об итогах мониторинга» is drawn from."""
    from django.utils import timezone

    campaign = campaign_open(district=district, title=f"Мониторинг, декабрь {due.year}", year=current_year(due),
                             due_on=due)
    for report in campaign.reports.select_related("organization"):
        report_save(report=report, user=None, manual={}, figures=report_figures(report, today), submit=True,
                    texts={"achievements": "Пары и группы сформированы, планы утверждены."},
                    at=timezone.make_aware(datetime.combine(due - timedelta(days=3), time(12))))
        report_review(report=report, accept=True)
    Campaign.objects.filter(pk=campaign.pk).update(is_closed=True)


def _questionnaires(today: date) -> None:
    """Entry and final questionnaires answered in a few pairs of МБОУ Агинская СОШ № 1: growth shows."""
    rng = random.Random("questionnaires")
    kinds = {q.kind: q for q in Questionnaire.objects.prefetch_related("questions")}
    pairs = Pair.objects.filter(organization__code="agin-1", status=PairStatus.COMPLETED).prefetch_related("mentees")[:6]
    for pair in pairs:
        for stage, lift in (("entry", 0), ("final", 2)):
            for person, who in [(pair.mentor, "mentor")] + [(m, "mentee") for m in pair.mentees.all()][:2]:
                questionnaire = kinds[f"{who}_{stage}"]
                invitation = Invitation.objects.create(questionnaire=questionnaire, organization=pair.organization,
                                                       person=person, pair=pair, form=pair.form)
                scores = {q.pk: min(10, rng.randint(5, 8) + lift) for q in questionnaire.questions.all() if q.is_scale}
                answers_record(invitation=invitation, scores=scores, texts={})
    Invitation.objects.filter(answered_at__isnull=False).update(answered_at=timezone.now())
