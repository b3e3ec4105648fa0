"""The indicator forecast (issue #26): for each school and computed indicator, where it will stand on the day the
year is judged (20 May, seed 003) at the pace of this school year, and what it takes to reach the target —
«чтобы выйти на 70 %, нужно ещё 12 обучающихся в парах до 20.05» in the school's row — from the registry, the contingent
and the pairs.

The pace is the people the formula counts now less those it counted on 1 September (pairs working that day), over
the days since; the projection adds the same pace for the days left, capped at the whole contingent."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mentoring_portal.lib.wording import counted
from monitoring.formulas import FORMULAS, Snapshot
from monitoring.models import Method
from monitoring.selectors import JUDGED_FROM, current_year, targets_of

JUDGED_ON = (JUDGED_FROM[0], 20)  # «до 20 мая» (seed 003): the day the May monitoring counts
# What the numerator counts, as the sentence names it («ещё 12 …»): one, few, many — by formula
COUNTED = {
    "students_in_mentoring": ("обучающийся в паре", "обучающихся в парах", "обучающихся в парах"),
    "young_teachers_supported": ("молодой педагог с наставником", "молодых педагога с наставником",
                                 "молодых педагогов с наставником"),
    "additional_students": ("обучающийся ДО в паре", "обучающихся ДО в парах", "обучающихся ДО в парах"),
    "student_mentors": ("обучающийся-наставник", "обучающихся-наставника", "обучающихся-наставников"),
    "teacher_mentors": ("педагог-наставник", "педагога-наставника", "педагогов-наставников"),
    "student_participants": ("обучающийся в наставничестве", "обучающихся в наставничестве",
                             "обучающихся в наставничестве"),
    "teacher_participants": ("педагог в наставничестве", "педагога в наставничестве", "педагогов в наставничестве"),
    "teachers_supporting_young": ("педагог-наставник", "педагога-наставника", "педагогов-наставников"),
}


@dataclass
class Forecast:
    organization: object
    indicator: object
    now: float | None  # % today
    projected: float | None  # % on the judged day at this year's pace
    target: Decimal | None
    needed: int | None  # people still to add to reach the target (0: reached)
    by: date
    counted: tuple[str, str, str]

    @property
    def sentence(self) -> str:
        if self.target is None or self.needed is None:
            return "плановое значение не задано" if self.target is None else "нет контингента"
        if self.needed == 0:
            return f"цель {float(self.target):g} % уже достигнута"
        return (f"чтобы выйти на {float(self.target):g} %, нужно ещё {counted(self.needed, *self.counted)} "
                f"до {self.by:%d.%m}")

    @property
    def on_track(self) -> bool | None:
        if self.target is None or self.projected is None:
            return None
        return self.projected >= float(self.target)


def _target(targets: dict, indicator_id: int, school_id: int, year: int) -> Decimal | None:
    """The school's own target of the year, else the district's; a year past the catalogue's last (targets «к 2024
    году») keeps the last value as its aim."""
    years = sorted({y for (i, _, y) in targets if i == indicator_id and y <= year}, reverse=True)
    for candidate in years:
        found = targets.get((indicator_id, school_id, candidate), targets.get((indicator_id, None, candidate)))
        if found is not None:
            return found
    return None


def forecasts(indicators, organizations, today: date) -> list[Forecast]:
    """A forecast for each school and computed indicator with a counted numerator, for the target year under way."""
    year = current_year(today)
    start, judged = date(year - 1, 9, 1), date(year, *JUDGED_ON)
    computed = [i for i in indicators if i.method == Method.COMPUTED and i.formula in COUNTED]
    schools = list(organizations)
    if not computed or not schools or today >= judged:
        return []
    now_snapshot = Snapshot.take(schools, (start, today))
    start_snapshot = Snapshot.take(schools, (start, start))
    targets = targets_of(computed)
    elapsed, left = max((today - start).days, 1), (judged - today).days
    found = []
    for school in schools:
        for indicator in computed:
            formula = FORMULAS[indicator.formula]
            numerator, denominator = formula.compute(now_snapshot, {school.pk})
            at_start, _ = formula.compute(start_snapshot, {school.pk})
            target = _target(targets, indicator.pk, school.pk, year)
            if not denominator:
                found.append(Forecast(school, indicator, None, None, target, None, judged, COUNTED[indicator.formula]))
                continue
            pace = max(numerator - at_start, 0) / elapsed
            projected = min(numerator + pace * left, denominator)
            needed = None if target is None else max(0, math.ceil(float(target) / 100 * denominator) - numerator)
            found.append(Forecast(school, indicator, round(100 * numerator / denominator, 1),
                                  round(100 * projected / denominator, 1), target, needed, judged,
                                  COUNTED[indicator.formula]))
    return found
