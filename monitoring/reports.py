"""«Аналитическая справка»: built once as plain data, rendered as the page, the PDF and the XLSX workbook."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, Q

from monitoring.charts import grouped_bars
from monitoring.models import Answer, Indicator, QuestionnaireKind, RoundStage
from monitoring.rounds.selectors import district_comparison, school_comparison
from monitoring.selectors import (
    Actuals,
    IndicatorRow,
    SchoolRow,
    is_in_progress,
    plan_versus_actual,
    schools_for_year,
    target_years,
    year_period,
)
from participants.models import District, Organization
from participants.pairs.selectors import SchoolFigures, district_figures
from participants.target_groups.coverage import coverage
from participants.training.selectors import mentors_with_training
from roadmaps.contests.models import Application, Contest, ContestResult
from roadmaps.events.models import Event
from roadmaps.models import Item, Occurrence, Roadmap


@dataclass
class RoadmapProgress:
    roadmap: Roadmap
    items: int
    done: int
    overdue: int

    @property
    def done_share(self) -> float | None:
        return round(100 * self.done / self.items, 1) if self.items else None


@dataclass
class QuestionResult:
    questionnaire: str
    topic: str
    question: str
    organization: str
    form: str
    average: float | None
    answers: int


@dataclass
class MethodicalWork:
    """Events held, contests and training in the report's year (issue #14)."""

    events: list[tuple[str, date, str, int, int]]  # title, held on, kind, invited, came
    contests: list[tuple[str, int, list[str]]]  # title, applications, winners
    mentors: int  # mentors of live pairs
    trained: int  # …of them trained in the last three years

    @property
    def trained_share(self) -> int | None:
        return round(100 * self.trained / self.mentors) if self.mentors else None


def methodical_work(place, organizations, period: tuple[date, date], today: date) -> MethodicalWork:
    owners = Q(organization__in=organizations) | (Q(district=place) if isinstance(place, District) else Q(pk__in=[]))
    events = (Event.objects.alive().filter(owners, held_on__range=period)
              .annotate(invited=Count("attendances", distinct=True),
                        came=Count("attendances", filter=Q(attendances__attended=True), distinct=True))
              .order_by("held_on", "pk"))
    district_id = place.pk if isinstance(place, District) else place.district_id
    contests = []
    for contest in Contest.objects.filter(district_id=district_id, applications_until__range=period).order_by("pk"):
        applications = Application.objects.filter(contest=contest, organization__in=organizations)
        winners = [a.entrant for a in applications.filter(result=ContestResult.WINNER).select_related(
            "pair__mentor", "mentor", "practice")]
        contests.append((contest.title, applications.count(), winners))
    mentors = list(mentors_with_training(organizations, min(period[1], today)).values_list("trained", flat=True))
    return MethodicalWork(events=[(e.title, e.held_on, e.get_kind_display(), e.invited, e.came) for e in events],
                          contests=contests, mentors=len(mentors), trained=sum(mentors))


@dataclass
class AnalyticalReport:
    title: str
    place: District | Organization
    year: int
    today: date
    years: list[int]
    indicators: list[Indicator]
    rows: list[IndicatorRow]
    schools: list[SchoolRow]
    figures: list[SchoolFigures]
    forms: list[str]
    roadmaps: list[RoadmapProgress]
    questions: list[QuestionResult]
    entry_final: list[tuple[str, str, float | None, float | None]] = field(default_factory=list)
    work: MethodicalWork | None = None
    rounds: list = field(default_factory=list)  # the quarterly rounds' comparisons with answers (monitoring/rounds)
    groups: list = field(default_factory=list)  # coverage by target group, counts only (participants/target_groups)

    def chart(self, row: IndicatorRow) -> str:
        return grouped_bars([(str(y), _f(row.cells[y].target), row.cells[y].actual) for y in self.years],
                            title=row.indicator.name, unit=row.indicator.unit)

    @property
    def charts(self) -> list[tuple[IndicatorRow, str]]:
        return [(row, self.chart(row)) for row in self.rows]

    @property
    def totals(self) -> dict[str, int]:
        return {key: sum(getattr(f, key) for f in self.figures) for key in ("pairs", "mentors", "mentees",
                                                                              "unfulfilled")}


def _f(value) -> float | None:
    return float(value) if value is not None else None


