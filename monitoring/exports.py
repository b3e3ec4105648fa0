"""The analytical report as a PDF ready to sign and as an XLSX workbook (a sheet per section, numbers as numbers)."""


from mentoring_portal.lib.exports import (
    PDF_TYPE,
    XLSX_TYPE,
    Column,
    Exporter,
    Sheet,
    SheetRow,
    exporter,
    file_name,
    render_pdf,
    write_xlsx,
)
from participants.access import CAN_VIEW_REPORTS

GROUP = "analytical-report"


def _share(value):
    """Percent as Excel wants it: a fraction formatted «0.0%»; None stays empty («нет данных» in the page)."""
    return value / 100 if value is not None else None


class ReportExporter(Exporter):
    capability = CAN_VIEW_REPORTS

    def filename(self, report) -> str:
        place = getattr(report.place, "short_name", None) or getattr(report.place, "name", "")
        return file_name("Аналитическая справка", place, report.year)


@exporter(GROUP)
class ReportPdf(ReportExporter):
    identifier = "pdf"
    label = "PDF"
    content_type = PDF_TYPE
    extension = "pdf"

    def render(self, report) -> bytes:
        return render_pdf("monitoring/report_pdf.html", {"report": report})


@exporter(GROUP)
class ReportXlsx(ReportExporter):
    identifier = "xlsx"
    label = "Excel"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, report) -> bytes:
        heading = [report.title]
        return write_xlsx([sheet(report, heading) for sheet in (
            _indicators_sheet, _by_school_sheet, _forms_sheet, _plans_sheet, _answers_sheet, _work_sheet,
            _roadmaps_sheet, _rounds_sheet, _groups_sheet)])


def _indicators_sheet(report, heading: list[str]) -> Sheet:
    """Each indicator by year: the plan, the fact, its numerator and denominator, the mark."""
    indicators = Sheet("Показатели", [Column("Показатель", 60), Column("Проект", 22), Column("Год", 8, "number"),
                                      Column("План", 10, "percent"), Column("Факт", 10, "percent"),
                                      Column("Числитель", 11, "number"), Column("Знаменатель", 12, "number"),
                                      Column("Оценка", 14)], heading=heading)
    for row in report.rows:
        for year in report.years:
            cell = row.cells[year]
            ratio = cell.ratio or (None, None)
            indicators.rows.append(SheetRow([
                row.indicator.name, row.indicator.get_project_display(), year,
                _share(float(cell.target)) if cell.target is not None else None, _share(cell.actual),
                ratio[0], ratio[1], cell.label]))
    return indicators


def _by_school_sheet(report, heading: list[str]) -> Sheet:
    """Each school's plan and fact of every indicator."""
    by_school = Sheet("По организациям", [Column("Организация", 34)] + [
        c for i in report.indicators for c in (Column(f"{i.heading}: план", 16, "percent"),
                                               Column(f"{i.heading}: факт", 16, "percent"))], heading=heading)
    for school in report.schools:
        values = []
        for indicator in report.indicators:
            cell = school.cells[indicator.pk]
            values += [_share(float(cell.target)) if cell.target is not None else None, _share(cell.actual)]
        by_school.rows.append(SheetRow([school.organization.short_name, *values]))
    return by_school


def _forms_sheet(report, heading: list[str]) -> Sheet:
    """Pairs, mentors and mentees of each school, and its pairs by form."""
    forms = Sheet("Пары по формам", [Column("Организация", 34), Column("Пар и групп", 10, "number"),
                                     Column("Наставников", 12, "number"), Column("Наставляемых", 12, "number")]
                  + [Column(f, 14, "number") for f in report.forms], heading=heading)
    for f in report.figures:
        forms.rows.append(SheetRow([f.organization.short_name, f.pairs, f.mentors, f.mentees,
                                    *[f.by_form.get(name, 0) for name in report.forms]]))
    return forms


def _plans_sheet(report, heading: list[str]) -> Sheet:
    """How each school's pairs fulfil their plans."""
    plans = Sheet("Выполнение планов", [Column("Организация", 34), Column("Средний % плана", 14, "percent"),
                                        Column("Планов ниже 90%", 14, "number")], heading=heading)
    for f in report.figures:
        plans.rows.append(SheetRow([f.organization.short_name, _share(f.average_completion), f.unfulfilled]))
    return plans


def _answers_sheet(report, heading: list[str]) -> Sheet:
    """The questionnaires' average marks by question, school and form."""
    answers = Sheet("Анкеты", [Column("Анкета", 30), Column("Вопрос", 50), Column("Организация", 30),
                               Column("Форма", 20), Column("Средний балл", 12, "number"),
                               Column("Ответов", 10, "number")], heading=heading)
    for q in report.questions:
        answers.rows.append(SheetRow([q.questionnaire, q.question, q.organization, q.form, q.average, q.answers]))
    return answers


def _roadmaps_sheet(report, heading: list[str]) -> Sheet:
    """Each roadmap's items done and overdue."""
    roadmaps = Sheet("Дорожные карты", [Column("Дорожная карта", 60), Column("Муниципалитет или организация", 30),
                                        Column("Мероприятий", 12, "number"), Column("Выполнено", 12, "number"),
                                        Column("Просрочено", 12, "number"), Column("Доля выполненных", 12, "percent")],
                     heading=heading)
    for r in report.roadmaps:
        roadmaps.rows.append(SheetRow([r.roadmap.title, str(r.roadmap.owner), r.items, r.done, r.overdue,
                                       _share(r.done_share)]))
    return roadmaps


def _work_sheet(report, heading: list[str]) -> Sheet:
    """Events held, contests and the mentors trained."""
    work = Sheet("Мероприятия и конкурсы", [Column("Проведено", 12, "date"), Column("Мероприятие или конкурс", 60),
                                            Column("Вид", 24), Column("Приглашено / заявок", 14, "number"),
                                            Column("Пришли", 10, "number"), Column("Победители", 40)],
                 heading=heading)
    if report.work:
        for title, held_on, kind, invited, came in report.work.events:
            work.rows.append(SheetRow([held_on, title, kind, invited, came, ""]))
        for title, applications, winners in report.work.contests:
            work.rows.append(SheetRow([None, title, "конкурс", applications, None, "; ".join(winners)]))
        work.rows.append(SheetRow([None, "Наставники, обученные за последние три года", "обучение",
                                   report.work.mentors, report.work.trained, ""]))
    return work


def _rounds_sheet(report, heading: list[str]) -> Sheet:
    """The rounds of questionnaires compared by quarter."""
    rounds = Sheet("Раунды анкетирования", [Column("Диагностика", 24), Column("Пара, форма, организация", 50),
                                             Column("Квартал", 14), Column("Средний балл", 12, "number")],
                   heading=heading)
    for comparison in report.rounds:
        for line, cells, _ in comparison.rows:
            for period, cell in zip(comparison.headings, cells):
                rounds.rows.append(SheetRow([comparison.stage_label, line.label, period, cell], bold=line.bold))
    return rounds


def _groups_sheet(report, heading: list[str]) -> Sheet:
    """The target groups: people in the registry and in working pairs."""
    groups = Sheet("Целевые группы", [Column("Целевая группа", 50), Column("Участников в реестре", 18),
                                      Column("Из них в работающих парах", 22)], heading=heading,
                   rows=[SheetRow([g.label, g.people_shown, g.in_pairs_shown]) for g in report.groups])
    return groups
