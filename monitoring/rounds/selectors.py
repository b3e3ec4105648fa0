"""The comparison tables: the average score of the answers of each round, by pair and form for a school, by school
and form for a district. Columns are quarters (a district's schools open their rounds on their own days)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count
from django.utils import timezone

from mentoring_portal.lib.collation import russian
from monitoring.models import Answer
from monitoring.rounds.models import QUARTERS, RoundStage
from participants.models.registry import ADULT_YEARS, years_between


@dataclass
class Line:
    label: str
    cells: dict[tuple[int, int], float | None] = field(default_factory=dict)  # quarter → average
    answers: dict[tuple[int, int], int] = field(default_factory=dict)
    bold: bool = False

    def change(self, periods: list[tuple[int, int]]) -> float | None:
        """The last round against the first one the line has."""
        known = [self.cells[p] for p in periods if self.cells.get(p) is not None]
        return round(known[-1] - known[0], 1) if len(known) > 1 else None


@dataclass
class Comparison:
    stage: str
    periods: list[tuple[int, int]]
    lines: list[Line]

    @property
    def stage_label(self) -> str:
        return RoundStage(self.stage).label

    @property
    def headings(self) -> list[str]:
        return [f"{QUARTERS[q]} кв. {y}" for y, q in self.periods]

    @property
    def rows(self) -> list[tuple[Line, list[float | None], float | None]]:
        return [(line, [line.cells.get(p) for p in self.periods], line.change(self.periods)) for line in self.lines]


def _grouped(organizations, stage: str, by: tuple[str, ...]):
    return (Answer.objects.filter(invitation__round__organization__in=organizations, invitation__round__stage=stage,
                                  score__isnull=False)
            .values("invitation__round__year", "invitation__round__quarter", *by)
            .annotate(average=Avg("score"), answers=Count("id")))


def _fill(lines: dict, key, label: str, row, bold: bool = False) -> None:
    line = lines.setdefault(key, Line(label, bold=bold))
    period = (row["invitation__round__year"], row["invitation__round__quarter"])
    line.cells[period] = round(row["average"], 1)
    line.answers[period] = row["answers"]


def _mentor_of(row, today: date) -> str:
    """A pair's line names its mentor when he is an adult; a pupil mentor is named by no one above the school (the
    district reads a school's rounds too): «наставник-обучающийся, пара № 12»."""
    born = row["invitation__pair__mentor__birth_date"]
    minor = years_between(born, today) < ADULT_YEARS if born else row["invitation__pair__mentor__category"] == "student"
    if minor:
        return f"наставник-обучающийся, пара № {row['invitation__pair_id']}"
    return (f"наставник {row['invitation__pair__mentor__last_name']} "
            f"{row['invitation__pair__mentor__first_name'][:1]}.")


def school_comparison(organization, stage: str, today: date | None = None) -> Comparison:
    """By pair or group (its form and its mentor), then by form, then the school."""
    today = today or timezone.localdate()
    lines: dict = {}
    periods = set()
    for row in _grouped([organization], stage, ("invitation__pair_id", "invitation__pair__form__name",
                                                "invitation__pair__mentor__last_name",
                                                "invitation__pair__mentor__first_name",
                                                "invitation__pair__mentor__birth_date",
                                                "invitation__pair__mentor__category")).order_by(
            russian("invitation__pair__form__name"), russian("invitation__pair__mentor__last_name"),
            "invitation__pair_id"):
        periods.add((row["invitation__round__year"], row["invitation__round__quarter"]))
        _fill(lines, ("pair", row["invitation__pair_id"]),
              f"{row['invitation__pair__form__name']}: {_mentor_of(row, today)}", row)
    for row in _grouped([organization], stage, ("invitation__form__name",)).order_by(
            russian("invitation__form__name")):
        _fill(lines, ("form", row["invitation__form__name"]), f"Форма «{row['invitation__form__name'] or '—'}»", row,
              bold=True)
    for row in _grouped([organization], stage, ()):
        _fill(lines, ("school",), organization.short_name, row, bold=True)
    return Comparison(stage, sorted(periods), list(lines.values()))


def district_comparison(organizations, stage: str) -> Comparison:
    """By school, then by form across the schools, then the district."""
    lines: dict = {}
    periods = set()
    names = {o.pk: o.short_name for o in organizations}
    by_school = defaultdict(list)
    for row in _grouped(organizations, stage, ("invitation__round__organization_id",)):
        periods.add((row["invitation__round__year"], row["invitation__round__quarter"]))
        by_school[row["invitation__round__organization_id"]].append(row)
    for organization in organizations:  # in the district's order
        for row in by_school.get(organization.pk, []):
            _fill(lines, ("school", organization.pk), names[organization.pk], row)
    for row in _grouped(organizations, stage, ("invitation__form__name",)).order_by(
            russian("invitation__form__name")):
        _fill(lines, ("form", row["invitation__form__name"]), f"Форма «{row['invitation__form__name'] or '—'}»", row,
              bold=True)
    for row in _grouped(organizations, stage, ()):
        _fill(lines, ("all",), "Все школы", row, bold=True)
    return Comparison(stage, sorted(periods), list(lines.values()))
