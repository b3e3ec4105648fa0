"""Plan versus actual: every indicator for a district and each of its schools, for any year, in a fixed number of
queries (one participation snapshot per year, one query each for targets, head-counts and manual values)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from mentoring_portal.lib.schoolyear import school_year_of
from monitoring.formulas import FORMULAS, Ratio, Snapshot, percentage
from monitoring.models import Indicator, ManualValue, Method, Target

ON_TRACK, BEHIND, NO_DATA, NO_TARGET = "on_track", "behind", "no_data", "no_target"


IN_PROGRESS = "in_progress"


@dataclass
class Cell:
    target: Decimal | None
    actual: float | None
    ratio: Ratio | None = None
    in_progress: bool = False  # the school year is still running: the figure so far, not judged against the target

    @property
    def status(self) -> str:
        if self.actual is None:
            return NO_DATA
        if self.target is None:
            return NO_TARGET
        if self.in_progress:
            return IN_PROGRESS
        return ON_TRACK if Decimal(str(self.actual)) >= self.target else BEHIND

    @property
    def label(self) -> str:
        return {ON_TRACK: "в графике", BEHIND: "отставание", NO_DATA: "нет данных", NO_TARGET: "план не задан",
                IN_PROGRESS: "год идёт"}[self.status]


@dataclass
class IndicatorRow:
    indicator: Indicator
    cells: dict[int, Cell] = field(default_factory=dict)  # year → cell

    @property
    def latest_trend(self) -> str:
        """The change of the last complete year with a value against the year before it: ↑, ↓, → (or nothing)."""
        values = [c.actual for _, c in sorted(self.cells.items()) if c.actual is not None and not c.in_progress]
        if len(values) < 2:
            return ""
        return "↑" if values[-1] > values[-2] else "↓" if values[-1] < values[-2] else "→"


def year_period(year: int, today: date) -> tuple[date, date] | None:
    """A target year is the school year that ends in it («2024» = 1 September 2023 – 31 August 2024, as the May
    monitoring counts it), up to today; None for a year that has not begun."""
    start = date(year - 1, 9, 1)
    if start > today:
        return None
    return start, min(date(year, 8, 31), today)


def current_year(today: date) -> int:
    """The target year now under way: the school year that is running ends in it."""
    return school_year_of(today) + 1


# A target year is judged from the May monitoring on (seed 003: «до 20 мая»): before that its school year is still
# building up, and three months in its figures are a fraction of the target, not a result.
JUDGED_FROM = (5, 1)


def is_in_progress(year: int, today: date) -> bool:
    return year_period(year, today) is not None and today < date(year, *JUDGED_FROM)


def last_complete_year(today: date) -> int:
    """The latest target year that can be judged: what the dashboard and the report open on."""
    year = current_year(today)
    return year - 1 if is_in_progress(year, today) else year


class Actuals:
    """Actual values of a district's indicators for groups of organizations (a school, or all of them)."""

    def __init__(self, indicators: list[Indicator], organizations, today: date):
        self.indicators = indicators
        self.organizations = list(organizations)
        self.today = today
        self._snapshots: dict[int, Snapshot | None] = {}
        manual = ManualValue.objects.filter(indicator__in=indicators, organization__in=self.organizations)
        self._manual = {(m.indicator_id, m.organization_id, m.year): m.value for m in manual}

    @cached_property
    def targets(self) -> dict[tuple[int, int | None, int], Decimal]:
        return targets_of(self.indicators)

    def snapshot(self, year: int) -> Snapshot | None:
        if year not in self._snapshots:
            period = year_period(year, self.today)
            self._snapshots[year] = Snapshot.take(self.organizations, period) if period else None
        return self._snapshots[year]

    def value(self, indicator: Indicator, organization_ids: set[int], year: int) -> tuple[float | None, Ratio | None]:
        if indicator.method == Method.MANUAL:
            # A group's value of a typed indicator: the mean of its schools' values (None if nobody typed one).
            values = [self._manual[(indicator.pk, i, year)] for i in organization_ids
                      if (indicator.pk, i, year) in self._manual]
            return (round(float(sum(values) / len(values)), 1) if values else None), None
        snapshot = self.snapshot(year)
        formula = FORMULAS.get(indicator.formula)
        if snapshot is None or formula is None:
            return None, None
        ratio = formula.compute(snapshot, organization_ids)
        return percentage(ratio), ratio


def targets_of(indicators) -> dict[tuple[int, int | None, int], Decimal]:
    return {(t.indicator_id, t.organization_id, t.year): t.value for t in Target.objects.filter(indicator__in=indicators)}


def plan_versus_actual(indicators, organizations, years: list[int], today: date,
                       actuals: Actuals | None = None) -> list[IndicatorRow]:
    """Rows for a group of organizations (a district's schools, or one school): the group's target (the
    district's, or the school's own for a single school) and the actual over the group, for each year.
    Pass the page's `actuals` to share its snapshots with `schools_for_year`."""
    indicators = list(indicators)
    single = organizations[0] if len(organizations) == 1 else None
    actuals = actuals or Actuals(indicators, organizations, today)
    targets = actuals.targets
    everyone = {o.pk for o in actuals.organizations}
    rows = []
    for indicator in indicators:
        row = IndicatorRow(indicator)
        for year in years:
            actual, ratio = actuals.value(indicator, everyone, year)
            district_target = targets.get((indicator.pk, None, year))
            target = targets.get((indicator.pk, single.pk, year), district_target) if single else district_target
            row.cells[year] = Cell(target, actual, ratio, is_in_progress(year, today))
        rows.append(row)
    return rows


@dataclass
class SchoolRow:
    organization: object
    cells: dict[int, Cell] = field(default_factory=dict)  # indicator id → cell


def schools_for_year(indicators, organizations, year: int, today: date,
                     actuals: Actuals | None = None) -> tuple[list[Indicator], list[SchoolRow]]:
    """Each school's actual against its own target (or the district's, if the school set none) for one year."""
    indicators = list(indicators)
    actuals = actuals or Actuals(indicators, organizations, today)
    targets = actuals.targets
    rows = []
    for organization in actuals.organizations:
        row = SchoolRow(organization)
        for indicator in indicators:
            actual, ratio = actuals.value(indicator, {organization.pk}, year)
            target = targets.get((indicator.pk, organization.pk, year), targets.get((indicator.pk, None, year)))
            row.cells[indicator.pk] = Cell(target, actual, ratio, is_in_progress(year, today))
        rows.append(row)
    return indicators, rows


def target_years(indicators, today: date) -> list[int]:
    """Every year from the catalogue's first target through the current one."""
    years = set(Target.objects.filter(indicator__in=indicators).values_list("year", flat=True))
    now = current_year(today)
    return list(range(min([now, *years]), now + 1))


def report_figures(report, today: date) -> dict:
    """The computed indicators of a school's monitoring report for the campaign's year, as filled in for it (and
    frozen in the report when it is submitted)."""
    indicators = list(Indicator.objects.catalogue_of(report.organization).filter(method=Method.COMPUTED))
    actuals = Actuals(indicators, [report.organization], today)
    figures = {}
    for indicator in indicators:
        value, ratio = actuals.value(indicator, {report.organization.pk}, report.campaign.year)
        figures[str(indicator.pk)] = {"name": indicator.name, "value": value, "ratio": list(ratio) if ratio else None}
    return figures