def roadmap_progress(roadmaps, today: date) -> list[RoadmapProgress]:
    """Items done and overdue per roadmap, in two aggregate queries."""
    roadmaps = list(roadmaps.select_related("district", "organization"))
    items = Item.objects.alive().filter(roadmap__in=roadmaps).values("roadmap_id").annotate(
        total=Count("id"), done=Count("id", filter=Q(status="done")))
    overdue = Occurrence.objects.overdue(today).filter(item__roadmap__in=roadmaps).values(
        "item__roadmap_id").annotate(n=Count("item", distinct=True))
    by_items = {row["roadmap_id"]: row for row in items}
    by_overdue = {row["item__roadmap_id"]: row["n"] for row in overdue}
    return [RoadmapProgress(r, by_items.get(r.pk, {}).get("total", 0), by_items.get(r.pk, {}).get("done", 0),
                            by_overdue.get(r.pk, 0)) for r in roadmaps]


def questionnaire_results(organizations) -> tuple[list[QuestionResult], list[tuple[str, str, float | None, float | None]]]:
    """Average scores per questionnaire, question, school and form; and entry versus final by topic."""
    rows = (
        Answer.objects.filter(invitation__organization__in=organizations, score__isnull=False)
        .values("question__questionnaire__title", "question__questionnaire__kind", "question__topic",
                "question__text", "invitation__organization__short_name", "invitation__form__name")
        .annotate(average=Avg("score"), answers=Count("id"))
        .order_by("question__questionnaire__id", "question__position", "invitation__organization__short_name")
    )
    results, by_topic = [], defaultdict(lambda: defaultdict(list))
    for row in rows:
        results.append(QuestionResult(
            row["question__questionnaire__title"], row["question__topic"], row["question__text"],
            row["invitation__organization__short_name"], row["invitation__form__name"] or "—",
            round(row["average"], 1), row["answers"]))
        kind = row["question__questionnaire__kind"]
        for who, entry, final in (("наставники", QuestionnaireKind.MENTOR_ENTRY, QuestionnaireKind.MENTOR_FINAL),
                                  ("наставляемые", QuestionnaireKind.MENTEE_ENTRY, QuestionnaireKind.MENTEE_FINAL)):
            if kind in (entry, final):
                by_topic[(who, row["question__topic"])][kind == final].extend([row["average"]] * row["answers"])
    compared = [(who, topic, _mean(v[False]), _mean(v[True])) for (who, topic), v in sorted(by_topic.items())]
    return results, compared


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def analytical_report(place: District | Organization, user, year: int, today: date) -> AnalyticalReport:
    """The report for a district (all its schools the user may see) or for one school."""
    if isinstance(place, District):
        organizations = list(Organization.objects.visible_to(user).filter(district=place).in_russian_order())
        roadmaps = Roadmap.objects.visible_to(user).filter(Q(district=place) | Q(organization__in=organizations))
        title = f"Аналитическая справка о реализации целевой модели наставничества: {place.name}, {year} год"
    else:
        organizations = [place]
        roadmaps = Roadmap.objects.visible_to(user).filter(organization=place)
        title = f"Аналитическая справка о реализации целевой модели наставничества: {place.short_name}, {year} год"
    indicators = list(Indicator.objects.catalogue_of(place))
    if is_in_progress(year, today):
        title += f" (на {today:%d.%m.%Y}: учебный год ещё идёт)"
    years = [y for y in target_years(indicators, today) if y <= year] or [year]
    if year not in years:
        years.append(year)
    actuals = Actuals(indicators, organizations, today)
    rows = plan_versus_actual(indicators, organizations, years, today, actuals)
    _, schools = schools_for_year(indicators, organizations, year, today, actuals)
    figures = district_figures(organizations)
    questions, entry_final = questionnaire_results(organizations)
    rounds = [c for c in (district_comparison(organizations, stage) if isinstance(place, District) else
                          school_comparison(place, stage) for stage in RoundStage.values) if c.periods]
    return AnalyticalReport(
        title=title, place=place, year=year, today=today, years=years, indicators=indicators, rows=rows,
        schools=schools, figures=figures, forms=sorted({n for f in figures for n in f.by_form}),
        roadmaps=roadmap_progress(roadmaps, today), questions=questions, entry_final=entry_final,
        work=methodical_work(place, organizations, year_period(year, today) or (date(year - 1, 9, 1), today), today),
        rounds=rounds, groups=coverage(organizations),
    )
